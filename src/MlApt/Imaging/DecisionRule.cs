namespace MlApt.Imaging;

/// <summary>How a sub-voxel is called CSRO.</summary>
public enum DecisionRule
{
    /// <summary>The reference: sum of covering voxel probabilities &gt; threshold (3.75 of 8).</summary>
    Sum,
    /// <summary>Mean of covering voxel probabilities &gt; threshold (3.75 / 8 ≈ 0.469): no edge bias.</summary>
    Mean,
}

/// <summary>Selecting sub-voxels by their score.</summary>
public static class Selection
{
    /// <summary>Reference threshold of the summed score.</summary>
    public const double ReferenceSumThreshold = 3.75;

    /// <summary>
    /// Writes 1 for sub-voxels whose score exceeds the threshold (strictly), else 0 (also for NaN);
    /// returns (selected, defined) counts.
    /// </summary>
    public static (int Selected, int Defined) Select(ReadOnlySpan<float> scores, double threshold, Span<byte> selected)
    {
        if (selected.Length != scores.Length)
            throw new ArgumentException("selected must have one entry per score", nameof(selected));
        int n = 0, defined = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (!float.IsNaN(s))
                defined++;
            var on = s > threshold;
            selected[i] = on ? (byte)1 : (byte)0;
            if (on)
                n++;
        }
        return (n, defined);
    }

    /// <summary>
    /// Tightens a selection domain by domain: within each connected domain (26-neighbourhood) of
    /// <paramref name="selected"/>, keeps only the sub-voxels whose score exceeds <paramref name="fraction"/> of
    /// the domain's peak score. A blurred domain's edge lies near a fixed fraction of its plateau, so a strongly
    /// ordered domain is cut at a higher score than a weak one, which a single threshold cannot do. Domains whose
    /// peak × fraction is below the threshold already applied keep every sub-voxel. Returns the selected count.
    /// </summary>
    public static int KeepAbovePeakFraction(SubVoxelGrid grid, ReadOnlySpan<float> scores, double fraction, Span<byte> selected)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (scores.Length != grid.Count || selected.Length != grid.Count)
            throw new ArgumentException($"scores and selected must have {grid.Count} entries");
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "expected 0 ≤ fraction < 1");
        var labels = new int[grid.Count];
        var domains = ConnectedDomains.Label(grid, selected, labels);
        var peak = new float[domains.Count + 1];
        for (var s = 0; s < grid.Count; s++)
        {
            if (labels[s] > 0 && scores[s] > peak[labels[s]])
                peak[labels[s]] = scores[s];
        }
        var n = 0;
        for (var s = 0; s < grid.Count; s++)
        {
            if (labels[s] == 0)
                continue;
            if (scores[s] > fraction * peak[labels[s]])
                n++;
            else
                selected[s] = 0;
        }
        return n;
    }
}
