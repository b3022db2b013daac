using MlApt.Numerics;
namespace MlApt.Sdm;

/// <summary>One channel of a multi-channel voxel scan: the centre species A and the neighbour species B.</summary>
/// <param name="Centres">Index of A.</param>
/// <param name="Neighbours">Index of B (the same instance as <paramref name="Centres"/> for a same-species channel).</param>
public readonly record struct ScanChannel(SpeciesIndex Centres, SpeciesIndex Neighbours);

public static partial class VoxelScan
{
    /// <summary>
    /// Scans several channels (pairs of species) of every voxel at once, for arbitrary centres: each
    /// species' sphere atoms are gathered once per voxel and shared by the channels that use them, then
    /// sorted into thin z-slices so that a pair is only examined when its Δz can reach the cropped bins,
    /// and a same-species channel examines each unordered pair once for both of its directions.
    /// The counts equal the literal definition (<see cref="ZSdm.AccumulatePairs"/> over the atoms in the
    /// sphere, cropped) exactly; <paramref name="counts"/> receives voxels × channels × 93 values,
    /// voxel-major (the 93 bins of channel c of voxel v start at (v·channels + c)·93).
    /// </summary>
    public static unsafe void RunChannelsAt(ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        VoxelScanOptions options, IReadOnlyList<ScanChannel> channels, Span<float> counts)
    {
        options.Validate();
        ArgumentNullException.ThrowIfNull(channels);
        ZSdm.CheckSoA(cx, cy, cz, "centres");
        if (channels.Count == 0)
            throw new ArgumentException("at least one channel is needed", nameof(channels));
        var plan = new ChannelPlan(channels);
        if (counts.Length != (long)cx.Length * channels.Count * Bins)
            throw new ArgumentException($"must hold {cx.Length} × {channels.Count} × {Bins} values, holds {counts.Length}", nameof(counts));
        var voxels = cx.Length;
        if (voxels == 0)
            return;
        if (ZSdm.UseScreenedKernels && options.SphereRadius <= ZSdm.ScreenedMaxRadius && options.PairRadius <= ZSdm.ScreenedMaxRadius)
        {
            RunChannelRows(cx, cy, cz, options, plan, counts);
            return;
        }
        var chunks = (voxels + VoxelsPerChunk - 1) / VoxelsPerChunk;
        fixed (double* px = cx, py = cy, pz = cz)
        fixed (float* pc = counts)
        {
            var (ax, ay, az, ac) = ((nint)px, (nint)py, (nint)pz, (nint)pc);
            Parallel.For(0, chunks, Parallelism.Options, () => new ChannelWorker(plan, options), (c, _, w) =>
            {
                var end = Math.Min(voxels, (c + 1) * VoxelsPerChunk);
                for (var v = c * VoxelsPerChunk; v < end; v++)
                {
                    var row = new Span<float>((float*)ac + (long)v * plan.Channels * Bins, plan.Channels * Bins);
                    w.Voxel(((double*)ax)[v], ((double*)ay)[v], ((double*)az)[v], row);
                }
                return w;
            }, _ => { });
        }
    }

    /// <summary>The distinct species of a channel list and, per channel, which of them it pairs.</summary>
    private sealed class ChannelPlan
    {
        public ChannelPlan(IReadOnlyList<ScanChannel> channels)
        {
            var species = new List<SpeciesIndex>();
            int Slot(SpeciesIndex s)
            {
                ArgumentNullException.ThrowIfNull(s, nameof(channels));
                var k = species.FindIndex(t => ReferenceEquals(t, s));
                if (k >= 0)
                    return k;
                species.Add(s);
                return species.Count - 1;
            }
            Pairs = channels.Select(c => (Slot(c.Centres), Slot(c.Neighbours))).ToArray();
            Species = [.. species];
        }

        public SpeciesIndex[] Species { get; }
        public (int A, int B)[] Pairs { get; }
        public int Channels => Pairs.Length;
    }

    /// <summary>Per-thread scratch of the multi-channel scan: one z-sorted sphere per species, one histogram per channel.</summary>
    private sealed unsafe class ChannelWorker
    {
        private readonly ChannelPlan _plan;
        private readonly double _sphere;
        private readonly double _r2;
        private readonly ZSlices[] _atoms;
        private readonly int[] _hist;

        public ChannelWorker(ChannelPlan plan, VoxelScanOptions o)
        {
            _plan = plan;
            _sphere = o.SphereRadius;
            _r2 = o.PairRadius * o.PairRadius;
            _atoms = plan.Species.Select(_ => new ZSlices(o.SphereRadius)).ToArray();
            _hist = new int[plan.Channels * ZSdm.ChannelHistogramInts];
        }

        public void Voxel(double cx, double cy, double cz, Span<float> row)
        {
            for (var s = 0; s < _atoms.Length; s++)
                _atoms[s].Fill(_plan.Species[s], cx, cy, cz, _sphere);
            Array.Clear(_hist);
            fixed (int* h = _hist)
            {
                for (var c = 0; c < _plan.Channels; c++)
                {
                    var (ia, ib) = _plan.Pairs[c];
                    ZSlices a = _atoms[ia], b = _atoms[ib];
                    if (a.Count == 0 || b.Count == 0)
                        continue;
                    var hist = h + c * ZSdm.ChannelHistogramInts;
                    fixed (double* x = a.X, y = a.Y, z = a.Z)
                    fixed (int* slice = a.Slice, start = a.SliceStart)
                    {
                        if (ia == ib)
                        {
                            ZSdm.AccumulateSameSorted(x, y, z, a.Count, slice, start, a.Window, a.Slices, _r2, hist);
                        }
                        else
                        {
                            fixed (double* bx = b.X, by = b.Y, bz = b.Z)
                            fixed (int* bStart = b.SliceStart)
                                ZSdm.AccumulateCrossSorted(x, y, z, a.Count, slice, bx, by, bz, bStart, a.Window, a.Slices, _r2, hist);
                        }
                    }
                }
            }
            for (var c = 0; c < _plan.Channels; c++)
            {
                var hist = _hist.AsSpan(c * ZSdm.ChannelHistogramInts, ZSdm.ChannelHistogramInts);
                var (ia, ib) = _plan.Pairs[c];
                if (ia == ib)
                    ZSdm.SumSame(hist, row.Slice(c * Bins, Bins));
                else
                    ZSdm.SumCross(hist, row.Slice(c * Bins, Bins));
            }
        }
    }

    /// <summary>
    /// The atoms of one species in one voxel sphere, sorted by z into slices of <see cref="Width"/> nm
    /// (a counting sort; order inside a slice does not matter for counts). Two atoms whose Δz can fall in
    /// the cropped bins (|Δz| &lt; 0.705 nm) are at most <see cref="Window"/> slices apart, so a pair
    /// kernel only looks that far. The coordinate arrays carry NaN padding after the last atom, so a
    /// vector may read past the end: NaN fails every comparison and never counts.
    /// </summary>
    private sealed class ZSlices
    {
        // Thin slices make the window tight (1.65 nm of a 2.5 nm sphere at 0.05 nm) for a few dozen counters.
        private const double Width = 0.05;
        private const double InverseWidth = 1 / Width;
        private const int Padding = 8;

        private double[] _gx = new double[256], _gy = new double[256], _gz = new double[256];

        public ZSlices(double sphere)
        {
            // One spare slice each side of the sphere's z extent; the clamp in Fill is a safety net only.
            Slices = (int)Math.Ceiling(2 * sphere * InverseWidth) + 3;
            SliceStart = new int[Slices + 1];
            // |Δz| < 0.705 (the crop's extent) spans at most ceil(0.705 / Width) slice boundaries; one more
            // absorbs the rounding of the slice arithmetic.
            Window = (int)Math.Ceiling(ZSdm.CropMaxAbsDz * InverseWidth) + 1;
        }

        public int Slices { get; }
        public int Window { get; }
        public int Count { get; private set; }
        public double[] X { get; private set; } = new double[256 + Padding];
        public double[] Y { get; private set; } = new double[256 + Padding];
        public double[] Z { get; private set; } = new double[256 + Padding];
        /// <summary>Slice of each sorted atom.</summary>
        public int[] Slice { get; private set; } = new int[256];
        /// <summary>First sorted atom of each slice; entry <see cref="Slices"/> is the count.</summary>
        public int[] SliceStart { get; }

        public void Fill(SpeciesIndex index, double cx, double cy, double cz, double sphere)
        {
            var n = index.Gather(cx, cy, cz, sphere, ref _gx, ref _gy, ref _gz);
            Count = n;
            if (X.Length < n + Padding)
            {
                var size = Math.Max(2 * X.Length, n + Padding);
                X = new double[size]; Y = new double[size]; Z = new double[size]; Slice = new int[size];
            }
            var z0 = cz - sphere - Width;
            var last = Slices - 1;
            var start = SliceStart;
            Array.Clear(start);
            var slice = Slice;
            for (var i = 0; i < n; i++)
            {
                var s = (int)((_gz[i] - z0) * InverseWidth);
                s = s < 0 ? 0 : s > last ? last : s;
                slice[i] = s;
                start[s + 1]++;
            }
            for (var s = 0; s < Slices; s++)
                start[s + 1] += start[s];
            // Scatter in slice order; the slice array is rewritten in sorted order behind the scatter.
            Span<int> next = stackalloc int[Slices];
            start.AsSpan(0, Slices).CopyTo(next);
            Span<int> sortedSlice = n <= 1024 ? stackalloc int[n] : new int[n];
            for (var i = 0; i < n; i++)
            {
                var s = slice[i];
                var k = next[s]++;
                X[k] = _gx[i]; Y[k] = _gy[i]; Z[k] = _gz[i];
                sortedSlice[k] = s;
            }
            sortedSlice.CopyTo(slice);
            X.AsSpan(n, Padding).Fill(double.NaN);
            Y.AsSpan(n, Padding).Fill(double.NaN);
            Z.AsSpan(n, Padding).Fill(double.NaN);
        }
    }
}
