using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Sdm;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt zsdm</c>.</summary>
internal sealed class ZsdmSettings : SdmSettings
{
    /// <summary>Centres file.</summary>
    [CommandOption("-c|--centers <C>")]
    [Description("Points file with x,y,z (nm) per line: one z-SDM per point. Required.")]
    public string? Centers { get; init; }

    /// <summary>Processing stage.</summary>
    [CommandOption("--stage <STAGE>")]
    [Description("raw (pair counts), normalized (min-max) or preprocessed (min-max, Savitzky-Golay, background clipping, min-max).")]
    [DefaultValue("preprocessed")]
    public string Stage { get; init; } = "preprocessed";

    /// <summary>Output CSV.</summary>
    [CommandOption("-o|--out <O>")]
    [Description("Output CSV: one line per centre, 93 comma-separated values, 'nan' where undefined, no header. Required.")]
    public string? Out { get; init; }

    /// <summary>Sphere radius.</summary>
    [CommandOption("--radius <NM>")]
    [Description("Radius (nm) of the sphere around each centre whose atoms make its z-SDM.")]
    [DefaultValue(0.75)]
    public double Radius { get; init; } = 0.75;

    /// <summary>The parsed stage.</summary>
    public SdmStage ParsedStage => SdmStageText.Parse(Stage, "--stage", allowRaw: true);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Centers))
            return ValidationResult.Error("--centers is required: a file of x,y,z points");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the CSV to write");
        if (!(Radius > 0) || Radius > 10)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--radius {Radius}: expected a radius in nm, 0 < r ≤ 10"));
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt zsdm</c>: the 93-bin z-SDM of the given pair around each centre (METHOD §2–§4): atoms of
/// A and B within the sphere, all ordered pairs within 1.5 nm, at the chosen processing stage.
/// </summary>
internal sealed class ZsdmCommand(CliIo io) : Command<ZsdmSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ZsdmSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stage = settings.ParsedStage;
        var (cx, cy, cz) = PointFile.Read(settings.Centers!);
        var input = settings.LoadPairPositions(io);
        var (values, undefined) = PointZSdms.Compute(input, cx, cy, cz, settings.Radius, stage);
        NumberCsv.Write(settings.Out!, cx.Length, values);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: {input.Pair} z-SDMs ({SdmStageText.Name(stage)}) of {cx.Length} centre(s) written to {settings.Out}; {undefined} undefined"));
        return MlAptApp.Ok;
    }
}
