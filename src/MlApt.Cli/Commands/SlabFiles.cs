using System.Globalization;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;

namespace MlApt.Cli.Commands;

/// <summary>
/// What one <c>map --slab k/n</c> process leaves for <c>mlapt merge</c>: the voxel probabilities of its
/// z-layers (NaN elsewhere) and <c>slab.json</c>, which records everything the merge needs to finish the
/// map exactly as one process would have: inputs with their hashes, the resolved box, the geometry, the
/// decision settings and the model.
/// </summary>
internal static class SlabFiles
{
    public const string Format = "mlapt-map-slab-1";

    public static void Write(string dir, CsroMap map, (int Index, int Count) slab, MapSettings s, MapProfile profile, MapOptions options,
        IReadOnlyList<ElementPair> pairs)
    {
        Directory.CreateDirectory(dir);
        var g = map.Grid;
        Npy.WriteFile(Path.Combine(dir, "voxel_probability.npy"), map.VoxelProbability, g.Nz, g.Ny, g.Nx);
        Npy.WriteFile(Path.Combine(dir, "voxel_probability_std.npy"), map.VoxelStd, g.Nz, g.Ny, g.Nx);
        var (first, last) = CsroMapper.SlabLayers(g, slab);
        JsonOutput.WriteFile(Path.Combine(dir, "slab.json"), w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("slab", slab.Index);
            w.WriteNumber("slabs", slab.Count);
            w.WriteStartArray("voxel_layers");
            w.WriteNumberValue(first); w.WriteNumberValue(last);
            w.WriteEndArray();
            w.WriteString("reconstruction", Path.GetFullPath(s.Recon));
            w.WriteString("reconstruction_sha256", Provenance.Sha256(s.Recon));
            w.WriteString("ranges", Path.GetFullPath(s.Ranges!));
            w.WriteString("ranges_sha256", Provenance.Sha256(s.Ranges!));
            w.WriteBoolean("strict_ranges", s.StrictRanges);
            w.WriteStartArray("pairs");
            foreach (var p in pairs) w.WriteStringValue(p.ToString());
            w.WriteEndArray();
            w.WriteStartArray("box");
            foreach (var v in new[] { g.Box.XMin, g.Box.XMax, g.Box.YMin, g.Box.YMax, g.Box.ZMin, g.Box.ZMax }) w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteBoolean("automatic_box", map.AutomaticBox);
            w.WriteNumber("analysable_voxels", map.AnalysableVoxels);
            var scan = g.Options;
            w.WriteNumber("voxel", scan.Voxel);
            w.WriteNumber("stride", scan.Stride);
            w.WriteNumber("sphere_radius", scan.SphereRadius);
            w.WriteNumber("pair_radius", scan.PairRadius);
            w.WriteString("rule", options.Rule == DecisionRule.Sum ? "sum" : "mean");
            w.WriteNumber("threshold", options.Threshold);
            w.WriteString("stage", options.Stage.ToString());
            w.WriteNumber("min_domain_subvoxels", options.MinDomainSubVoxels);
            w.WriteNumber("peak_fraction", options.PeakFraction);
            w.WriteString("profile", profile.Profile);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            w.WriteString("program", "mlapt " + ProgramInfo.Version);
            w.WriteEndObject();
        });
    }

    /// <summary>One slab folder as read back.</summary>
    public sealed record Slab(string Dir, int Index, int Count, JsonElement Json, float[] Probability, float[] Std);

    public static Slab Read(string dir)
    {
        var path = Path.Combine(dir, "slab.json");
        if (!File.Exists(path))
            InputError.In(dir, "no slab.json: expected a folder written by mlapt map --slab K/N");
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON ({e.Message})", e);
        }
        if (!root.TryGetProperty("format", out var f) || f.GetString() != Format)
            InputError.In(path, $"format is not {Format}");
        // A slab written before a field existed (e.g. peak_fraction) cannot be checked against the others.
        if (Shared.FirstOrDefault(k => !root.TryGetProperty(k, out _)) is { } missing)
            InputError.In(path, $"no {missing}: written by another version of mlapt? Map the slab again");
        var p = Npy.Read(Path.Combine(dir, "voxel_probability.npy")).ToSingles();
        var sd = Npy.Read(Path.Combine(dir, "voxel_probability_std.npy")).ToSingles();
        return new Slab(dir, root.GetProperty("slab").GetInt32(), root.GetProperty("slabs").GetInt32(), root, p, sd);
    }

    /// <summary>The fields every slab of one map must share (everything but its index and layers).</summary>
    public static readonly string[] Shared =
    [
        "slabs", "reconstruction_sha256", "ranges_sha256", "strict_ranges", "pairs", "box", "automatic_box", "analysable_voxels", "voxel", "stride",
        "sphere_radius", "pair_radius", "rule", "threshold", "stage", "min_domain_subvoxels", "peak_fraction", "model_id",
    ];

    public static MapOptions Options(JsonElement j)
    {
        var b = j.GetProperty("box").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var stage = Enum.Parse<SdmStage>(j.GetProperty("stage").GetString()!);
        return new MapOptions(
            Box: new Box(b[0], b[1], b[2], b[3], b[4], b[5]),
            Scan: new VoxelScanOptions(j.GetProperty("voxel").GetDouble(), j.GetProperty("stride").GetDouble(),
                j.GetProperty("sphere_radius").GetDouble(), j.GetProperty("pair_radius").GetDouble()),
            Rule: j.GetProperty("rule").GetString() == "sum" ? DecisionRule.Sum : DecisionRule.Mean,
            Threshold: j.GetProperty("threshold").GetDouble(),
            Stage: stage,
            MinDomainSubVoxels: j.GetProperty("min_domain_subvoxels").GetInt32(),
            PeakFraction: j.GetProperty("peak_fraction").GetDouble());
    }

    public static string Describe(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
