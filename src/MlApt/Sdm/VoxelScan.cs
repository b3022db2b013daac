using System.Runtime.Intrinsics;
using MlApt.Numerics;

namespace MlApt.Sdm;

/// <summary>
/// The batched voxel-scan engine (METHOD §3): for each voxel centre, the A and B atoms within the
/// sphere radius, then the cropped z-SDM (bins 54 … 146) of all ordered (a, b) pairs within the pair
/// radius. Output rows are raw counts as float32: counts are small integers (at most |A|·|B| per voxel),
/// exactly representable up to 2²⁴, and float halves the memory of a scan against double while
/// matching what preprocessing and the classifier read. Runs in parallel over voxels.
/// </summary>
public static partial class VoxelScan
{
    /// <summary>Values per voxel row: the 93 cropped bins.</summary>
    public const int Bins = ZSdm.CropLength;

    private const int VoxelsPerChunk = 512;

    /// <summary>
    /// Scans every voxel of <paramref name="grid"/> (scan order z, y, x) and allocates the result.
    /// Pass the same index for A and B for a same-species map (its sphere is then gathered once).
    /// </summary>
    public static VoxelScanResult Run(VoxelGrid grid, SpeciesIndex centres, SpeciesIndex neighbours)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var counts = new float[(long)grid.Count * Bins];
        var n = new int[grid.Count];
        Run(grid, centres, neighbours, counts, n);
        return new VoxelScanResult(counts, n);
    }

    /// <summary>
    /// Scans every voxel of <paramref name="grid"/> into caller-owned buffers: <paramref name="counts"/>
    /// (voxels × 93, row-major in scan order) and <paramref name="centreCounts"/> (A atoms in each voxel
    /// sphere; pass an empty span to skip).
    /// </summary>
    public static unsafe void Run(VoxelGrid grid, SpeciesIndex centres, SpeciesIndex neighbours,
        Span<float> counts, Span<int> centreCounts)
    {
        ArgumentNullException.ThrowIfNull(grid);
        CheckDestinations(grid.Count, counts, centreCounts);
        fixed (float* pc = counts)
        fixed (int* pn = centreCounts)
        {
            var job = new Job(grid.Options, centres, neighbours, (nint)pc, (nint)pn, centreCounts.Length != 0);
            Execute(grid.Count, job, (Job j, Worker w, int v) =>
            {
                var (i, jj, k) = (v % grid.Nx, v / grid.Nx % grid.Ny, v / grid.Nx / grid.Ny);
                j.Voxel(w, v, grid.CentreX(i), grid.CentreY(jj), grid.CentreZ(k));
            });
        }
    }

    /// <summary>
    /// Scans voxels at arbitrary centres (any order, any count) with the sphere and pair radii of
    /// <paramref name="options"/>; destinations as for the grid overload, one row per centre.
    /// </summary>
    public static unsafe void RunAt(ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        VoxelScanOptions options, SpeciesIndex centres, SpeciesIndex neighbours,
        Span<float> counts, Span<int> centreCounts)
    {
        options.Validate();
        ZSdm.CheckSoA(cx, cy, cz, "centres");
        CheckDestinations(cx.Length, counts, centreCounts);
        fixed (double* px = cx)
        fixed (double* py = cy)
        fixed (double* pz = cz)
        fixed (float* pc = counts)
        fixed (int* pn = centreCounts)
        {
            var job = new Job(options, centres, neighbours, (nint)pc, (nint)pn, centreCounts.Length != 0);
            var (ax, ay, az) = ((nint)px, (nint)py, (nint)pz);
            Execute(cx.Length, job, (Job j, Worker w, int v) =>
                j.Voxel(w, v, ((double*)ax)[v], ((double*)ay)[v], ((double*)az)[v]));
        }
    }

    private static void CheckDestinations(int voxels, Span<float> counts, Span<int> centreCounts)
    {
        if (counts.Length != (long)voxels * Bins)
            throw new ArgumentException($"must hold {voxels} × {Bins} values, holds {counts.Length}", nameof(counts));
        if (centreCounts.Length != 0 && centreCounts.Length != voxels)
            throw new ArgumentException($"must be empty or hold {voxels} values", nameof(centreCounts));
    }

    private delegate void VoxelAction(Job job, Worker worker, int voxel);

    private static void Execute(int voxels, Job job, VoxelAction action)
    {
        var chunks = (voxels + VoxelsPerChunk - 1) / VoxelsPerChunk;
        Parallel.For(0, chunks, Parallelism.Options, () => new Worker(), (c, _, w) =>
        {
            var end = Math.Min(voxels, (c + 1) * VoxelsPerChunk);
            for (var v = c * VoxelsPerChunk; v < end; v++) action(job, w, v);
            return w;
        }, _ => { });
    }

    /// <summary>Per-thread scratch: gathered sphere atoms and the 93-bin histogram. Grows, never shrinks.</summary>
    private sealed class Worker
    {
        public double[] Ax = new double[128], Ay = new double[128], Az = new double[128];
        public double[] Bx = new double[128], By = new double[128], Bz = new double[128];
        public readonly int[] Hist = new int[Vector256<double>.Count * ZSdm.LaneHistogramStride];
    }

    private sealed unsafe class Job(VoxelScanOptions o, SpeciesIndex a, SpeciesIndex b, nint counts, nint centreCounts, bool wantCentreCounts)
    {
        private readonly SpeciesIndex _a = a ?? throw new ArgumentNullException(nameof(a));
        private readonly SpeciesIndex _b = b ?? throw new ArgumentNullException(nameof(b));
        private readonly bool _same = ReferenceEquals(a, b);
        private readonly double _sphere = o.SphereRadius;
        private readonly double _r2 = o.PairRadius * o.PairRadius;

        public void Voxel(Worker w, int v, double cx, double cy, double cz)
        {
            var na = _a.Gather(cx, cy, cz, _sphere, ref w.Ax, ref w.Ay, ref w.Az);
            if (wantCentreCounts) ((int*)centreCounts)[v] = na;
            var row = new Span<float>((float*)counts + (long)v * Bins, Bins);
            if (na == 0) { row.Clear(); return; }
            var hist = w.Hist;
            Array.Clear(hist);
            int nb;
            double[] bx, by, bz;
            if (_same) { nb = na; bx = w.Ax; by = w.Ay; bz = w.Az; }
            else
            {
                nb = _b.Gather(cx, cy, cz, _sphere, ref w.Bx, ref w.By, ref w.Bz);
                bx = w.Bx; by = w.By; bz = w.Bz;
            }
            if (nb > 0)
            {
                // Pad to whole vectors with NaN: every comparison with NaN is false, so padding never counts.
                var padded = (nb + Vector256<double>.Count - 1) & -Vector256<double>.Count;
                if (padded > bx.Length)
                {
                    if (_same) { SpeciesIndex.Grow(ref w.Ax, ref w.Ay, ref w.Az); (bx, by, bz) = (w.Ax, w.Ay, w.Az); }
                    else { SpeciesIndex.Grow(ref w.Bx, ref w.By, ref w.Bz); (bx, by, bz) = (w.Bx, w.By, w.Bz); }
                }
                bx.AsSpan(nb, padded - nb).Fill(double.NaN);
                by.AsSpan(nb, padded - nb).Fill(double.NaN);
                bz.AsSpan(nb, padded - nb).Fill(double.NaN);
                fixed (double* pax = w.Ax, pay = w.Ay, paz = w.Az, pbx = bx, pby = by, pbz = bz)
                fixed (int* ph = hist)
                    ZSdm.AccumulateCropped(pax, pay, paz, na, pbx, pby, pbz, padded, _r2, ph);
            }
            for (var k = 0; k < Bins; k++)
            {
                var sum = 0;
                for (var lane = 0; lane < Vector256<double>.Count; lane++) sum += hist[lane * ZSdm.LaneHistogramStride + k];
                row[k] = sum;
            }
        }
    }
}

/// <summary>The output of a voxel scan: raw cropped counts and A atoms per voxel.</summary>
public sealed class VoxelScanResult
{
    /// <summary>Wraps scan buffers (counts: voxels × 93; centre counts: one per voxel).</summary>
    public VoxelScanResult(float[] counts, int[] centreCounts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(centreCounts);
        if (counts.LongLength != (long)centreCounts.Length * VoxelScan.Bins)
            throw new ArgumentException("counts must hold 93 values per voxel");
        Counts = counts;
        CentreCounts = centreCounts;
    }

    /// <summary>Raw cropped z-SDM counts, voxels × 93, row-major in scan order.</summary>
    public float[] Counts { get; }
    /// <summary>Number of A atoms in each voxel sphere.</summary>
    public int[] CentreCounts { get; }
    /// <summary>Number of voxels.</summary>
    public int Voxels => CentreCounts.Length;
    /// <summary>The 93 raw counts of one voxel.</summary>
    public ReadOnlySpan<float> Row(int voxel) => Counts.AsSpan(checked(voxel * VoxelScan.Bins), VoxelScan.Bins);
}
