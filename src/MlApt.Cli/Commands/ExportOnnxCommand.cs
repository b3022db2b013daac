using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Learning;
using MlApt.Learning.Onnx;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt export-onnx</c>.</summary>
internal sealed class ExportOnnxSettings : CommonSettings
{
    /// <summary>The model.</summary>
    [CommandOption("-m|--model <M>")]
    [Description("The classifier: " + ModelLoading.Accepted + ". Default: the embedded default model.")]
    public string? Model { get; init; }

    /// <summary>The ONNX file.</summary>
    [CommandOption("-o|--out <F>")]
    [Description("The .onnx file to write. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the .onnx file to write");
        return base.Validate();
    }
}

/// <summary><c>mlapt export-onnx</c>: the classifier ensemble as one ONNX graph.</summary>
internal sealed class ExportOnnxCommand(CliIo io) : Command<ExportOnnxSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ExportOnnxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (ensemble, name, id) = settings.Model is null
            ? (DefaultModel.Load(), DefaultModel.Name, DefaultModel.Id)
            : (ModelLoading.Load(settings.Model), settings.Model, ModelLoading.Id(settings.Model));
        OnnxExport.Write(settings.Out!, ensemble, new Dictionary<string, string> { ["mlapt.model_source"] = name, ["mlapt.model_id"] = id });
        var a = ensemble.Architecture;
        io.Error.WriteLine($"mlapt: wrote {settings.Out}: {ensemble.Members.Count} members, input {OnnxExport.InputName} (N, {a.Channels}, {a.Length}) [{string.Join(", ", ensemble.Pairs)}], output {OnnxExport.OutputName} (N, {a.Classes}) [{string.Join(", ", ensemble.ClassNames)}], opset {OnnxExport.Opset}");
        return MlAptApp.Ok;
    }
}
