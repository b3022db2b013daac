using System.ComponentModel;
using System.Globalization;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Reporting;
using MlApt.Sdm;
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
        var a = ensemble.Architecture;
        var i = settings.Index!.Value;
        if (i >= input.Count)
            InputError.In(settings.Input!, string.Create(CultureInfo.InvariantCulture,
                $"--index {i}: the file holds {input.Count} z-SDM(s), expected 0 ≤ index < {input.Count}"));
        var size = a.Channels * a.Length;
        var x = input.Values.AsSpan(i * size, size);
        var minMax = ClassifierInput.ParseNormalization(settings.Normalize) == InputNormalization.MinMax;
        if (ReferenceCnn.HasNaN(x))
            InputError.In(settings.Input!, string.Create(CultureInfo.InvariantCulture,
                $"z-SDM {i} is undefined (NaN values{(minMax ? ", e.g. a constant curve under min-max" : "")}): nothing to explain"));
        if (a.Length != ZSdm.CropLength)
            InputError.In(settings.Model!, string.Create(CultureInfo.InvariantCulture,
                $"the model takes {a.Length} bins; explain plots the {ZSdm.CropLength}-bin z-SDM (Δz −0.69 … 0.69 nm)"));

        var prediction = ReferenceCnn.PredictEnsemble(ensemble, x.ToArray(), 1);
        var predicted = 0;
        for (var k = 1; k < a.Classes; k++)
        {
            if (prediction.Mean[k] > prediction.Mean[predicted])
                predicted = k;
        }
        var target = settings.Class is null ? predicted : ParseClass(settings.Class, ensemble);
        var cam = ReferenceCnn.GradCamEnsemble(ensemble, x, target);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"z-SDM {i}: {ensemble.ClassNames[predicted]} (p = {prediction.Mean[predicted]:0.000} ± {prediction.Std[predicted]:0.000}); Grad-CAM of {ensemble.ClassNames[target]}");
        // One channel is what the published models take; for several, the plot shows the first and says so.
        var channel = a.Channels == 1 ? "" : $" (channel 1 of {a.Channels}: {ensemble.Pairs[0]})";
        ExplainPlots.SaveGradCam(settings.Out!, ZSdm.CroppedBinLeftEdges(), x[..a.Length], cam, title,
            (minMax ? "min-max normalised z-SDM" : "z-SDM") + channel);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: z-SDM {i} classified {ensemble.ClassNames[predicted]} (p = {prediction.Mean[predicted]:0.0000}); Grad-CAM of {ensemble.ClassNames[target]} written to {settings.Out}"));
        return MlAptApp.Ok;
    }

    private static int ParseClass(string text, CnnEnsemble ensemble)
    {
        for (var k = 0; k < ensemble.ClassNames.Count; k++)
        {
            if (string.Equals(ensemble.ClassNames[k], text, StringComparison.OrdinalIgnoreCase))
                return k;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < ensemble.ClassNames.Count)
            return index;
        throw new InputException($"--class '{text}': expected one of {string.Join(", ", ensemble.ClassNames)} or an index 0 … {ensemble.ClassNames.Count - 1}");
    }
}
