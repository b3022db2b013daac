using System.Globalization;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Numerics;

namespace MlApt.Cli.Commands;

/// <summary>
/// What one <c>map --slab k/n</c> process leaves for <c>mlapt merge</c>: the voxel probabilities of its
/// z-layers (NaN elsewhere), those of each random-label control (<c>control_C_probability.npy</c>; every
/// slab permutes the whole specimen with the same seed, so the slabs of a control are one permutation),
/// and <c>slab.json</c>, which records everything the merge needs to finish the map exactly as one process
/// would have: inputs with their hashes, the resolved box, the geometry, the decision settings, the
/// controls and the model.
/// </summary>
internal static class SlabFiles
{
    public const string Format = "mlapt-map-slab-1";

    public static void Write(string dir, CsroMap map, IReadOnlyList<CsroMap> controls, (int Index, int Count) slab, MapSettings s, MapProfile profile,
        MapOptions options, IReadOnlyList<ElementPair> pairs)
    {
        Directory.CreateDirectory(dir);
        var g = map.Grid;
        Npy.WriteFile(Path.Combine(dir, "voxel_probability.npy"), map.VoxelProbability, g.Nz, g.Ny, g.Nx);
        Npy.WriteFile(Path.Combine(dir, "voxel_probability_std.npy"), map.VoxelStd, g.Nz, g.Ny, g.Nx);
        for (var c = 0; c < controls.Count; c++)
        {
            Npy.WriteFile(Path.Combine(dir, ControlFile(c, "probability")), controls[c].VoxelProbability, g.Nz, g.Ny, g.Nx);
            Npy.WriteFile(Path.Combine(dir, ControlFile(c, "probability_std")), controls[c].VoxelStd, g.Nz, g.Ny, g.Nx);
        }
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
            w.WriteString("ranges", Path.GetFullPath(RangeLoading.Source(s.Recon, s.Ranges)));
            w.WriteString("ranges_sha256", Provenance.Sha256(RangeLoading.Source(s.Recon, s.Ranges)));
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
            w.WriteNumber("domain_fraction", options.DomainFraction);
            w.WriteString("profile", profile.Profile);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            w.WriteString("order", profile.OrderName(pairs));
            w.WriteNumber("controls", controls.Count);
            w.WriteNumber("control_seed", s.Seed);
            w.WriteString("program", "mlapt " + ProgramInfo.Version);
            w.WriteEndObject();
        });
    }

    /// <summary>The file of control <paramref name="c"/>'s voxel <paramref name="what"/> in a slab folder.</summary>
    public static string ControlFile(int c, string what) => string.Create(CultureInfo.InvariantCulture, $"control_{c}_{what}.npy");

    /// <summary>One slab folder as read back; <see cref="Controls"/> holds each control's (probability, std).</summary>
    public sealed record Slab(string Dir, int Index, int Count, JsonElement Json, float[] Probability, float[] Std,
        IReadOnlyList<(float[] Probability, float[] Std)> Controls);

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
        foreach (var key in Shared.Append("slab").Append("reconstruction").Append("ranges").Append("profile").Append("model"))
        {
            if (!root.TryGetProperty(key, out _))
                InputError.In(path, $"no '{key}' field: written by another mlapt version? Map the slab again");
        }
        var p = Npy.Read(Path.Combine(dir, "voxel_probability.npy")).ToSingles();
        var sd = Npy.Read(Path.Combine(dir, "voxel_probability_std.npy")).ToSingles();
        var controls = new List<(float[], float[])>();
        var count = root.TryGetProperty("controls", out var cs) && cs.TryGetInt32(out var cc) ? cc : 0;
        for (var c = 0; c < count; c++)
            controls.Add((Npy.Read(Path.Combine(dir, ControlFile(c, "probability"))).ToSingles(), Npy.Read(Path.Combine(dir, ControlFile(c, "probability_std"))).ToSingles()));
        return new Slab(dir, root.GetProperty("slab").GetInt32(), root.GetProperty("slabs").GetInt32(), root, p, sd, controls);
    }

    /// <summary>The fields every slab of one map must share (everything but its index and layers).</summary>
    public static readonly string[] Shared =
    [
        "slabs", "reconstruction_sha256", "ranges_sha256", "strict_ranges", "pairs", "box", "automatic_box", "analysable_voxels", "voxel", "stride",
        "sphere_radius", "pair_radius", "rule", "threshold", "stage", "min_domain_subvoxels", "domain_fraction", "model_id", "controls", "control_seed",
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
            DomainFraction: j.GetProperty("domain_fraction").GetDouble());
    }

    public static string Describe(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
