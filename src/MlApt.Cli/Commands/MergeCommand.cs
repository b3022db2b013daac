using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Numerics;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt merge</c>.</summary>
public sealed class MergeSettings : CommonSettings
{
    /// <summary>Slab folders.</summary>
    [CommandArgument(0, "<slab-dirs>")]
    [Description("The N folders written by mlapt map --slab K/N (one per K, any order).")]
    public string[] Slabs { get; init; } = [];

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: the same files as an unsplit mlapt map. Required.")]
    public string? Out { get; init; }

    /// <summary>Also write the extracted ions as CSV.</summary>
    [CommandOption("--ions-csv")]
    [Description("Also write csro_ions.csv.")]
    public bool IonsCsv { get; init; }

    /// <summary>JSON to stdout.</summary>
    [CommandOption("--json")]
    [Description("Print the summary as JSON on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        if (Slabs.Length == 0)
            return ValidationResult.Error("give the slab folders to merge");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt merge</c>: combines the voxel probabilities of the slabs of a split map and finishes the map
/// (sub-voxels, decision, domains, extracted ions, DBSCAN, outputs) exactly as one <c>mlapt map</c> run would.
/// </summary>
public sealed class MergeCommand(CliIo io) : Command<MergeSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var slabs = settings.Slabs.Select(SlabFiles.Read).OrderBy(s => s.Index).ToList();
        var first = slabs[0];
        foreach (var s in slabs.Skip(1))
        {
            foreach (var key in SlabFiles.Shared)
            {
                if (s.Json.GetProperty(key).GetRawText() != first.Json.GetProperty(key).GetRawText())
                    InputError.In(s.Dir, $"{key} {s.Json.GetProperty(key).GetRawText()} differs from {first.Dir}'s {first.Json.GetProperty(key).GetRawText()}: slabs of different maps");
            }
        }
        var n = first.Count;
        var indices = slabs.Select(s => s.Index).ToList();
        if (slabs.Count != n || indices.Distinct().Count() != n || indices.Any(k => k < 0 || k >= n))
            InputError.In(settings.Slabs[0], $"slabs {string.Join(", ", indices)} of {n}: expected each of 0 … {n - 1} exactly once");

        var j = first.Json;
        var recon = j.GetProperty("reconstruction").GetString()!;
        var ranges = j.GetProperty("ranges").GetString()!;
        IonFile.CheckReadable(recon);
        IonFile.CheckReadable(ranges);
        if (Provenance.Sha256(recon) != j.GetProperty("reconstruction_sha256").GetString())
            InputError.In(recon, "has changed since the slabs were mapped (SHA-256 differs)");
        if (Provenance.Sha256(ranges) != j.GetProperty("ranges_sha256").GetString())
            InputError.In(ranges, "has changed since the slabs were mapped (SHA-256 differs)");
        var options = SlabFiles.Options(j);
        var grid = new VoxelGrid(options.Box!.Value, options.ScanOrDefault);
        var (probability, std) = Assemble(slabs.Select(s => (s.Index, s.Probability, s.Std, s.Dir)).ToList(), grid, n);

        var table = RangeLoading.ForReconstruction(j.GetProperty("reconstruction").GetString()!, ranges == Path.GetFullPath(j.GetProperty("reconstruction").GetString()!) ? null : ranges,
            j.GetProperty("strict_ranges").GetBoolean());
        var cloud = IonFile.Read(recon);
        var species = table.Assign(cloud);
        var pairs = j.GetProperty("pairs").EnumerateArray().Select(p => ElementPair.Parse(p.GetString()!)).ToList();
        var automatic = j.GetProperty("automatic_box").GetBoolean();
        var analysable = j.GetProperty("analysable_voxels").GetInt32();
        var map = CsroMapper.Finish(cloud, species, table, pairs, options, grid, automatic, analysable, probability, std);

        // The controls: the same permutation of the whole specimen in every slab, finished like the map.
        var controls = new List<CsroMap>();
        var controlSeed = j.GetProperty("control_seed").GetInt32();
        for (var c = 0; c < j.GetProperty("controls").GetInt32(); c++)
        {
            var (cp, cs) = Assemble(slabs.Select(s => (s.Index, s.Controls[c].Probability, s.Controls[c].Std, s.Dir)).ToList(), grid, n);
            controls.Add(CsroMapper.Finish(cloud, LabelPermutation.PermuteSpecies(species, controlSeed + c), table, pairs, options, grid,
                automatic, analysable, cp, cs));
        }
        MapReport.Write(settings.Out!, map, cloud, species, table, controls, w =>
        {
            w.WriteStartObject("parameters");
            foreach (var key in SlabFiles.Shared.Where(k => k is not ("reconstruction_sha256" or "ranges_sha256" or "model_id" or "pairs" or "box")))
            {
                w.WritePropertyName(key);
                j.GetProperty(key).WriteTo(w);
            }
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("program", "mlapt " + ProgramInfo.Version);
            w.WriteString("reconstruction", recon);
            w.WriteString("reconstruction_sha256", j.GetProperty("reconstruction_sha256").GetString());
            w.WriteString("ranges", ranges);
            w.WriteString("ranges_sha256", j.GetProperty("ranges_sha256").GetString());
            w.WriteString("model", j.GetProperty("model").GetString());
            w.WriteString("model_id", j.GetProperty("model_id").GetString());
            w.WriteString("profile", j.GetProperty("profile").GetString());
            w.WriteNumber("merged_slabs", n);
            w.WriteString("created_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }, new MapReport.Options(IonsCsv: settings.IonsCsv, Subject: j.TryGetProperty("order", out var order) ? order.GetString() : null));
        if (settings.Json)
            io.Out.WriteLine(File.ReadAllText(Path.Combine(settings.Out!, "summary.json")));
        else
            io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Merged {n} slabs of {string.Join("+", pairs)}: CSRO volume fraction {100 * map.VolumeFraction:F3} %, {map.Domains.Count} domains → {settings.Out}")));
        return MlAptApp.Ok;
    }

    /// <summary>The whole grid's voxel probabilities from each slab's own z-layers.</summary>
    private static (float[] Probability, float[] Std) Assemble(List<(int Index, float[] Probability, float[] Std, string Dir)> slabs, VoxelGrid grid, int n)
    {
        var probability = new float[grid.Count];
        var std = new float[grid.Count];
        var layer = grid.Nx * grid.Ny;
        foreach (var s in slabs)
        {
            if (s.Probability.Length != grid.Count || s.Std.Length != grid.Count)
                InputError.In(s.Dir, $"voxel probabilities of {s.Probability.Length} voxels: expected {grid.Count}");
            var (k0, k1) = CsroMapper.SlabLayers(grid, (s.Index, n));
            Array.Copy(s.Probability, k0 * layer, probability, k0 * layer, (k1 - k0) * layer);
            Array.Copy(s.Std, k0 * layer, std, k0 * layer, (k1 - k0) * layer);
        }
        return (probability, std);
    }
}
