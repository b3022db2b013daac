using System.Diagnostics;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// From a ranged reconstruction to a CSRO map (METHOD §3, §7, §8): voxel z-SDMs of every channel pair,
/// preprocessing, classification, sub-voxel scores, selection, extracted ions, domains. The scan runs in
/// z-slabs of voxel layers: z-SDMs exist only for one slab at a time, so memory holds the ions, their
/// per-species neighbour grids and one float per voxel, whatever the specimen's length.
/// </summary>
public static partial class CsroMapper
{
    /// <summary>Progress of a map: step name and fraction done (0 … 1).</summary>
    public readonly record struct Progress(string Step, double Fraction);

    /// <summary>Maps one analysis.</summary>
    /// <param name="cloud">The reconstruction.</param>
    /// <param name="species">Species index of every ion (from <c>RangeTable.Assign</c>).</param>
    /// <param name="table">The range table.</param>
    /// <param name="pairs">Channel pairs, in the model's channel order.</param>
    /// <param name="classify">The classifier (ensemble).</param>
    /// <param name="options">Map settings.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops between slabs.</param>
    public static CsroMap Map(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs,
        VoxelClassifier classify, MapOptions options, IProgress<Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(options);
        if (pairs.Count == 0)
            throw new ArgumentException("at least one channel pair is needed", nameof(pairs));
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var scan = options.ScanOrDefault;
        scan.Validate();

        // Geometry: the given box, or the ions' bounding box with the sparse voxels masked out.
        var automatic = options.Box is null;
        var box = options.Box ?? AnalysableRegion.BoundingBox(cloud.X, cloud.Y, cloud.Z);
        // The grid's size is known from the box before anything is allocated: refuse an absurd one here, in
        // every caller, rather than run out of memory or index range (callers check memory for the whole run).
        var source = automatic ? "the ions' bounding box" : "the box";
        if (MapBudget.Estimate(box, scan, cloud.Count, pairs.Count, 1).Problem(double.PositiveInfinity) is { } tooLarge)
            throw new InputException($"{source} {BoxText.Format(box)}: {tooLarge}");
        var grid = new VoxelGrid(box, scan);
        if (grid.Count == 0)
            throw new InputException($"{source} {BoxText.Format(box)} is smaller than one voxel ({scan.Voxel} nm)");
        var sub = new SubVoxelGrid(grid);
        var analysable = new bool[grid.Count];
        int analysableCount;
        if (options.Analysable is { } given)
        {
            if (options.Box is null)
                throw new ArgumentException("an analysable-voxel mask needs the box it belongs to", nameof(options));
            if (given.Length != grid.Count)
                throw new ArgumentException($"the analysable-voxel mask has {given.Length} entries, the grid of the box {grid.Count}", nameof(options));
            given.CopyTo(analysable, 0);
            analysableCount = given.Count(a => a);
        }
        else
        {
            analysableCount = automatic ? AnalysableRegion.Mark(grid, cloud.X, cloud.Y, cloud.Z, analysable) : Fill(analysable);
        }

        // Neighbour grids, one per distinct element, built once and shared by every pair. They hold the
        // cell order only (4 bytes per ion) and read positions from the cloud, which is held once.
        var scanChannels = ScanChannels(cloud, species, table, pairs, grid);
        timings["index"] = Lap(clock);

        var probability = new float[grid.Count];
        var std = new float[grid.Count];
        probability.AsSpan().Fill(float.NaN);
        std.AsSpan().Fill(float.NaN);
        var stages = new StageSeconds();
        ClassifyVoxels(grid, scan, scanChannels, classify, options, analysable, SlabLayers(grid, options.Slab), probability, std, stages,
            progress is null ? null : f => progress.Report(new Progress("scan", f)), cancellationToken);
        stages.WriteTo(timings);
        clock.Restart();
        return Finish(cloud, species, table, pairs, options, grid, automatic, analysableCount, probability, std, timings, analysable);
    }

    /// <summary>The scan channels of <paramref name="pairs"/>: one neighbour grid per distinct element, shared by every pair.</summary>
    internal static ScanChannel[] ScanChannels(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs, VoxelGrid grid)
    {
        var indices = new Dictionary<string, SpeciesIndex>(StringComparer.Ordinal);
        foreach (var element in pairs.SelectMany(p => new[] { p.Centre, p.Neighbour }).Distinct())
            indices[element] = SpeciesIndex.ForVoxelScan(cloud, species, ElementPair.SpeciesOf(table, element), grid);
        return pairs.Select(p => new ScanChannel(indices[p.Centre], indices[p.Neighbour])).ToArray();
    }

    /// <summary>Seconds spent in the three per-voxel stages, summed over calls.</summary>
    internal sealed class StageSeconds
    {
        public double Scan, Preprocess, Classify;

        public void WriteTo(Dictionary<string, double> timings)
        {
            timings["zsdm"] = Scan;
            timings["preprocess"] = Preprocess;
            timings["classify"] = Classify;
        }
    }

    /// <summary>
    /// z-SDMs, preprocessing and classification of the voxels marked in <paramref name="todo"/> within the voxel
    /// layers [First, Last), writing their probability and spread. <see cref="MapOptions.SlabLayers"/> layers go
    /// through at a time, so only their z-SDMs are held. <paramref name="progress"/> gets the fraction of layers done.
    /// </summary>
    internal static void ClassifyVoxels(VoxelGrid grid, VoxelScanOptions scan, ScanChannel[] scanChannels, VoxelClassifier classify,
        MapOptions options, bool[] todo, (int First, int Last) layers, float[] probability, float[] std, StageSeconds stages,
        Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var channels = scanChannels.Length;
        var layer = grid.Nx * grid.Ny;
        var slabLayers = Math.Max(1, options.SlabLayers);
        var (first, last) = layers;
        var voxels = new List<int>();
        for (var k0 = first; k0 < last; k0 += slabLayers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k1 = Math.Min(last, k0 + slabLayers);
            voxels.Clear();
            for (var v = k0 * layer; v < k1 * layer; v++)
            {
                if (todo[v])
                    voxels.Add(v);
            }
            var n = voxels.Count;
            if (n == 0)
                continue;
            double[] cx = new double[n], cy = new double[n], cz = new double[n];
            for (var t = 0; t < n; t++)
                (cx[t], cy[t], cz[t]) = grid.Centre(voxels[t]);

            // All channels of a voxel in one pass (its atoms gathered once per species), rows voxel-major:
            // exactly the classifier's input layout, so preprocessing runs over the whole buffer at once.
            var inputs = new float[n * channels * VoxelScan.Bins];
            var t0 = Stopwatch.GetTimestamp();
            VoxelScan.RunChannelsAt(cx, cy, cz, scan, scanChannels, inputs);
            var t1 = Stopwatch.GetTimestamp();
            if (options.Stage == SdmStage.Normalized)
            {
                Preprocessing.NormalizeInPlace(inputs);
            }
            else
            {
                var values = new double[inputs.Length];
                Preprocessing.ApplyBatch(inputs, values, options.Stage);
                for (var b = 0; b < values.Length; b++)
                    inputs[b] = (float)values[b];
            }
            stages.Scan += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
            stages.Preprocess += Stopwatch.GetElapsedTime(t1).TotalSeconds;
            var tc = Stopwatch.GetTimestamp();
            var p = new float[n];
            var s = new float[n];
            classify(inputs, n, p, s);
            stages.Classify += Stopwatch.GetElapsedTime(tc).TotalSeconds;
            for (var t = 0; t < n; t++)
            {
                probability[voxels[t]] = p[t];
                std[voxels[t]] = s[t];
            }
            progress?.Invoke((double)(k1 - first) / Math.Max(1, last - first));
        }
    }

    /// <summary>
    /// The settings of a random-label control of <paramref name="real"/> (METHOD §9: the identical pipeline):
    /// the real map's settings with its box and its analysable voxels, so the control is analysed over exactly
    /// the voxels the real map was, with or without an explicit box (its own density rule, on shuffled labels of
    /// the same positions, would give the same mask; passing it makes the equality explicit and saves the pass).
    /// </summary>
    public static MapOptions ControlOptions(MapOptions options, CsroMap real)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(real);
        if (real.Analysable.Length != real.Grid.Count)
            throw new ArgumentException("the real map does not record its analysable voxels", nameof(real));
        return options with { Box = real.Box, Analysable = real.Analysable };
    }

    /// <summary>
    /// The layers [first, last) of voxels along z that a slab k of n owns: the z-layers split as evenly
    /// as whole layers allow. Without a slab, every layer.
    /// </summary>
    public static (int First, int Last) SlabLayers(VoxelGrid grid, (int Index, int Count)? slab)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (slab is not { } sl)
            return (0, grid.Nz);
        if (sl.Count < 1 || sl.Index < 0 || sl.Index >= sl.Count)
            throw new ArgumentOutOfRangeException(nameof(slab), $"slab {sl.Index}/{sl.Count}: expected 0 ≤ k < n");
        return ((int)((long)grid.Nz * sl.Index / sl.Count), (int)((long)grid.Nz * (sl.Index + 1) / sl.Count));
    }

    /// <summary>
    /// Everything after classification (METHOD §7, §8): sub-voxel scores, decision, domains, extracted ions
    /// and DBSCAN, from the voxel probabilities of <paramref name="grid"/>. Used by <see cref="Map"/> and to
    /// merge the voxel probabilities of slabs mapped separately.
    /// </summary>
    public static CsroMap Finish(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs, MapOptions options,
        VoxelGrid grid, bool automaticBox, int analysableVoxels, float[] probability, float[] std, Dictionary<string, double>? timings = null,
        bool[]? analysable = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(std);
        if (probability.Length != grid.Count || std.Length != grid.Count)
            throw new ArgumentException($"expected {grid.Count} voxel probabilities");
        timings ??= [];
        var clock = Stopwatch.StartNew();
        var sub = new SubVoxelGrid(grid);

        // Sub-voxels, decision, domains.
        var d = Decide(sub, probability, options);
        timings["subvoxels"] = Lap(clock);
        return Complete(cloud, species, table, pairs, options, grid, automaticBox, analysableVoxels, probability, std, timings, analysable, d, clock);
    }

    /// <summary>Sub-voxel scores, the selection after the decision rule, the domain-fraction rule and the size filter, and the domains.</summary>
    internal sealed record SubVoxelDecision(float[] Score, float[] Mean, byte[] Selected, int SelectedCount, int DefinedSubVoxels, int[] Labels,
        IReadOnlyList<Domain> Domains);

    /// <summary>The decision of METHOD §7–§8 over the sub-voxels of <paramref name="sub"/> from the voxel probabilities.</summary>
    internal static SubVoxelDecision Decide(SubVoxelGrid sub, float[] probability, MapOptions options)
    {
        var score = new float[sub.Count];
        var mean = new float[sub.Count];
        var covering = new byte[sub.Count];
        SubVoxelScores.Compute(sub, probability, score, mean, covering);
        var selected = new byte[sub.Count];
        var (selectedCount, definedSub) = Selection.Select(options.Rule == DecisionRule.Sum ? score : mean, options.Threshold, selected);
        if (options.DomainFraction > 0)
            selectedCount = Selection.KeepAboveDomainFraction(sub, options.Rule == DecisionRule.Sum ? score : mean, options.DomainFraction, selected);
        var labels = new int[sub.Count];
        var domains = ConnectedDomains.Label(sub, selected, labels);
        if (options.MinDomainSubVoxels > 1 && domains.Any(d => d.SubVoxels < options.MinDomainSubVoxels))
        {
            // Isolated specks are noise, not domains: drop them and label again.
            var small = domains.Where(d => d.SubVoxels < options.MinDomainSubVoxels).Select(d => d.Id).ToHashSet();
            for (var s = 0; s < sub.Count; s++)
            {
                if (labels[s] > 0 && small.Contains(labels[s]))
                {
                    selected[s] = 0;
                    selectedCount--;
                }
            }
            domains = ConnectedDomains.Label(sub, selected, labels);
        }
        return new SubVoxelDecision(score, mean, selected, selectedCount, definedSub, labels, domains);
    }

    /// <summary>Extraction, domain statistics and DBSCAN after the decision: the rest of <see cref="Finish"/>.</summary>
    internal static CsroMap Complete(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs, MapOptions options,
        VoxelGrid grid, bool automatic, int analysableCount, float[] probability, float[] std, Dictionary<string, double> timings,
        bool[]? analysable, SubVoxelDecision decision, Stopwatch clock)
    {
        var sub = new SubVoxelGrid(grid);
        var (score, mean, selected, selectedCount, definedSub, labels, domains) = decision;
        var defined = probability.Count(p => !float.IsNaN(p));

        // Extraction in chunks of ions, in the precision of the source.
        var (extracted, extractedDomain) = Extract(cloud, sub, selected, labels, options.ExtractionRadius);
        timings["extract"] = Lap(clock);

        // Ions and dominant species per domain.
        var perDomain = new long[domains.Count + 1, table.Species.Count];
        for (var t = 0; t < extracted.Length; t++)
            perDomain[extractedDomain[t], species[extracted[t]]]++;
        var stats = domains.Select(d =>
        {
            long total = 0, best = 0;
            var bestSpecies = "";
            for (var sp = 0; sp < table.Species.Count; sp++)
            {
                var c = perDomain[d.Id, sp];
                total += c;
                if (c > best)
                {
                    best = c;
                    bestSpecies = table.Species[sp].Name;
                }
            }
            return new DomainStats(d, (int)total, bestSpecies);
        }).ToList();

        // DBSCAN on the extracted ions of the centre element(s).
        var centreSpecies = pairs.Select(p => table.SingleAtomSpecies(p.Centre)).ToHashSet();
        var own = extracted.Where(i => centreSpecies.Contains(species[i])).ToArray();
        double[] ex = new double[own.Length], ey = new double[own.Length], ez = new double[own.Length];
        cloud.CopyPositions(own, ex, ey, ez);
        var clusterLabels = new int[own.Length];
        var clusters = Dbscan.Cluster(ex, ey, ez, options.DbscanEps, options.DbscanMinSamples, clusterLabels);
        var (sizes, rankedLabels) = RankBySize(clusterLabels, clusters);
        var clustered = sizes.Sum();
        timings["dbscan"] = Lap(clock);

        return new CsroMap
        {
            Pairs = pairs,
            Grid = grid,
            SubGrid = sub,
            AutomaticBox = automatic,
            AnalysableVoxels = analysableCount,
            Analysable = analysable ?? [],
            DefinedVoxels = defined,
            VoxelProbability = probability,
            VoxelStd = std,
            SubVoxelScore = score,
            SubVoxelMean = mean,
            Selected = selected,
            DomainLabels = labels,
            SelectedSubVoxels = selectedCount,
            DefinedSubVoxels = definedSub,
            Rule = options.Rule,
            Threshold = options.Threshold,
            DomainFraction = options.DomainFraction,
            ExtractedIons = extracted,
            ExtractedDomain = extractedDomain,
            Domains = stats,
            Dbscan = new DbscanSummary(clusters, sizes, clustered, own.Length - clustered, own, rankedLabels, options.DbscanEps),
            Timings = timings,
        };
    }

    private static (int[] Ions, int[] Domain) Extract(IonCloud cloud, SubVoxelGrid sub, byte[] selected, int[] labels, double radius)
    {
        const int chunk = 1 << 20;
        var ions = new List<int>();
        var domain = new List<int>();
        var index = new int[Math.Min(chunk, cloud.Count)];
        double[] x = new double[index.Length], y = new double[index.Length], z = new double[index.Length];
        var dom = new int[index.Length];
        for (var start = 0; start < cloud.Count; start += chunk)
        {
            var n = Math.Min(chunk, cloud.Count - start);
            for (var i = 0; i < n; i++)
                index[i] = start + i;
            cloud.CopyPositions(index.AsSpan(0, n), x, y, z);
            IonExtraction.Extract(sub, selected, labels, x.AsSpan(0, n), y.AsSpan(0, n), z.AsSpan(0, n), radius, dom.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                if (dom[i] == 0)
                    continue;
                ions.Add(start + i);
                domain.Add(dom[i]);
            }
        }
        return ([.. ions], [.. domain]);
    }

    /// <summary>Sizes largest first and the labels renumbered to match (ties keep DBSCAN's order).</summary>
    private static (int[] Sizes, int[] Labels) RankBySize(int[] labels, int clusters)
    {
        var sizes = new int[clusters];
        foreach (var l in labels)
        {
            if (l >= 0)
                sizes[l]++;
        }
        var order = Enumerable.Range(0, clusters).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var rank = new int[clusters];
        for (var r = 0; r < clusters; r++)
            rank[order[r]] = r;
        var ranked = labels.Select(l => l < 0 ? -1 : rank[l]).ToArray();
        return (order.Select(c => sizes[c]).ToArray(), ranked);
    }

    private static int Fill(bool[] a)
    {
        Array.Fill(a, true);
        return a.Length;
    }

    private static double Lap(Stopwatch clock)
    {
        var s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return s;
    }
}
