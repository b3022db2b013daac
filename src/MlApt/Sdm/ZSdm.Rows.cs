using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlApt.Sdm;

public static partial class ZSdm
{
    /// <summary>
    /// Whether voxel scans may use the screened row kernels (<see cref="VoxelScan"/>): on any processor with
    /// AVX2, for spheres and pair radii up to <see cref="ScreenedMaxRadius"/>. Tests turn it off to check the
    /// per-voxel double kernels on the same machine.
    /// </summary>
    internal static bool UseScreenedKernels { get; set; } = Avx2.IsSupported;

    /// <summary>Largest sphere or pair radius (nm) for which the screen's error bounds below are worked out.</summary>
    internal const double ScreenedMaxRadius = 4.0;

    /// <summary>Largest distance (nm) of a screened coordinate from its origin (a row's axis and middle).</summary>
    internal const double ScreenedMaxExtent = 12.0;

    // Error bounds of the float screen, for local coordinates within 12 nm of their origin and pairs within
    // 4 nm: each local coordinate is off by ≤ 2⁻²⁴·12 = 7.2e-7 nm, a float difference by ≤ 2e-6 nm; a squared
    // distance near R² ≤ 16 by ≤ 6e-5 nm²; the bin value (Δz + 1.5)·200/3 by ≤ 2e-4 bins. The margins
    // are at least three times these, so outside them the float decision is the double decision.
    private const float D2Margin = 2e-4f;
    private const float DxMargin = 1e-4f;
    private const float BinMargin = 2e-3f;

    /// <summary>For each 8-bit lane mask, the permutation that moves the set lanes to the front, in order.</summary>
    private static readonly int[] LeftPack = BuildLeftPack();

    private static int[] BuildLeftPack()
    {
        var table = new int[256 * 8];
        for (var m = 0; m < 256; m++)
        {
            var k = 0;
            for (var lane = 0; lane < 8; lane++)
            {
                if ((m & (1 << lane)) != 0)
                    table[8 * m + k++] = lane;
            }
        }
        return table;
    }

    /// <summary>
    /// Ints per row position in a row kernel's difference histogram: slots 0 … 95 for the pairs decided in
    /// float (bin − the kernel's first bin), then <see cref="RowExact"/> … for the pairs decided in double (bin − 54).
    /// </summary>
    internal const int RowStride = 192;

    /// <summary>Offset of the exactly decided pairs' bins in a row position.</summary>
    internal const int RowExact = 96;

    /// <summary>Most voxels in one row (bounds the difference histograms).</summary>
    internal const int MaxRowVoxels = 64;

    /// <summary>
    /// Ints of one copy of a row's difference histogram (positions 0 … <see cref="MaxRowVoxels"/>); the row
    /// kernels count into four copies (<see cref="RowHistogramInts"/>), summed when the counts are read.
    /// </summary>
    internal const int RowCopyInts = (MaxRowVoxels + 1) * RowStride;

    /// <summary>Ints of a row kernel's difference histogram: four copies.</summary>
    internal const int RowHistogramInts = 4 * RowCopyInts;

    /// <summary>The 93 cropped counts of a same-species channel from a row position's running sums (see <see cref="SumSame"/>).</summary>
    internal static void SumRowSame(ReadOnlySpan<int> running, Span<float> row)
    {
        for (var k = 0; k < CropLength; k++)
        {
            var bin = CropStart + k;
            row[k] = running[bin - MirrorStart] + running[FullBinCount - 1 - bin - MirrorStart] + running[RowExact + k];
        }
    }

    /// <summary>The 93 cropped counts of a cross channel from a row position's running sums.</summary>
    internal static void SumRowCross(ReadOnlySpan<int> running, Span<float> row)
    {
        for (var k = 0; k < CropLength; k++)
            row[k] = running[k] + running[RowExact + k];
    }

    /// <summary>
    /// The pairs of one channel over a row of voxels (spheres centred on one line along z, sorted by z), for
    /// every voxel of the row at once. Atom a lies in the spheres of row positions p with lo[a] ≤ p·RowStride &lt; hi[a]
    /// (a contiguous run: the sphere test is monotonic in |Δz|; the arrays hold the run's first position and one
    /// past its last, times <see cref="RowStride"/>, as histogram offsets), so a pair lies in both spheres of the
    /// positions from max(lo) to before min(hi): it is added to the difference histogram <paramref name="d"/> at
    /// the first of them and subtracted at the end, and a prefix sum over positions gives each voxel's counts.
    /// <para>Cross channel (A ≠ B): for each centre a, the neighbours b in the slices within
    /// <paramref name="window"/> of its own (ordered pairs, slot bin − 54). Same species (pass the same arrays
    /// as a and b, <paramref name="same"/> true): each unordered pair within the window once, standing for both
    /// of its directions (slot bin − 53; the mirror is added when the counts are read, see <see cref="SumRowSame"/>).</para>
    /// <para>Each pair is screened in float, eight at a time, from coordinates relative to the row's axis and
    /// middle: where every test is clear of its threshold by more than the float error the float decision is
    /// the double one; otherwise (a pair near the pair radius, Δx = ±1.5 or a bin edge: about 2 % of the vectors hold one) the
    /// pair is decided in double from the original coordinates exactly as <see cref="AccumulatePairs"/>
    /// decides it, both directions for a same-species pair. Float, lo and hi arrays padded by ≥ 7 values
    /// after the last atom (NaN; int.MaxValue; int.MinValue).</para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void AccumulateRow(bool same, in RowArrays a, in RowArrays b, int window, int slices, double r2,
        RowPending pending, int* d)
    {
        var low = same ? MirrorStart : CropStart;
        var acceptD2 = Vector256.Create((float)r2 - D2Margin);
        var maybeD2 = Vector256.Create((float)r2 + D2Margin);
        var acceptDx = Vector256.Create((float)HalfRange - DxMargin);
        var maybeDx = Vector256.Create((float)HalfRange + DxMargin);
        var offset = Vector256.Create((float)HalfRange);
        var scale = Vector256.Create(200f / 3f);
        var acceptLow = Vector256.Create(low + BinMargin);
        var acceptHigh = Vector256.Create(CropStart + CropLength - BinMargin);
        var maybeLow = Vector256.Create(low - BinMargin);
        var maybeHigh = Vector256.Create(CropStart + CropLength + BinMargin);
        var edge = Vector256.Create(BinMargin);
        var edgeHigh = Vector256.Create(1 - BinMargin);
        var slotBase = Vector256.Create(low);
        pending.Ensure(b.Count);
        var limit = pending.Limit;
        float* afx = a.Fx, afy = a.Fy, afz = a.Fz, bfx = b.Fx, bfy = b.Fy, bfz = b.Fz;
        int* aLo = a.Lo, aHi = a.Hi, bLo = b.Lo, bHi = b.Hi, aSlice = a.Slice, bStart = b.SliceStart;
        fixed (int* plus = pending.Plus, minus = pending.Minus, pack = LeftPack)
        {
            var count = 0;
            for (var i = 0; i < a.Count; i++)
            {
                var s = aSlice[i];
                var lastSlice = s + window + 1;
                var end = bStart[lastSlice > slices ? slices : lastSlice];
                var begin = same ? i + 1 : bStart[s - window < 0 ? 0 : s - window];
                if (count + (end - begin) + 8 > limit)
                {
                    FlushRow(plus, minus, count, d);
                    count = 0;
                }
                var xa = Vector256.Create(afx[i]);
                var ya = Vector256.Create(afy[i]);
                var za = Vector256.Create(afz[i]);
                var loA = Vector256.Create(aLo[i]);
                var hiA = Vector256.Create(aHi[i]);
                for (var j = begin; j < end; j += Vector256<float>.Count)
                {
                    var dx = Vector256.Load(bfx + j) - xa;
                    var dy = Vector256.Load(bfy + j) - ya;
                    var dz = Vector256.Load(bfz + j) - za;
                    var first = Vector256.Max(Vector256.Load(bLo + j), loA);
                    var after = Vector256.Min(Vector256.Load(bHi + j), hiA);
                    var d2 = dx * dx + dy * dy + dz * dz;
                    var adx = Vector256.Abs(dx);
                    var tb = (dz + offset) * scale;
                    var fraction = tb - Vector256.Floor(tb);
                    // Shares a sphere, and fails no test by more than its margin (NaN padding fails every comparison).
                    var maybe = Vector256.LessThan(first, after).AsSingle()
                        & Vector256.LessThanOrEqual(d2, maybeD2)
                        & Vector256.LessThanOrEqual(adx, maybeDx)
                        & Vector256.GreaterThanOrEqual(tb, maybeLow)
                        & Vector256.LessThanOrEqual(tb, maybeHigh);
                    // Passes every test by more than its margin. Δx or Δz of zero is left to the double test: with
                    // double inputs that are not float values, two different coordinates can round to one float.
                    var keep = maybe
                        & Vector256.LessThan(d2, acceptD2)
                        & Vector256.LessThan(adx, acceptDx)
                        & ~Vector256.Equals(dx, Vector256<float>.Zero)
                        & ~Vector256.Equals(dz, Vector256<float>.Zero)
                        & Vector256.GreaterThanOrEqual(tb, acceptLow)
                        & Vector256.LessThan(tb, acceptHigh)
                        & Vector256.GreaterThan(fraction, edge)
                        & Vector256.LessThan(fraction, edgeHigh);
                    var unclear = (maybe & ~keep).ExtractMostSignificantBits();
                    if (unclear != 0)
                        ExactRow(same, a, b, i, j, unclear, r2, first, after, d);
                    var bins = Avx.ConvertToVector256Int32WithTruncation(tb) - slotBase;
                    count = AppendRow(plus, minus, count, keep, first + bins, after + bins, pack);
                }
            }
            FlushRow(plus, minus, count, d);
        }
    }

    /// <summary>The unclear lanes (centre i, neighbour j + lane), decided exactly as <see cref="AccumulatePairs"/> (both directions of a same-species pair).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void ExactRow(bool same, in RowArrays a, in RowArrays b, int i, int j, uint lanes, double r2,
        Vector256<int> first, Vector256<int> after, int* d)
    {
        for (; lanes != 0; lanes &= lanes - 1)
        {
            var lane = BitOperations.TrailingZeroCount(lanes);
            var k = j + lane;
            double dx = b.X[k] - a.X[i], dy = b.Y[k] - a.Y[i], dz = b.Z[k] - a.Z[i];
            // A same-species pair's reverse differences are the exact negatives: the same squared distance.
            if (!(dx * dx + dy * dy + dz * dz <= r2))
                continue;
            int from = first.GetElement(lane) + RowExact - CropStart, to = after.GetElement(lane) + RowExact - CropStart;
            Count(dx, dz);
            if (same)
                Count(-dx, -dz);

            void Count(double x, double z)
            {
                if (TryBin(x, z, out var bin) && bin >= CropStart && bin < CropStart + CropLength)
                {
                    d[from + bin]++;
                    d[to + bin]--;
                }
            }
        }
    }

    /// <summary>Pinned arrays of one species' atoms around a row (see the row scan in <see cref="VoxelScan"/>).</summary>
    internal readonly unsafe struct RowArrays(int count, double* x, double* y, double* z, float* fx, float* fy, float* fz,
        int* lo, int* hi, int* slice, int* sliceStart)
    {
        public readonly int Count = count;
        public readonly double* X = x, Y = y, Z = z;
        public readonly float* Fx = fx, Fy = fy, Fz = fz;
        public readonly int* Lo = lo, Hi = hi, Slice = slice, SliceStart = sliceStart;
    }

    /// <summary>
    /// The kept pairs' difference-histogram slots (where each starts and where it stops counting), waiting to
    /// be counted. The row kernels append only the slots of the pairs they keep (a lane-packing permutation)
    /// and count them in a plain loop: a rejected pair costs no increment, and the increments' addresses come
    /// from memory rather than from the end of the vector arithmetic.
    /// </summary>
    internal sealed class RowPending
    {
        // Small enough to stay in the first-level cache beside the difference histogram.
        private const int Capacity = 1024;

        /// <summary>Slots to increment; the last 16 are room for a vector stored past <see cref="Limit"/>.</summary>
        public int[] Plus { get; private set; } = new int[Capacity + 16];

        /// <summary>Slots to decrement, one per entry of <see cref="Plus"/>.</summary>
        public int[] Minus { get; private set; } = new int[Capacity + 16];

        /// <summary>Flush before the count could pass this.</summary>
        public int Limit => Plus.Length - 16;

        /// <summary>Makes room for one centre's pairs with up to <paramref name="atoms"/> partners.</summary>
        public void Ensure(int atoms)
        {
            if (atoms + 8 > Limit)
            {
                Plus = new int[atoms + 8 + 16];
                Minus = new int[atoms + 8 + 16];
            }
        }
    }

    /// <summary>Appends the plus and minus slots of the kept lanes, in lane order, and returns the new count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int AppendRow(int* plus, int* minus, int count, Vector256<float> keep, Vector256<int> from, Vector256<int> to, int* pack)
    {
        var mask = keep.ExtractMostSignificantBits();
        var order = Vector256.Load(pack + 8 * mask);
        Avx2.PermuteVar8x32(from, order).Store(plus + count);
        Avx2.PermuteVar8x32(to, order).Store(minus + count);
        return count + BitOperations.PopCount(mask);
    }

    /// <summary>Counts <paramref name="count"/> pending pairs into the difference histogram.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void FlushRow(int* plus, int* minus, int count, int* d)
    {
        // Consecutive pairs of one centre often hit the same slot; spread over four copies, the increments
        // do not wait for each other's stores.
        int* d1 = d + RowCopyInts, d2 = d1 + RowCopyInts, d3 = d2 + RowCopyInts;
        var t = 0;
        for (; t + 4 <= count; t += 4)
        {
            d[plus[t]]++;
            d[minus[t]]--;
            d1[plus[t + 1]]++;
            d1[minus[t + 1]]--;
            d2[plus[t + 2]]++;
            d2[minus[t + 2]]--;
            d3[plus[t + 3]]++;
            d3[minus[t + 3]]--;
        }
        for (; t < count; t++)
        {
            d[plus[t]]++;
            d[minus[t]]--;
        }
    }
}
