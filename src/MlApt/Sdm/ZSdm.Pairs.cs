using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MlApt.Geometry;
using MlApt.Numerics;

namespace MlApt.Sdm;

public static partial class ZSdm
{
    /// <summary>
    /// The z-SDM of arbitrary centres against an indexed neighbour species: for every centre a and every
    /// held neighbour b, the pair rule of <see cref="AccumulatePairs"/> (identical arithmetic, so the
    /// result equals the brute force exactly). Accumulates into <paramref name="full"/> (200 bins).
    /// Runs in parallel over centres; the counts do not depend on the thread schedule.
    /// </summary>
    public static void AccumulateCentres(
        ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        SpeciesIndex neighbours, double pairRadius, Span<long> full)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        CheckSoA(cx, cy, cz, "centres");
        CheckFull(full.Length, nameof(full));
        if (cx.Length == 0) return;
        var total = ForEachPairParallel(cx, cy, cz, neighbours, pairRadius, FullBinCount,
            static (dx, dz, hist) => { if (TryBin(dx, dz, out var bin)) hist[bin]++; });
        for (var k = 0; k < FullBinCount; k++) full[k] += total[k];
    }

    /// <summary>
    /// The z-SDM of a whole region: every atom of A inside <paramref name="region"/> (inclusive) is a
    /// centre; its neighbours are all atoms held by <paramref name="neighbours"/>, also those outside the
    /// region, within the pair radius. Accumulates into <paramref name="full"/> (200 bins).
    /// </summary>
    public static void AccumulateRegion(
        ReadOnlySpan<double> ax, ReadOnlySpan<double> ay, ReadOnlySpan<double> az, Box region,
        SpeciesIndex neighbours, double pairRadius, Span<long> full)
    {
        CheckSoA(ax, ay, az, "a");
        var (x, y, z) = Select(ax, ay, az, region);
        AccumulateCentres(x, y, z, neighbours, pairRadius, full);
    }

    /// <summary>The atoms inside a box (inclusive), in input order.</summary>
    public static (double[] X, double[] Y, double[] Z) Select(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Box region)
    {
        var n = 0;
        for (var i = 0; i < x.Length; i++) if (region.Contains(x[i], y[i], z[i])) n++;
        var (sx, sy, sz) = (new double[n], new double[n], new double[n]);
        n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!region.Contains(x[i], y[i], z[i])) continue;
            sx[n] = x[i]; sy[n] = y[i]; sz[n] = z[i]; n++;
        }
        return (sx, sy, sz);
    }

    internal delegate void PairSink(double dx, double dz, Span<long> histogram);

    /// <summary>
    /// Calls <paramref name="sink"/> for every (centre, neighbour) pair within the pair radius, using the
    /// exact distance test of the brute force, in parallel with one histogram per worker; returns the sum.
    /// </summary>
    internal static long[] ForEachPairParallel(
        ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        SpeciesIndex b, double pairRadius, int bins, PairSink sink)
    {
        // Parallel.For cannot capture spans; the copy is O(n) against O(n·neighbours) work.
        double[] x = cx.ToArray(), y = cy.ToArray(), z = cz.ToArray();
        b = b.WithPositions();
        var total = new long[bins];
        var gate = new object();
        var r2 = pairRadius * pairRadius;
        const int Chunk = 256;
        var chunks = (x.Length + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, Parallelism.Options, () => new long[bins], (c, _, hist) =>
        {
            var end = Math.Min(x.Length, (c + 1) * Chunk);
            var bx = b.X; var by = b.Y; var bz = b.Z;
            for (var i = c * Chunk; i < end; i++)
            {
                double xa = x[i], ya = y[i], za = z[i];
                if (!b.TryCellRange(xa, ya, za, pairRadius, out var r)) continue;
                for (var iz = r.Z0; iz <= r.Z1; iz++)
                {
                    for (var iy = r.Y0; iy <= r.Y1; iy++)
                    {
                        var (s, e) = b.RowSlice(iz, iy, r.X0, r.X1);
                        for (var k = s; k < e; k++)
                        {
                            double dx = bx[k] - xa, dy = by[k] - ya, dz = bz[k] - za;
                            if (dx * dx + dy * dy + dz * dz <= r2) sink(dx, dz, hist);
                        }
                    }
                }
            }
            return hist;
        }, hist =>
        {
            lock (gate) for (var k = 0; k < bins; k++) total[k] += hist[k];
        });
        return total;
    }

    /// <summary>Ints per lane histogram of <see cref="AccumulateCropped"/>: 93 bins, a dump slot (93), padding.</summary>
    internal const int LaneHistogramStride = 96;

    /// <summary>
    /// The cropped-histogram pair kernel of the voxel scan: all ordered pairs between na centres and the
    /// neighbour buffer (whose length nbPadded is a multiple of the vector width, padded with NaN so the
    /// padding fails every comparison), counted into <paramref name="hist"/>: one histogram of
    /// <see cref="LaneHistogramStride"/> ints per vector lane (the caller sums them). Per lane it performs
    /// exactly the scalar arithmetic of <see cref="AccumulatePairs"/> (IEEE add, subtract, multiply,
    /// compare; no FMA), so the counts are identical to the brute force. Branch-free: rejected pairs go
    /// to a dump slot, and per-lane histograms keep the increments of one vector independent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void AccumulateCropped(
        double* ax, double* ay, double* az, int na,
        double* bx, double* by, double* bz, int nbPadded, double r2, int* hist)
    {
        var vr2 = Vector256.Create(r2);
        var lo = Vector256.Create(-HalfRange);
        var hi = Vector256.Create(HalfRange);
        var third = Vector256.Create(1.0 / 3.0);
        var twoHundred = Vector256.Create(200.0);
        var first = Vector256.Create((double)CropStart);
        var end = Vector256.Create((double)(CropStart + CropLength));
        var dump = end; // (int)147.0 − 54 = 93, the dump slot
        int* h0 = hist - CropStart, h1 = h0 + LaneHistogramStride, h2 = h1 + LaneHistogramStride, h3 = h2 + LaneHistogramStride;
        var t = stackalloc double[Vector256<double>.Count];
        for (var i = 0; i < na; i++)
        {
            var xa = Vector256.Create(ax[i]);
            var ya = Vector256.Create(ay[i]);
            var za = Vector256.Create(az[i]);
            for (var j = 0; j < nbPadded; j += Vector256<double>.Count)
            {
                var dx = Vector256.Load(bx + j) - xa;
                var dy = Vector256.Load(by + j) - ya;
                var dz = Vector256.Load(bz + j) - za;
                var d2 = dx * dx + dy * dy + dz * dz;
                // The bin expression of Bin(dz), lane-wise, same operation order.
                var tb = (dz - lo) * third * twoHundred;
                // (int)tb ∈ [54, 146] ⇔ 54 ≤ tb < 147 for tb ≥ 0. tb ≥ 54 implies dz > −1.5 and tb < 147
                // implies dz < 1.5 (rounding is monotonic), so the Δz range test is implied here.
                var keep = Vector256.LessThanOrEqual(d2, vr2)
                    & ~Vector256.Equals(dx, Vector256<double>.Zero)
                    & ~Vector256.Equals(dz, Vector256<double>.Zero)
                    & Vector256.GreaterThanOrEqual(dx, lo)
                    & Vector256.LessThan(dx, hi)
                    & Vector256.GreaterThanOrEqual(tb, first)
                    & Vector256.LessThan(tb, end);
                Vector256.ConditionalSelect(keep, tb, dump).Store(t);
                h0[(int)t[0]]++;
                h1[(int)t[1]]++;
                h2[(int)t[2]]++;
                h3[(int)t[3]]++;
            }
        }
    }
}
