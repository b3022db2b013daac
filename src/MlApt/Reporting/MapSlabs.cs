using System.Globalization;
using System.Text.Json;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sdm;

namespace MlApt.Reporting;

/// <summary>
/// What one <c>map --slab k/n</c> process leaves for <c>mlapt merge</c>: the voxel probabilities of its
/// z-layers (NaN elsewhere), those of each random-label control (<c>control_C_probability.npy</c>; every
/// slab permutes the whole specimen with the same seed, so the slabs of a control are one permutation),
/// and <c>slab.json</c>, which records everything the merge needs to finish the map exactly as one process
/// would have: inputs with their hashes, the resolved box, the geometry, the decision settings, the
/// controls and the model. <see cref="Merge"/> finishes the map from all slabs.
/// </summary>
internal static class MapSlabs
{
    /// <summary>The format name in slab.json.</summary>
    public const string Format = "mlapt-map-slab-1";

    /// <summary>Writes the slab files of <paramref name="analysis"/> into <paramref name="dir"/>.</summary>
    public static void Write(string dir, CsroAnalysis analysis, (int Index, int Count) slab, MapRequest request, MapProfile profile, MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var (map, controls, pairs) = (analysis.Map, analysis.Controls, analysis.Pairs);
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
        AtomicFile.WriteText(Path.Combine(dir, "slab.json"), JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("slab", slab.Index);
            w.WriteNumber("slabs", slab.Count);
            w.WriteStartArray("voxel_layers");
            w.WriteNumberValue(first); w.WriteNumberValue(last);
            w.WriteEndArray();
            w.WriteString("reconstruction", Path.GetFullPath(request.Reconstruction));
            w.WriteString("reconstruction_sha256", Provenance.Sha256(request.Reconstruction));
            w.WriteString("ranges", Path.GetFullPath(request.Ranges));
            w.WriteString("ranges_sha256", Provenance.Sha256(request.Ranges));
            w.WriteBoolean("strict_ranges", request.StrictRanges);
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
            w.WriteNumber("control_seed", request.Seed);
            // The frame the slab was mapped in: merge rotates the ions the same way and refuses slabs that disagree.
            if (request.Alignment is { } alignment)
                AlignmentReport.Write(w, "alignment", alignment);
            else
                w.WriteNull("alignment");
            w.WriteString("program", Provenance.Program);
            w.WriteEndObject();
        }));
    }

    /// <summary>"in the aligned frame (tilt …°, azimuth …°)" or "unaligned", for the merge's refusal.</summary>
    private static string DescribeFrame(JsonElement slab)
    {
        var a = slab.GetProperty("alignment");
        if (a.ValueKind != JsonValueKind.Object) return "unaligned";
        double Get(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        return string.Create(CultureInfo.InvariantCulture, $"in the frame of a pole at tilt {Get("tilt_deg")}°, azimuth {Get("azimuth_deg")}°");
    }

    /// <summary>The file of control <paramref name="c"/>'s voxel <paramref name="what"/> in a slab folder.</summary>
    private static string ControlFile(int c, string what) => string.Create(CultureInfo.InvariantCulture, $"control_{c}_{what}.npy");

    /// <summary>One slab folder as read back; <see cref="Controls"/> holds each control's (probability, std).</summary>
    private sealed record Slab(string Dir, int Index, int Count, JsonElement Json, float[] Probability, float[] Std,
        IReadOnlyList<(float[] Probability, float[] Std)> Controls);

    private static Slab Read(string dir)
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
    private static readonly string[] Shared =
    [
        "alignment", "slabs", "reconstruction_sha256", "ranges_sha256", "strict_ranges", "pairs", "box", "automatic_box", "analysable_voxels", "voxel", "stride",
        "sphere_radius", "pair_radius", "rule", "threshold", "stage", "min_domain_subvoxels", "domain_fraction", "model_id", "controls", "control_seed",
    ];

    private static MapOptions Options(JsonElement j)
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


    /// <summary>
    /// Combines the slab folders of one map and finishes it (sub-voxels, decision, domains, extracted ions,
    /// DBSCAN, outputs into <paramref name="outDir"/>) exactly as one unsplit map would. The inputs are read
    /// again from the paths in slab.json and must be unchanged (same SHA-256).
    /// </summary>
    public static MapSlabsMerge Merge(IReadOnlyList<string> slabDirs, string outDir, bool ionsCsv)
    {
        ArgumentNullException.ThrowIfNull(slabDirs);
        var slabs = slabDirs.Select(Read).OrderBy(s => s.Index).ToList();
        var first = slabs[0];
        foreach (var s in slabs.Skip(1))
        {
            foreach (var key in Shared)
            {
                if (key == "alignment" && s.Json.GetProperty(key).GetRawText() != first.Json.GetProperty(key).GetRawText())
                    InputError.In(s.Dir, $"mapped {DescribeFrame(s.Json)}, {first.Dir} {DescribeFrame(first.Json)}: slabs of one map must share one frame (map every slab with the same --alignment FILE)");
                if (s.Json.GetProperty(key).GetRawText() != first.Json.GetProperty(key).GetRawText())
                    InputError.In(s.Dir, $"{key} {s.Json.GetProperty(key).GetRawText()} differs from {first.Dir}'s {first.Json.GetProperty(key).GetRawText()}: slabs of different maps");
            }
        }
        var n = first.Count;
        var indices = slabs.Select(s => s.Index).ToList();
        if (slabs.Count != n || indices.Distinct().Count() != n || indices.Any(k => k < 0 || k >= n))
            InputError.In(slabDirs[0], $"slabs {string.Join(", ", indices)} of {n}: expected each of 0 … {n - 1} exactly once");

        var j = first.Json;
        var recon = j.GetProperty("reconstruction").GetString()!;
        var ranges = j.GetProperty("ranges").GetString()!;
        IonFile.CheckReadable(recon);
        IonFile.CheckReadable(ranges);
        if (Provenance.Sha256(recon) != j.GetProperty("reconstruction_sha256").GetString())
            InputError.In(recon, "has changed since the slabs were mapped (SHA-256 differs)");
        if (Provenance.Sha256(ranges) != j.GetProperty("ranges_sha256").GetString())
            InputError.In(ranges, "has changed since the slabs were mapped (SHA-256 differs)");
        var options = Options(j);
        var grid = new VoxelGrid(options.Box!.Value, options.ScanOrDefault);
        var (probability, std) = Assemble(slabs.Select(s => (s.Index, s.Probability, s.Std, s.Dir)).ToList(), grid, n);

        var table = Ranging.ForReconstruction(recon, ranges == Path.GetFullPath(recon) ? null : ranges, j.GetProperty("strict_ranges").GetBoolean());
        var cloud = IonFile.Read(recon);
        // The slabs were mapped in the aligned frame: the ions are rotated exactly as they were (the same R and c).
        var alignment = j.GetProperty("alignment").ValueKind == JsonValueKind.Object
            ? AlignmentReport.Read(j.GetProperty("alignment"), Path.Combine(first.Dir, "slab.json")) : null;
        if (alignment is not null)
            cloud = Imaging.MapAlignment.Apply(cloud, alignment);
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
        var analysis = new CsroAnalysis(pairs, map, controls);
        var report = MapReport.Write(outDir, analysis, cloud, species, table, w =>
        {
            w.WriteStartObject("parameters");
            foreach (var key in Shared.Where(k => k is not ("reconstruction_sha256" or "ranges_sha256" or "model_id" or "pairs" or "box" or "alignment")))
            {
                w.WritePropertyName(key);
                j.GetProperty(key).WriteTo(w);
            }
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("program", Provenance.Program);
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
            if (alignment is not null)
            {
                w.WritePropertyName("alignment");
                j.GetProperty("alignment").WriteTo(w);
            }
        }, new MapReport.Options(IonsCsv: ionsCsv, Subject: j.TryGetProperty("order", out var order) ? order.GetString() : null));
        return new MapSlabsMerge(analysis, n, report.Summary);
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

/// <summary>A merged map.</summary>
/// <param name="Analysis">The map and its controls.</param>
/// <param name="Slabs">How many slabs were merged.</param>
/// <param name="Summary">The text of summary.json.</param>
internal sealed record MapSlabsMerge(CsroAnalysis Analysis, int Slabs, string Summary);
