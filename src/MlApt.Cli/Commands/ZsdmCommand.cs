using System.ComponentModel;
using System.Globalization;
using System.Text;
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
    public SdmStage ParsedStage => Stage.ToUpperInvariant() switch
    {
        "RAW" => SdmStage.Raw,
        "NORMALIZED" or "NORMALISED" => SdmStage.Normalized,
        _ => SdmStage.Preprocessed,
    };

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Stage.ToUpperInvariant() is not ("RAW" or "NORMALIZED" or "NORMALISED" or "PREPROCESSED"))
            return ValidationResult.Error($"--stage '{Stage}': expected raw, normalized or preprocessed");
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
        var (cx, cy, cz) = PointFile.Read(settings.Centers!);
        var input = SdmInputs.Load(io, settings);
        var options = new VoxelScanOptions { SphereRadius = settings.Radius };
        var cell = Math.Max(settings.Radius, 0.25);
        var a = SpeciesIndex.Build(input.Centres.X, input.Centres.Y, input.Centres.Z, cell);
        var b = input.Pair.IsSameElement ? a : SpeciesIndex.Build(input.Neighbours.X, input.Neighbours.Y, input.Neighbours.Z, cell);
        var counts = new float[cx.Length * VoxelScan.Bins];
        var atoms = new int[cx.Length];
        VoxelScan.RunAt(cx, cy, cz, options, a, b, counts, atoms);
        var values = new double[counts.Length];
        var undefined = Preprocessing.ApplyBatch(counts, values, settings.ParsedStage);

        AtomicFile.Write(settings.Out!, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
            var line = new StringBuilder();
            for (var c = 0; c < cx.Length; c++)
            {
                line.Clear();
                for (var k = 0; k < VoxelScan.Bins; k++)
                {
                    if (k > 0)
                        line.Append(',');
                    var v = values[c * VoxelScan.Bins + k];
                    line.Append(double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture));
                }
                line.Append('\n');
                w.Write(line);
            }
        });
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: {input.Pair} z-SDMs ({settings.ParsedStage.ToString().ToLowerInvariant()}) of {cx.Length} centre(s) written to {settings.Out}; {undefined} undefined"));
        return MlAptApp.Ok;
    }
}
