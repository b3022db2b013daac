using System.ComponentModel;
using System.Globalization;
using MlApt.Learning;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt explain</c>.</summary>
internal sealed class ExplainSettings : ClassifierSettings
{
    /// <summary>Which z-SDM.</summary>
    [CommandOption("--index <I>")]
    [Description("0-based index of the z-SDM to explain in the input. Required.")]
    public int? Index { get; init; }

    /// <summary>Which class.</summary>
    [CommandOption("--class <CLASS>")]
    [Description("Class to explain, by name (e.g. CSRO) or 0-based index. Default: the predicted class.")]
    public string? Class { get; init; }

    /// <summary>Output PNG.</summary>
    [CommandOption("-o|--out <O>")]
    [Description("Output PNG: the z-SDM over Δz with its Grad-CAM as red shading and a dashed line. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Index is null)
            return ValidationResult.Error("--index is required: the 0-based index of the z-SDM to explain");
        if (Index < 0)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--index {Index}: expected a 0-based index ≥ 0"));
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the PNG to write");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt explain</c>: Grad-CAM (over the conv layer, class logit, mean of the ensemble members' maps)
/// of one z-SDM: which Δz regions drive the decision.
/// </summary>
internal sealed class ExplainCommand(Infrastructure.CliIo io) : Command<ExplainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ExplainSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (ensemble, input) = settings.Load();
        var e = ZSdmExplanation.Explain(ensemble, input, settings.Index!.Value, settings.Class, settings.Input!, settings.Model!);
        ExplainPlots.Save(settings.Out!, e, ensemble, ClassifierInput.ParseNormalization(settings.Normalize) == InputNormalization.MinMax);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: z-SDM {e.Index} classified {ensemble.ClassNames[e.Predicted]} (p = {e.Prediction.Mean[e.Predicted]:0.0000}); Grad-CAM of {ensemble.ClassNames[e.Target]} written to {settings.Out}"));
        return MlAptApp.Ok;
    }
}
