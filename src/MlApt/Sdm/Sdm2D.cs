namespace MlApt.Sdm;

/// <summary>
/// The two-dimensional SDM used for diagnostics: a Δz × Δx histogram of 200 × 200 bins over
/// [−1.5, 1.5) nm each, with exactly the pair rule of the z-SDM (distance ≤ R, Δx == 0 or Δz == 0
/// dropped, half-open ranges) and the same bin expression on both axes. Counts are row-major with the
/// Δz bin as row: index = zBin·200 + xBin.
/// </summary>
public static class Sdm2D
{
    /// <summary>Bins per axis.</summary>
    public const int Bins = ZSdm.FullBinCount;

    /// <summary>Brute-force accumulation over all ordered pairs (a ∈ A, b ∈ B) into <paramref name="counts"/> (200·200).</summary>
    public static void AccumulatePairs(
        ReadOnlySpan<double> ax, ReadOnlySpan<double> ay, ReadOnlySpan<double> az,
        ReadOnlySpan<double> bx, ReadOnlySpan<double> by, ReadOnlySpan<double> bz,
        double pairRadius, Span<long> counts)
    {
        ZSdm.CheckSoA(ax, ay, az, "a");
        ZSdm.CheckSoA(bx, by, bz, "b");
        CheckCounts(counts.Length);
        var r2 = pairRadius * pairRadius;
        for (var i = 0; i < ax.Length; i++)
        {
            for (var j = 0; j < bx.Length; j++)
            {
                double dx = bx[j] - ax[i], dy = by[j] - ay[i], dz = bz[j] - az[i];
                if (dx * dx + dy * dy + dz * dz <= r2) Add(dx, dz, counts);
            }
        }
    }

    /// <summary>
    /// Grid-based accumulation: every centre against the atoms of <paramref name="neighbours"/> within the
    /// pair radius (equals the brute force exactly). Parallel over centres.
    /// </summary>
    public static void AccumulateCentres(
        ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, ReadOnlySpan<double> cz,
        SpeciesIndex neighbours, double pairRadius, Span<long> counts)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        ZSdm.CheckSoA(cx, cy, cz, "centres");
        CheckCounts(counts.Length);
        if (cx.Length == 0) return;
        var total = ZSdm.ForEachPairParallel(cx, cy, cz, neighbours, pairRadius, Bins * Bins,
            static (dx, dz, hist) => Add(dx, dz, hist));
        for (var k = 0; k < total.Length; k++) counts[k] += total[k];
    }

    /// <summary>The z-SDM pair rule, then the same bin expression for Δx (also dropping its bin 200).</summary>
    private static void Add(double dx, double dz, Span<long> counts)
    {
        if (!ZSdm.TryBin(dx, dz, out var zb)) return;
        var xb = ZSdm.Bin(dx);
        if (xb < Bins) counts[zb * Bins + xb]++;
    }

    /// <summary>The counts as a [Δz bin, Δx bin] array of doubles (for plotting).</summary>
    public static double[,] ToArray(ReadOnlySpan<long> counts)
    {
        CheckCounts(counts.Length);
        var a = new double[Bins, Bins];
        for (var r = 0; r < Bins; r++)
            for (var c = 0; c < Bins; c++) a[r, c] = counts[r * Bins + c];
        return a;
    }

    private static void CheckCounts(int length)
    {
        if (length != Bins * Bins)
            throw new ArgumentException($"counts must have {Bins * Bins} entries, has {length}", "counts");
    }
}
