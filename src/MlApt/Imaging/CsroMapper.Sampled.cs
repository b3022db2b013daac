using System.Diagnostics;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sdm;

namespace MlApt.Imaging;

public static partial class CsroMapper
{
    /// <summary>
    /// A random-label control of <paramref name="real"/> measured from a sample of blocks (<see cref="ControlSampling"/>):
    /// the same pipeline as <see cref="Map"/> over the real map's box and analysable voxels, but only the voxels the
    /// sampled blocks need are classified. The returned map's <see cref="CsroMap.SelectedSubVoxels"/> and
    /// <see cref="CsroMap.DefinedSubVoxels"/> are the sampled blocks' (so <see cref="CsroMap.VolumeFraction"/> is the
    /// ratio estimate), its <see cref="CsroMap.Selected"/> is the decision inside the sampled blocks (0 elsewhere), its domains are those whose first sub-voxel (z, y, x order) lies in a sampled block (each
    /// complete, so its extracted ions and DBSCAN clusters are the full map's), and <see cref="CsroMap.Sample"/> holds the
    /// standard error and the scale from sample counts to whole-map counts.
    /// </summary>
    /// <param name="cloud">The reconstruction.</param>
    /// <param name="species">The permuted species of the control.</param>
    /// <param name="table">The range table.</param>
    /// <param name="pairs">Channel pairs, in the model's channel order.</param>
    /// <param name="classify">The classifier.</param>
    /// <param name="options">The real map's settings (its box and analysable voxels are taken from <paramref name="real"/>).</param>
    /// <param name="real">The real map.</param>
    /// <param name="sampling">Block size and sampled fraction.</param>
    /// <param name="seed">Seed of the block sample.</param>
    /// <param name="progress">Optional progress sink.</param>
    /// <param name="cancellationToken">Stops between rounds.</param>
    public static CsroMap MapSampled(IonCloud cloud, byte[] species, RangeTable table, IReadOnlyList<ElementPair> pairs,
        VoxelClassifier classify, MapOptions options, CsroMap real, ControlSampling sampling, int seed,
        IProgress<Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(sampling);
        sampling.Validate();
        if (real.Analysable.Length != real.Grid.Count)
            throw new ArgumentException("the real map does not record its analysable voxels", nameof(real));
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var grid = real.Grid;
        var sub = real.SubGrid;
        var scan = grid.Options;
        var analysable = real.Analysable;
        var channels = ScanChannels(cloud, species, table, pairs, grid);
        timings["index"] = Lap(clock);

        var blocks = new BlockSample(sub, sampling.BlockSubVoxels, real.SubVoxelMean, sampling, seed);
        var probability = new float[grid.Count];
        var std = new float[grid.Count];
        probability.AsSpan().Fill(float.NaN);
        std.AsSpan().Fill(float.NaN);
        var computed = new bool[grid.Count];
        var todo = new bool[grid.Count];
        var pending = 0;
        void Need(int subVoxel)
        {
            foreach (var v in Covering(sub, subVoxel))
            {
                if (analysable[v] && !computed[v] && !todo[v])
                {
                    todo[v] = true;
                    pending++;
                }
            }
        }
        for (var s = 0; s < sub.Count; s++)
        {
            if (blocks.InSample[s])
                Need(s);
        }

        var stages = new StageSeconds();
        var rounds = 0;
        var computedCount = 0;
        var ruleScores = new float[sub.Count];
        var selected = new byte[sub.Count];
        var labels = new int[sub.Count];
        while (pending > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ClassifyVoxels(grid, scan, channels, classify, options, todo, (0, grid.Nz), probability, std, stages, null, cancellationToken);
            for (var v = 0; v < todo.Length; v++)
            {
                if (todo[v])
                {
                    computed[v] = true;
                    todo[v] = false;
                    computedCount++;
                }
            }
            pending = 0;
            rounds++;
            progress?.Report(new Progress("control sample", Math.Min(1, (double)computedCount / Math.Max(1, real.AnalysableVoxels))));

            // Grow around every thresholded domain that touches a sampled block until none has a neighbour whose
            // decision is still unknown (a covering voxel analysable but not yet classified): then each such domain
            // is the full map's, and the domain-fraction rule and size filter act on it as they would there.
            ThresholdSelection(sub, probability, options, ruleScores, selected);
            var domains = ConnectedDomains.Label(sub, selected, labels);
            var touching = new bool[domains.Count + 1];
            for (var s = 0; s < sub.Count; s++)
            {
                if (labels[s] > 0 && blocks.InSample[s])
                    touching[labels[s]] = true;
            }
            for (var s = 0; s < sub.Count; s++)
            {
                if (labels[s] == 0 || !touching[labels[s]])
                    continue;
                foreach (var n in Neighbours(sub, s))
                {
                    if (labels[n] == 0 && Unknown(sub, analysable, computed, n))
                        Need(n);
                }
            }
        }
        stages.WriteTo(timings);
        clock.Restart();

        // The decision over what was classified; only domains anchored in a sampled block are kept.
        var d = Decide(sub, probability, options);
        var anchored = new bool[d.Domains.Count + 1];
        var seen = new bool[d.Domains.Count + 1];
        for (var s = 0; s < sub.Count; s++)
        {
            var l = d.Labels[s];
            if (l == 0 || seen[l])
                continue;
            seen[l] = true;
            anchored[l] = blocks.InSample[s];
        }
        var keep = new byte[sub.Count];
        for (var s = 0; s < sub.Count; s++)
            keep[s] = anchored[d.Labels[s]] ? d.Selected[s] : (byte)0;
        var keptLabels = new int[sub.Count];
        var kept = ConnectedDomains.Label(sub, keep, keptLabels);
        var (estimate, standardError, selectedInSample, definedInSample) = blocks.Estimate(d.Selected, d.Mean);
        var decision = new SubVoxelDecision(d.Score, d.Mean, keep, selectedInSample, definedInSample, keptLabels, kept);
        timings["subvoxels"] = Lap(clock);
        var map = Complete(cloud, species, table, pairs, options, grid, real.AutomaticBox, real.AnalysableVoxels, probability, std, timings,
            analysable, decision, clock);
        Debug.Assert(double.IsNaN(estimate) || Math.Abs(map.VolumeFraction - estimate) < 1e-12);
        // The map reports the decision inside the sampled blocks (equal to the full control map's there), 0 elsewhere.
        var inBlocks = new byte[sub.Count];
        for (var s = 0; s < sub.Count; s++)
            inBlocks[s] = blocks.InSample[s] ? d.Selected[s] : (byte)0;
        return map.WithSample(new ControlSampleEstimate(blocks.Sampled, blocks.Eligible, sampling.BlockSubVoxels, standardError, computedCount,
            rounds, (double)blocks.Eligible / blocks.Sampled) { InSample = blocks.InSample }, inBlocks);
    }

    /// <summary>The threshold decision alone (before the domain rules): 1 where the rule's score exceeds the threshold.</summary>
    private static void ThresholdSelection(SubVoxelGrid sub, float[] probability, MapOptions options, float[] ruleScores, byte[] selected)
    {
        var sum = new float[sub.Count];
        var mean = new float[sub.Count];
        var covering = new byte[sub.Count];
        SubVoxelScores.Compute(sub, probability, sum, mean, covering);
        (options.Rule == DecisionRule.Sum ? sum : mean).CopyTo(ruleScores, 0);
        Selection.Select(ruleScores, options.Threshold, selected);
    }

    /// <summary>Whether a sub-voxel's score is not yet known: one of its covering voxels is analysable but not classified.</summary>
    private static bool Unknown(SubVoxelGrid sub, bool[] analysable, bool[] computed, int subVoxel) =>
        Covering(sub, subVoxel).Any(v => analysable[v] && !computed[v]);

    /// <summary>The voxels covering a sub-voxel (those that exist).</summary>
    private static IEnumerable<int> Covering(SubVoxelGrid sub, int subVoxel)
    {
        var grid = sub.Voxels;
        var (i, j, k) = sub.Split(subVoxel);
        var (i0, i1) = sub.Covering(i, grid.Nx);
        var (j0, j1) = sub.Covering(j, grid.Ny);
        var (k0, k1) = sub.Covering(k, grid.Nz);
        for (var kk = k0; kk <= k1; kk++)
        for (var jj = j0; jj <= j1; jj++)
        for (var ii = i0; ii <= i1; ii++)
            yield return grid.Index(ii, jj, kk);
    }

    /// <summary>The 26 neighbours of a sub-voxel inside the grid (the connectivity of <see cref="ConnectedDomains"/>).</summary>
    private static IEnumerable<int> Neighbours(SubVoxelGrid sub, int subVoxel)
    {
        var (i, j, k) = sub.Split(subVoxel);
        for (var dk = -1; dk <= 1; dk++)
        for (var dj = -1; dj <= 1; dj++)
        for (var di = -1; di <= 1; di++)
        {
            int a = i + di, b = j + dj, c = k + dk;
            if ((di | dj | dk) != 0 && a >= 0 && a < sub.Nx && b >= 0 && b < sub.Ny && c >= 0 && c < sub.Nz)
                yield return sub.Index(a, b, c);
        }
    }

    /// <summary>
    /// A seeded simple random sample of the blocks of sub-voxels (edge B, tiling the grid from its origin) that hold a
    /// defined sub-voxel of the real map, and the ratio estimate of a volume fraction over them.
    /// </summary>
    internal sealed class BlockSample
    {
        private readonly SubVoxelGrid _sub;
        private readonly int _edge, _bx, _by;
        private readonly int[] _chosen;

        public BlockSample(SubVoxelGrid sub, int edge, float[] realScores, ControlSampling sampling, int seed)
        {
            _sub = sub;
            _edge = edge;
            _bx = (sub.Nx + edge - 1) / edge;
            _by = (sub.Ny + edge - 1) / edge;
            var bz = (sub.Nz + edge - 1) / edge;
            var eligible = new bool[_bx * _by * bz];
            for (var s = 0; s < sub.Count; s++)
            {
                if (!float.IsNaN(realScores[s]))
                    eligible[BlockOf(s)] = true;
            }
            var population = Enumerable.Range(0, eligible.Length).Where(b => eligible[b]).ToArray();
            Eligible = population.Length;
            var n = Math.Min(Eligible, Math.Max(sampling.MinBlocks, (int)Math.Ceiling(sampling.Fraction * Eligible)));
            // Partial Fisher–Yates: the first n of a seeded shuffle.
            var random = new SeededRandom((ulong)(uint)seed ^ 0x5A3C_0B1E_C7A5_3F11UL);
            for (var t = 0; t < n; t++)
            {
                var u = t + random.NextInt(population.Length - t);
                (population[t], population[u]) = (population[u], population[t]);
            }
            _chosen = population[..n];
            Array.Sort(_chosen);
            var chosen = new bool[eligible.Length];
            foreach (var b in _chosen)
                chosen[b] = true;
            InSample = new bool[sub.Count];
            for (var s = 0; s < sub.Count; s++)
                InSample[s] = chosen[BlockOf(s)];
        }

        public int Eligible { get; }
        public int Sampled => _chosen.Length;
        /// <summary>Whether each sub-voxel lies in a sampled block.</summary>
        public bool[] InSample { get; }

        public int BlockOf(int subVoxel)
        {
            var (i, j, k) = _sub.Split(subVoxel);
            return (k / _edge * _by + j / _edge) * _bx + i / _edge;
        }

        /// <summary>
        /// Ratio estimate R = Σ y_b / Σ x_b (y selected, x defined sub-voxels of block b) and its standard error
        /// √[(1 − n/N) / (n (n − 1) x̄²) · Σ (y_b − R x_b)²]; NaN when no sampled sub-voxel is defined.
        /// </summary>
        public (double Estimate, double StandardError, int Selected, int Defined) Estimate(byte[] selected, float[] scores)
        {
            var index = new Dictionary<int, int>();
            for (var t = 0; t < _chosen.Length; t++)
                index[_chosen[t]] = t;
            var y = new long[_chosen.Length];
            var x = new long[_chosen.Length];
            for (var s = 0; s < _sub.Count; s++)
            {
                if (!InSample[s] || float.IsNaN(scores[s]))
                    continue;
                var t = index[BlockOf(s)];
                x[t]++;
                y[t] += selected[s];
            }
            long sy = y.Sum(), sx = x.Sum();
            if (sx == 0)
                return (double.NaN, double.NaN, 0, 0);
            var r = (double)sy / sx;
            var n = _chosen.Length;
            if (n < 2 || n == Eligible)
                return (r, 0, (int)sy, (int)sx);
            double residual = 0;
            for (var t = 0; t < n; t++)
                residual += Math.Pow(y[t] - r * x[t], 2);
            var meanX = (double)sx / n;
            var variance = (1 - (double)n / Eligible) / (n * (n - 1.0) * meanX * meanX) * residual;
            return (r, Math.Sqrt(variance), (int)sy, (int)sx);
        }
    }
}
