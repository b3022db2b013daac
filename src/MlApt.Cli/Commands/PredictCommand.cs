using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Learning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt predict</c>.</summary>
internal sealed class PredictSettings : ClassifierSettings
{
    /// <summary>Also write standard deviations.</summary>
    [CommandOption("--std")]
    [Description("After the K mean probabilities, write the K standard deviations over the ensemble members (population, ddof 0).")]
    public bool Std { get; init; }

    /// <summary>Use the double-precision reference forward pass.</summary>
    [CommandOption("--exact")]
    [Description("Use the straightforward double-precision forward pass (about 100× slower) instead of the fast float32 engine; the two agree to about 1e-6.")]
    public bool Exact { get; init; }

    /// <summary>Output CSV.</summary>
    [CommandOption("-o|--out <O>")]
    [Description("Output CSV: one line per input z-SDM with the K ensemble-mean class probabilities, no header, 'nan' for undefined inputs. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the CSV to write");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt predict</c>: class probabilities of z-SDMs from an ensemble (METHOD §6): per input the mean
/// of the members' softmax outputs and, with --std, their standard deviation.
/// </summary>
internal sealed class PredictCommand(CliIo io) : Command<PredictSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (ensemble, input) = settings.Load();
        var prediction = settings.Exact ? ReferenceCnn.PredictEnsemble(ensemble, input.Values, input.Count) : CnnInference.PredictEnsemble(ensemble, input.Values, input.Count);
        NumberCsv.Write(settings.Out!, prediction.Count, settings.Std ? [prediction.Mean, prediction.Std] : [prediction.Mean]);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: {prediction.Count} z-SDM(s) classified by a {ensemble.Members.Count}-member ensemble (columns: {string.Join(", ", ensemble.ClassNames)}{(settings.Std ? ", then their standard deviations" : "")}); {prediction.Undefined} undefined; written to {settings.Out}"));
        return MlAptApp.Ok;
    }
}
