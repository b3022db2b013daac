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
}
