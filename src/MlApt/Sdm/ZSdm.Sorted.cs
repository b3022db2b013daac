using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MlApt.Sdm;

public static partial class ZSdm
{
    /// <summary>
    /// Largest |Δz| that can land in the cropped bins: bin 54 starts at −0.69 and bin 146 ends at 0.705.
    /// Pair kernels may skip pairs farther apart in z than this (plus rounding margin); the exact bin test
    /// still decides every pair they examine.
    /// </summary>
    internal const double CropMaxAbsDz = 0.705;

    /// <summary>
    /// Ints of one channel's histogram in the sorted kernels: one lane histogram per vector lane, then
    /// the exceptions histogram of the same-species kernel (<see cref="DirectOffset"/>).
    /// </summary>
    internal const int ChannelHistogramInts = 5 * LaneHistogramStride;

    /// <summary>Offset of the exceptions histogram (bins 54 … 146, counted directly) in a channel histogram.</summary>
    internal const int DirectOffset = 4 * LaneHistogramStride;

    /// <summary>First full-profile bin of the same-species kernel's lane histograms (one below the crop, for the mirror).</summary>
    private const int MirrorStart = CropStart - 1;

    /// <summary>Sums the lane histograms of a cross channel (<see cref="AccumulateCrossSorted"/>) into its 93 cropped counts.</summary>
    internal static void SumCross(ReadOnlySpan<int> hist, Span<float> row)
    {
        for (var k = 0; k < CropLength; k++)
            row[k] = LaneSum(hist, k);
    }

    /// <summary>
    /// The 93 cropped counts of a same-species channel (<see cref="AccumulateSameSorted"/>): bin k holds the
    /// pairs counted at k in their own direction, the mirror images of those counted at 199 − k (their
    /// reverse pairs), and the exceptions counted directly.
    /// </summary>
    internal static void SumSame(ReadOnlySpan<int> hist, Span<float> row)
    {
        for (var k = 0; k < CropLength; k++)
        {
            var bin = CropStart + k;
            row[k] = LaneSum(hist, bin - MirrorStart) + LaneSum(hist, FullBinCount - 1 - bin - MirrorStart) + hist[DirectOffset + k];
        }
    }

    private static int LaneSum(ReadOnlySpan<int> hist, int slot) =>
        hist[slot] + hist[LaneHistogramStride + slot] + hist[2 * LaneHistogramStride + slot] + hist[3 * LaneHistogramStride + slot];

    /// <summary>
    /// Same-species pairs of z-sorted atoms: each unordered pair (i, j &gt; i) whose slices are at most
    /// <paramref name="window"/> apart is examined once and stands for both of its ordered pairs. The
    /// reverse pair's Δx, Δy, Δz are the exact negatives (IEEE subtraction is antisymmetric), so its
    /// squared distance and its zero tests are the same. Usually its bin is the mirror image, 199 − k, of
    /// the forward pair's bin k, and its half-open Δx test agrees (they differ only at Δx = ±1.5); then
    /// one count at k (lane histograms cover bins 53 … 146) stands for both and <see cref="SumSame"/>
    /// adds the mirror. Where a bin edge makes the two bin expressions disagree, or Δx = ±1.5, both
    /// directions are decided by <see cref="TryBin"/> and counted directly: every ordered pair is decided
    /// exactly as <see cref="AccumulatePairs"/> decides it. Arrays NaN-padded by ≥ 3 values after <paramref name="n"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void AccumulateSameSorted(double* x, double* y, double* z, int n, int* slice, int* sliceStart,
        int window, int slices, double r2, int* hist)
    {
        var k = new PairConstants(r2);
        var mirrorFirst = Vector256.Create((double)MirrorStart);
        var mirrorSum = Vector256.Create((double)(FullBinCount - 1));
        var laneBase = Vector128.Create(-MirrorStart, LaneHistogramStride - MirrorStart, 2 * LaneHistogramStride - MirrorStart, 3 * LaneHistogramStride - MirrorStart);
        var direct = hist + DirectOffset - CropStart;
        for (var i = 0; i < n; i++)
        {
            var last = slice[i] + window + 1;
            var end = sliceStart[last > slices ? slices : last];
            var xa = Vector256.Create(x[i]);
            var ya = Vector256.Create(y[i]);
            var za = Vector256.Create(z[i]);
            for (var j = i + 1; j < end; j += Vector256<double>.Count)
            {
                var dx = Vector256.Load(x + j) - xa;
                var dy = Vector256.Load(y + j) - ya;
                var dz = Vector256.Load(z + j) - za;
                var d2 = dx * dx + dy * dy + dz * dz;
                var common = Vector256.LessThanOrEqual(d2, k.R2)
                    & ~Vector256.Equals(dx, Vector256<double>.Zero)
                    & ~Vector256.Equals(dz, Vector256<double>.Zero);
                var forward = (dz - k.Lo) * k.Third * k.TwoHundred;
                var reverse = (-dz - k.Lo) * k.Third * k.TwoHundred;
                // Within the pair radius |Δz| ≤ 1.5, so both values are ≥ 0 and Floor is the (int) truncation.
                var regular = Vector256.Equals(Vector256.Floor(forward) + Vector256.Floor(reverse), mirrorSum)
                    & ~Vector256.Equals(Vector256.Abs(dx), k.Hi);
                var exceptions = (common & ~regular).ExtractMostSignificantBits();
                if (exceptions != 0)
                    CountDirect(direct, exceptions, dx, dz);
                var keep = common & regular
                    & Vector256.GreaterThanOrEqual(dx, k.Lo)
                    & Vector256.LessThan(dx, k.Hi)
                    & Vector256.GreaterThanOrEqual(forward, mirrorFirst)
                    & Vector256.LessThan(forward, k.End);
                Increment(hist, Vector256.ConditionalSelect(keep, forward, k.End + Vector256<double>.One), laneBase);
            }
        }
    }

    /// <summary>Both directions of the exceptional lanes, each decided by <see cref="TryBin"/> (rare: bin edges, Δx = ±1.5).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void CountDirect(int* direct, uint lanes, Vector256<double> dx, Vector256<double> dz)
    {
        for (var lane = 0; lane < Vector256<double>.Count; lane++)
        {
            if ((lanes & (1u << lane)) == 0)
                continue;
            double x = dx.GetElement(lane), z = dz.GetElement(lane);
            if (TryBin(x, z, out var bin) && bin >= CropStart && bin < CropStart + CropLength)
                direct[bin]++;
            if (TryBin(-x, -z, out bin) && bin >= CropStart && bin < CropStart + CropLength)
                direct[bin]++;
        }
    }

    /// <summary>
    /// Cross pairs of z-sorted atoms: for each centre, the neighbours in the slices within
    /// <paramref name="window"/> of its own (a contiguous run of the sorted neighbours). Neighbour
    /// arrays must be NaN-padded by at least three values after their last atom.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void AccumulateCrossSorted(double* ax, double* ay, double* az, int na, int* aSlice,
        double* bx, double* by, double* bz, int* bSliceStart, int window, int slices, double r2, int* hist)
    {
        var k = new PairConstants(r2);
        for (var i = 0; i < na; i++)
        {
            var s = aSlice[i];
            var first = s - window;
            var last = s + window + 1;
            var begin = bSliceStart[first < 0 ? 0 : first];
            var end = bSliceStart[last > slices ? slices : last];
            var xa = Vector256.Create(ax[i]);
            var ya = Vector256.Create(ay[i]);
            var za = Vector256.Create(az[i]);
            for (var j = begin; j < end; j += Vector256<double>.Count)
            {
                var dx = Vector256.Load(bx + j) - xa;
                var dy = Vector256.Load(by + j) - ya;
                var dz = Vector256.Load(bz + j) - za;
                var d2 = dx * dx + dy * dy + dz * dz;
                var common = Vector256.LessThanOrEqual(d2, k.R2)
                    & ~Vector256.Equals(dx, Vector256<double>.Zero)
                    & ~Vector256.Equals(dz, Vector256<double>.Zero);
                Count(hist, common, dx, dz, k);
            }
        }
    }

    private readonly struct PairConstants(double r2)
    {
        public readonly Vector256<double> R2 = Vector256.Create(r2);
        public readonly Vector256<double> Lo = Vector256.Create(-1.5);
        public readonly Vector256<double> Hi = Vector256.Create(1.5);
        public readonly Vector256<double> Third = Vector256.Create(1.0 / 3.0);
        public readonly Vector256<double> TwoHundred = Vector256.Create(200.0);
        public readonly Vector256<double> First = Vector256.Create((double)CropStart);
        public readonly Vector256<double> End = Vector256.Create((double)(CropStart + CropLength));
        public readonly Vector128<int> LaneBase = Vector128.Create(-CropStart, LaneHistogramStride - CropStart,
            2 * LaneHistogramStride - CropStart, 3 * LaneHistogramStride - CropStart);
    }

    /// <summary>
    /// Counts one direction of a vector of pairs that passed the symmetric tests (<paramref name="common"/>):
    /// the Δx range test and the bin expression of <see cref="Bin"/>, lane-wise in the same operation
    /// order, then one increment per lane into that lane's histogram (rejected lanes go to the dump slot 93).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Count(int* hist, Vector256<double> common, Vector256<double> dx, Vector256<double> dz, in PairConstants k)
    {
        var tb = (dz - k.Lo) * k.Third * k.TwoHundred;
        // (int)tb ∈ [54, 146] ⇔ 54 ≤ tb < 147 for tb ≥ 0, which implies −1.5 ≤ Δz < 1.5 (see AccumulateCropped).
        var keep = common
            & Vector256.GreaterThanOrEqual(dx, k.Lo)
            & Vector256.LessThan(dx, k.Hi)
            & Vector256.GreaterThanOrEqual(tb, k.First)
            & Vector256.LessThan(tb, k.End);
        Increment(hist, Vector256.ConditionalSelect(keep, tb, k.End), k.LaneBase);
    }

    /// <summary>One increment per lane: lane l adds one at slot (int)bins[l] + laneBase[l].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Increment(int* hist, Vector256<double> bins, Vector128<int> laneBase)
    {
        if (Avx.IsSupported)
        {
            var slot = Avx.ConvertToVector128Int32WithTruncation(bins) + laneBase;
            hist[slot.ToScalar()]++;
            hist[slot.GetElement(1)]++;
            hist[slot.GetElement(2)]++;
            hist[slot.GetElement(3)]++;
        }
        else
        {
            hist[(int)bins.GetElement(0) + laneBase.GetElement(0)]++;
            hist[(int)bins.GetElement(1) + laneBase.GetElement(1)]++;
            hist[(int)bins.GetElement(2) + laneBase.GetElement(2)]++;
            hist[(int)bins.GetElement(3) + laneBase.GetElement(3)]++;
        }
    }
}
