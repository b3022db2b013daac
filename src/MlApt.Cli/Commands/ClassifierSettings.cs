using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Learning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Options shared by the commands that apply a classifier to z-SDMs (predict, explain).</summary>
internal class ClassifierSettings : CommonSettings
{
    /// <summary>The model.</summary>
    [CommandOption("-m|--model <M>")]
    [Description("The classifier: " + ModelLoading.Accepted + " (an ensemble, members sorted by name). Required.")]
    public string? Model { get; init; }

    /// <summary>The z-SDMs.</summary>
    [CommandOption("-i|--input <X>")]
    [Description("z-SDMs as .npy (float32/float64) of shape (N, 93) or (N, C, 93) for C channels. Required.")]
    public string? Input { get; init; }

    /// <summary>Normalisation.</summary>
    [CommandOption("--normalize <N>")]
    [Description("none (inputs already preprocessed) or minmax (scale each curve to 0–1, as the published models expect for raw counts).")]
    [DefaultValue("none")]
    public string Normalize { get; init; } = "none";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
            return ValidationResult.Error("--model is required: " + ModelLoading.Accepted);
        if (string.IsNullOrWhiteSpace(Input))
            return ValidationResult.Error("--input is required: a .npy of z-SDMs");
        if (Normalize.ToLowerInvariant() is not ("none" or "minmax" or "min-max"))
            return ValidationResult.Error($"--normalize '{Normalize}': expected none or minmax");
        return base.Validate();
    }

    /// <summary>Loads the model, then the input checked against its architecture.</summary>
    internal (CnnEnsemble Ensemble, ClassifierInput Input) Load()
    {
        var ensemble = ModelLoading.Load(Model!);
        var input = ClassifierInput.Load(Input!, ensemble.Architecture, ClassifierInput.ParseNormalization(Normalize));
        return (ensemble, input);
    }
}
