using MlApt.Numerics;
using System.Text.Json;
using MlApt.Imaging;
using MlApt.Io;

namespace MlApt.Reporting;

/// <summary>
/// Writes the outputs of one CSRO map into a folder: <c>summary.json</c>, the voxel and sub-voxel
/// arrays as NPY, <c>csro_ions.pos</c> (and CSV), <c>domains.csv</c>, <c>dbscan_clusters.csv</c>,
/// <c>map.vti</c> and the PNG figures. Every file is written under a temporary name and renamed.
/// </summary>
public static partial class MapReport
{
    /// <summary>Options of the report (a class: <c>default</c> of a struct would silently turn the figures off).</summary>
    /// <param name="IonsCsv">Also write the extracted ions as CSV.</param>
    /// <param name="Plots">Write the PNG figures.</param>
    /// <param name="Nexus">Also write <c>map.nxs</c> (NXapm with the map's results), recording this source; null: not.</param>
    /// <param name="Subject">The order the model looks for, for figure titles (see <see cref="OrderName"/>); null: the pairs.</param>
    public sealed record Options(bool IonsCsv = false, bool Plots = true, NxapmSource? Nexus = null, string? Subject = null);

    /// <summary>Writes everything and returns the file names (relative to <paramref name="dir"/>).</summary>
    /// <param name="dir">Output folder (created).</param>
    /// <param name="map">The real map.</param>
    /// <param name="cloud">The reconstruction (for the extracted ions).</param>
    /// <param name="species">Species per ion.</param>
    /// <param name="table">The range table.</param>
    /// <param name="controls">Maps of the random-label controls (may be empty).</param>
    /// <param name="writeProvenance">Writes the <c>provenance</c> and <c>parameters</c> members of summary.json.</param>
    /// <param name="options">What to write.</param>
    public static IReadOnlyList<string> Write(string dir, CsroMap map, IonCloud cloud, byte[] species, RangeTable table,
        IReadOnlyList<CsroMap> controls, Action<Utf8JsonWriter> writeProvenance, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(controls);
        return Write(dir, new CsroAnalysis(map.Pairs, map, controls), cloud, species, table, writeProvenance, options).Files;
    }

    /// <summary>Writes every output of <paramref name="analysis"/>; returns the file names and the text of summary.json.</summary>
    /// <param name="dir">Output folder (created).</param>
    /// <param name="analysis">The real map, its controls and their statistics.</param>
    /// <param name="cloud">The reconstruction (for the extracted ions).</param>
    /// <param name="species">Species per ion.</param>
    /// <param name="table">The range table.</param>
    /// <param name="writeProvenance">Writes the <c>provenance</c> and <c>parameters</c> members of summary.json.</param>
    /// <param name="options">What to write.</param>
    public static MapReportResult Write(string dir, CsroAnalysis analysis, IonCloud cloud, byte[] species, RangeTable table,
        Action<Utf8JsonWriter> writeProvenance, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var map = analysis.Map;
        var controls = analysis.Controls;
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writeProvenance);
        options ??= new Options();
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        var g = map.Grid;
        var sg = map.SubGrid;
        void Npy(string name, float[] data, int nz, int ny, int nx)
        {
            MlApt.Io.Npy.WriteFile(Path.Combine(dir, name), data, nz, ny, nx);
            files.Add(name);
        }
        Npy("voxel_probability.npy", map.VoxelProbability, g.Nz, g.Ny, g.Nx);
        Npy("voxel_probability_std.npy", map.VoxelStd, g.Nz, g.Ny, g.Nx);
        Npy("subvoxel_score.npy", map.SubVoxelScore, sg.Nz, sg.Ny, sg.Nx);
        Npy("subvoxel_mean.npy", map.SubVoxelMean, sg.Nz, sg.Ny, sg.Nx);
        MlApt.Io.Npy.WriteFile(Path.Combine(dir, "subvoxel_selected.npy"), map.Selected, sg.Nz, sg.Ny, sg.Nx);
        files.Add("subvoxel_selected.npy");

        var ions = Subset(cloud, map.ExtractedIons);
        PosFormat.Write(Path.Combine(dir, "csro_ions.pos"), ions);
        files.Add("csro_ions.pos");
        // The same ions for ParaView, with their species (index into summary.json "species") and domain.
        VtpWriter.Write(Path.Combine(dir, "csro_ions.vtp"), ions.X, ions.Y, ions.Z,
        [
            new("species", Bytes: map.ExtractedIons.Select(i => species[i]).ToArray()),
            new("domain", Ints: map.ExtractedDomain),
        ]);
        files.Add("csro_ions.vtp");
        if (options.IonsCsv)
        {
            CsvIonFormat.Write(Path.Combine(dir, "csro_ions.csv"), ions);
            files.Add("csro_ions.csv");
        }

        AtomicFile.WriteText(Path.Combine(dir, "domains.csv"), DomainsCsv(map, cloud, species, table));
        files.Add("domains.csv");
        AtomicFile.WriteText(Path.Combine(dir, "dbscan_clusters.csv"), DbscanCsv(map, cloud, species, table));
        files.Add("dbscan_clusters.csv");

        // The .vti holds the sub-voxel grid; each voxel probability is shown on its centre sub-voxel block
        // through the mean score, which is what ParaView users threshold.
        VtiWriter.Write(Path.Combine(dir, "map.vti"), (sg.Nx, sg.Ny, sg.Nz), sg.Origin, sg.Spacing,
        [
            new("mean_probability", Floats: map.SubVoxelMean),
            new("score", Floats: map.SubVoxelScore),
            new("selected", Bytes: map.Selected),
            new("domain", Floats: map.DomainLabels.Select(l => (float)l).ToArray()),
        ]);
        files.Add("map.vti");

        var stats = analysis.Statistics;
        if (options.Plots)
        {
            var subject = options.Subject ?? string.Join("+", map.Pairs);
            files.AddRange(MapPlots.SaveSlices(dir, map, "", options.Subject));
            files.Add(MapPlots.SaveDomainSizes(dir, "domain_sizes.png", map.Dbscan.Sizes,
                controls.Count > 0 ? controls.Select(c => c.Dbscan.Sizes).ToList() : null, $"{subject}\nDBSCAN cluster sizes"));
            if (stats is not null)
                files.Add(MapPlots.SaveRealVersusControl(dir, "real_vs_control.png", map.VolumeFraction, stats.ControlVolumeFractions, stats.PValue,
                    subject));
        }

        if (options.Nexus is not null)
            files.Add("map.nxs");
        files.Add("summary.json");
        var summary = Summary(map, table, controls, stats, files, writeProvenance);
        AtomicFile.WriteText(Path.Combine(dir, "summary.json"), summary);
        if (options.Nexus is { } source)
            MapNexus.Write(Path.Combine(dir, "map.nxs"), map, cloud, table, source, summary);
        return new MapReportResult(files, summary);
    }

    private static IonCloud Subset(IonCloud cloud, int[] indices)
    {
        float[] x = new float[indices.Length], y = new float[indices.Length], z = new float[indices.Length], m = new float[indices.Length];
        for (var t = 0; t < indices.Length; t++)
        {
            var i = indices[t];
            (x[t], y[t], z[t], m[t]) = (cloud.X[i], cloud.Y[i], cloud.Z[i], cloud.M[i]);
        }
        TextValues? text = null;
        if (cloud.Text is { } tv)
            text = new TextValues(indices.Select(i => tv.X[i]).ToArray(), indices.Select(i => tv.Y[i]).ToArray(),
                indices.Select(i => tv.Z[i]).ToArray(), indices.Select(i => tv.M[i]).ToArray());
        return new IonCloud(x, y, z, m, text: text);
    }

    private static string Summary(CsroMap map, RangeTable table, IReadOnlyList<CsroMap> controls, ControlStatistics? stats, IReadOnlyList<string> files, Action<Utf8JsonWriter> writeProvenance) =>
        JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("pairs");
            foreach (var p in map.Pairs) w.WriteStringValue(p.ToString());
            w.WriteEndArray();
            var sg = map.SubGrid;
            w.WriteStartObject("grid");
            Triple(w, "origin", sg.Origin.X, sg.Origin.Y, sg.Origin.Z);
            w.WriteNumber("spacing", sg.Spacing);
            Ints(w, "shape", sg.Nz, sg.Ny, sg.Nx);
            w.WriteString("order", "z, y, x (C order; index [k, j, i])");
            w.WriteEndObject();
            var g = map.Grid;
            w.WriteStartObject("voxel_grid");
            Triple(w, "first_centre", g.CentreX(0), g.CentreY(0), g.CentreZ(0));
            w.WriteNumber("voxel", g.Options.Voxel);
            w.WriteNumber("stride", g.Options.Stride);
            w.WriteNumber("sphere_radius", g.Options.SphereRadius);
            w.WriteNumber("pair_radius", g.Options.PairRadius);
            Ints(w, "shape", g.Nz, g.Ny, g.Nx);
            w.WriteEndObject();
            w.WriteStartObject("box");
            Triple(w, "min", map.Box.XMin, map.Box.YMin, map.Box.ZMin);
            Triple(w, "max", map.Box.XMax, map.Box.YMax, map.Box.ZMax);
            w.WriteBoolean("automatic", map.AutomaticBox);
            w.WriteString("analysable_rule", map.AutomaticBox
                ? "bounding box of all ions; a voxel is analysed when the ion density of its cube is at least half the median of occupied voxels"
                : "every voxel of the given box");
            w.WriteEndObject();
            w.WriteFiniteOrNull("csro_volume_fraction", map.VolumeFraction);
            w.WriteStartObject("decision");
            w.WriteString("rule", map.Rule == DecisionRule.Sum ? "sum" : "mean");
            w.WriteNumber("threshold", map.Threshold);
            w.WriteNumber("domain_fraction", map.DomainFraction);
            var description = map.Rule == DecisionRule.Sum
                ? "sub-voxel selected when the sum of P(CSRO) over its covering voxels exceeds the threshold"
                : "sub-voxel selected when the mean of P(CSRO) over its covering voxels exceeds the threshold";
            if (map.DomainFraction > 0)
                description += "; then, in each connected selected domain, only the sub-voxels scoring above domain_fraction × the domain's mean score are kept";
            if (map.Rule == DecisionRule.Sum && map.DomainFraction == 0)
                description += " (reference)";
            w.WriteString("description", description);
            w.WriteEndObject();
            w.WriteStartObject("voxels");
            w.WriteNumber("total", g.Count);
            w.WriteNumber("analysable", map.AnalysableVoxels);
            w.WriteNumber("defined", map.DefinedVoxels);
            w.WriteNumber("undefined", g.Count - map.DefinedVoxels);
            w.WriteEndObject();
            w.WriteStartObject("subvoxels");
            w.WriteNumber("total", sg.Count);
            w.WriteNumber("defined", map.DefinedSubVoxels);
            w.WriteNumber("selected", map.SelectedSubVoxels);
            w.WriteEndObject();
            w.WriteNumber("extracted_ions", map.ExtractedIons.Length);
            w.WriteStartArray("species");
            foreach (var sp in table.Species) w.WriteStringValue(sp.Name);
            w.WriteEndArray();
            w.WriteStartObject("domains");
            w.WriteNumber("analysed_volume_nm3", map.AnalysedVolumeNm3);
            w.WriteStartObject("connected");
            w.WriteNumber("count", map.Domains.Count);
            w.WriteFiniteOrNull("number_density_m3", map.DomainNumberDensity);
            w.WriteFiniteOrNull("mean_volume_nm3", map.Domains.Count == 0 ? double.NaN : map.Domains.Average(d => d.Domain.VolumeNm3));
            w.WriteFiniteOrNull("mean_equivalent_radius_nm", map.Domains.Count == 0 ? double.NaN : map.Domains.Average(d => d.Domain.EquivalentRadiusNm));
            w.WriteEndObject();
            w.WriteStartObject("dbscan");
            w.WriteNumber("eps_nm", map.Dbscan.Eps);
            w.WriteNumber("min_samples", 3);
            w.WriteNumber("clusters", map.Dbscan.Clusters);
            w.WriteFiniteOrNull("number_density_m3", map.DbscanNumberDensity);
            w.WriteFiniteOrNull("mean_atoms", map.Dbscan.Clusters == 0 ? double.NaN : map.Dbscan.Sizes.Average());
            w.WriteNumber("clustered_atoms", map.Dbscan.ClusteredAtoms);
            w.WriteNumber("noise_atoms", map.Dbscan.NoiseAtoms);
            w.WriteEndObject();
            w.WriteEndObject();
            if (stats is not null)
            {
                w.WriteStartObject("control");
                w.WriteNumber("permutations", stats.ControlVolumeFractions.Length);
                Array(w, "volume_fractions", stats.ControlVolumeFractions);
                w.WriteFiniteOrNull("mean_volume_fraction", stats.ControlVolumeFractions.Average());
                w.WriteFiniteOrNull("excess_volume_fraction", map.VolumeFraction - stats.ControlVolumeFractions.Average());
                w.WriteFiniteOrNull("p_value", stats.PValue);
                w.WriteNumber("p_value_resolution", stats.PValueResolution);
                // Sampled controls: each fraction's standard error; p counts a control as ≥ the real fraction unless it
                // lies more than SamplingZ standard errors below it, p_value_estimates uses the estimates alone.
                Array(w, "standard_error", stats.StandardErrors);
                w.WriteFiniteOrNull("p_value_estimates", stats.PValueEstimates);
                if (controls.FirstOrDefault(c => c.Sample is not null)?.Sample is { } first)
                {
                    w.WriteStartObject("sample");
                    w.WriteNumber("block_subvoxels", first.BlockSubVoxels);
                    w.WriteNumber("eligible_blocks", first.EligibleBlocks);
                    w.WriteStartArray("blocks");
                    foreach (var c in controls) w.WriteNumberValue(c.Sample?.Blocks ?? first.EligibleBlocks);
                    w.WriteEndArray();
                    w.WriteStartArray("computed_voxels");
                    foreach (var c in controls) w.WriteNumberValue(c.Sample?.ComputedVoxels ?? c.AnalysableVoxels);
                    w.WriteEndArray();
                    w.WriteStartArray("growth_rounds");
                    foreach (var c in controls) w.WriteNumberValue(c.Sample?.GrowthRounds ?? 0);
                    w.WriteEndArray();
                    w.WriteNumber("z", ControlStatistics.SamplingZ);
                    w.WriteEndObject();
                }
                w.WriteStartArray("analysable_voxels");
                foreach (var c in controls) w.WriteNumberValue(c.AnalysableVoxels);
                w.WriteEndArray();
                w.WriteStartArray("dbscan_clusters");
                foreach (var c in stats.ControlClusterCounts) w.WriteNumberValue(c);
                w.WriteEndArray();
                w.WriteStartArray("connected_domains");
                foreach (var c in stats.ControlDomainCounts) w.WriteNumberValue(c);
                w.WriteEndArray();
                Array(w, "size_histogram_pearson_r", stats.Pearson);
                Array(w, "size_histogram_chi2", stats.ChiSquare);
                w.WriteEndObject();
            }
            w.WriteStartObject("timings_s");
            foreach (var (k, v) in map.Timings) w.WriteNumber(k, Math.Round(v, 4));
            if (controls.Count > 0)
                w.WriteNumber("controls", Math.Round(controls.Sum(c => c.Timings.Values.Sum()), 4));
            w.WriteEndObject();
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
            writeProvenance(w);
            w.WriteEndObject();
        });

    private static void Triple(Utf8JsonWriter w, string name, double x, double y, double z)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(x); w.WriteNumberValue(y); w.WriteNumberValue(z);
        w.WriteEndArray();
    }

    private static void Ints(Utf8JsonWriter w, string name, params int[] v)
    {
        w.WriteStartArray(name);
        foreach (var x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    private static void Array(Utf8JsonWriter w, string name, double[] v)
    {
        w.WriteStartArray(name);
        foreach (var x in v) w.WriteFiniteOrNullValue(x);
        w.WriteEndArray();
    }
}

/// <summary>What <see cref="MapReport.Write(string, CsroAnalysis, IonCloud, byte[], RangeTable, Action{Utf8JsonWriter}, MapReport.Options?)"/> wrote.</summary>
/// <param name="Files">File names, relative to the folder.</param>
/// <param name="Summary">The text of summary.json.</param>
public sealed record MapReportResult(IReadOnlyList<string> Files, string Summary);
