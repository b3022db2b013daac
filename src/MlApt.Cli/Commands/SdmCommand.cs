using System.ComponentModel;
using System.Globalization;
using System.Text;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Numerics;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt sdm</c>.</summary>
internal sealed class SdmRegionSettings : SdmSettings
{
    /// <summary>Region box.</summary>
    [CommandOption("--box <BOX>")]
    [Description("Region xmin,xmax,ymin,ymax,zmin,zmax (nm); default: the whole reconstruction.")]
    public string? Box { get; init; }

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: zsdm.csv, zsdm.png, sdm2d.csv, sdm2d.png, sdm.json. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt sdm</c>: the z-SDM and the 2D (Δx–Δz) SDM of a whole region: every centre atom inside the
/// region against every neighbour atom within 1.5 nm, as CSV, PNG and a JSON summary.
/// </summary>
internal sealed class SdmCommand(CliIo io) : Command<SdmRegionSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SdmRegionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Box? requested = settings.Box is null ? null : BoxOption.Parse(settings.Box, "--box");
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var input = SdmInputs.Load(io, settings);
        var (ax, ay, az) = input.Centres;
        var region = requested ?? (ax.Length == 0 ? new Box(0, 0, 0, 0, 0, 0) : MlApt.Geometry.Box.Bounding(ax, ay, az));
        var (cx, cy, cz) = ZSdm.Select(ax, ay, az, region);
        if (cx.Length == 0)
            InputError.In("--box", $"no {input.Pair.Centre} atoms inside {BoxOption.Format(region)}");
        var neighbours = SpeciesIndex.Build(input.Neighbours.X, input.Neighbours.Y, input.Neighbours.Z, ZSdm.DefaultPairRadius);

        var full = new long[ZSdm.FullBinCount];
        ZSdm.AccumulateCentres(cx, cy, cz, neighbours, ZSdm.DefaultPairRadius, full);
        var sdm2 = new long[Sdm2D.Bins * Sdm2D.Bins];
        Sdm2D.AccumulateCentres(cx, cy, cz, neighbours, ZSdm.DefaultPairRadius, sdm2);

        var dir = folder.Path;
        var cropped = new double[ZSdm.CropLength];
        ZSdm.Crop(full, cropped);
        var normalized = new double[ZSdm.CropLength];
        var defined = Preprocessing.MinMax(cropped, normalized);
        var preprocessed = new double[ZSdm.CropLength];
        Preprocessing.Apply(cropped, preprocessed, SdmStage.Preprocessed);

        AtomicFile.WriteText(Path.Combine(dir, "zsdm.csv"), ZsdmCsv(full, normalized, preprocessed));
        AtomicFile.WriteText(Path.Combine(dir, "sdm2d.csv"), Sdm2DCsv(sdm2));
        var title = $"{input.Pair} z-SDM, {cx.Length:N0} centres";
        SdmPlots.SaveZSdm(Path.Combine(dir, "zsdm.png"), ZSdm.CroppedBinLeftEdges(), cropped, title, "pair counts");
        SdmPlots.SaveSdm2D(Path.Combine(dir, "sdm2d.png"), Sdm2D.ToArray(sdm2), $"{input.Pair} 2D SDM (Δx–Δz)");
        JsonOutput.WriteFile(Path.Combine(dir, "sdm.json"), w =>
        {
            w.WriteStartObject();
            w.WriteString("pair", input.Pair.ToString());
            BoxJson.Write(w, "box", region);
            w.WriteNumber("centres", cx.Length);
            w.WriteNumber("neighbours", input.Neighbours.X.Length);
            w.WriteNumber("pair_radius_nm", ZSdm.DefaultPairRadius);
            w.WriteNumber("pairs_in_zsdm", full.Sum());
            w.WriteNumber("pairs_in_cropped_zsdm", cropped.Sum());
            w.WriteBoolean("cropped_defined", defined);
            w.WriteStartObject("files");
            w.WriteString("zsdm_csv", "zsdm.csv: bin, dz_left_nm, count (200 bins of 0.015 nm over [-1.5, 1.5)); cropped = bins 54..146 with min-max normalised and preprocessed values");
            w.WriteString("sdm2d_csv", "sdm2d.csv: 200 rows (dz bins) x 200 columns (dx bins) of pair counts, no header");
            w.WriteEndObject();
            Provenance(w, settings);
            w.WriteEndObject();
        });
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        io.Heading(string.Create(CultureInfo.InvariantCulture,
            $"{input.Pair}: {cx.Length:N0} centres, {full.Sum():N0} pairs → {settings.Out}/zsdm.csv, zsdm.png, sdm2d.csv, sdm2d.png, sdm.json"));
        return MlAptApp.Ok;
    }

    internal static void Provenance(System.Text.Json.Utf8JsonWriter w, SdmSettings s)
    {
        w.WriteStartObject("provenance");
        w.WriteString("program", "mlapt " + ProgramInfo.Version);
        w.WriteString("reconstruction", s.Recon);
        w.WriteString("reconstruction_sha256", MlApt.Numerics.Provenance.Sha256(s.Recon));
        w.WriteString("ranges", RangeLoading.Source(s.Recon, s.Ranges));
        w.WriteString("ranges_sha256", MlApt.Numerics.Provenance.Sha256(RangeLoading.Source(s.Recon, s.Ranges)));
        w.WriteString("created_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static string ZsdmCsv(long[] full, double[] normalized, double[] preprocessed)
    {
        var sb = new StringBuilder("bin,dz_left_nm,count,cropped,normalized,preprocessed\n");
        for (var k = 0; k < full.Length; k++)
        {
            var c = k - ZSdm.CropStart;
            var inCrop = c >= 0 && c < ZSdm.CropLength;
            sb.Append(CultureInfo.InvariantCulture, $"{k},{ZSdm.BinLeftEdge(k):R},{full[k]},{(inCrop ? 1 : 0)},");
            sb.Append(inCrop ? Num(normalized[c]) : "").Append(',').Append(inCrop ? Num(preprocessed[c]) : "").Append('\n');
        }
        return sb.ToString();
    }

    private static string Num(double v) => double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Sdm2DCsv(long[] counts)
    {
        var sb = new StringBuilder();
        for (var r = 0; r < Sdm2D.Bins; r++)
        {
            for (var c = 0; c < Sdm2D.Bins; c++)
            {
                if (c > 0)
                    sb.Append(',');
                sb.Append(counts[r * Sdm2D.Bins + c].ToString(CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
