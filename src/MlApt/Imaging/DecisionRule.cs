using MlApt.Sdm;

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
    /// The thresholds that can select some but not every sub-voxel under <paramref name="rule"/>: [0, 1) for the
    /// mean of the covering voxels' probabilities, [0, n) for their sum, n being the number of voxels covering a
    /// sub-voxel, (voxel / stride)³ (8 in the reference geometry). A threshold at or above the upper end selects
    /// nothing and a negative one every defined sub-voxel, so both are mistakes (e.g. the sum rule's 3.75 given
    /// to the mean rule).
    /// </summary>
    public static (double Min, double MaxExclusive) ThresholdRange(DecisionRule rule, VoxelScanOptions scan)
    {
        if (rule == DecisionRule.Mean)
            return (0, 1);
        var perAxis = Math.Round(scan.Voxel / scan.Stride);
        return (0, perAxis * perAxis * perAxis);
    }

    /// <summary>
    /// Null when <paramref name="threshold"/> is in <see cref="ThresholdRange"/> of <paramref name="rule"/>, else
    /// why not (value, rule, expected range and, for a value on the other rule's scale, the likely intent).
    /// </summary>
    public static string? CheckThreshold(DecisionRule rule, double threshold, VoxelScanOptions scan)
    {
        var (min, max) = ThresholdRange(rule, scan);
        if (double.IsFinite(threshold) && threshold >= min && threshold < max)
            return null;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var name = rule == DecisionRule.Mean ? "mean" : "sum";
        var hint = rule == DecisionRule.Mean && threshold >= 1 && threshold < 8
            ? string.Create(inv, $"; {threshold} is on the sum rule's scale: use the sum rule, or {threshold}/8 = {threshold / 8:0.####} with the mean rule")
            : threshold < 0 ? "; a negative threshold selects every analysed sub-voxel" : "; it would select nothing";
        return string.Create(inv, $"{threshold} is outside the {name} rule's range: expected {min} ≤ threshold < {max}{hint}");
    }

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
    /// the domain's mean score. A strongly ordered domain is recognised from a small overlap of the voxel sphere,
    /// so its scores stay high well beyond its boundary and its selection is too wide; its mean score is high too,
    /// so it is cut at a higher score than a weak domain, which a single threshold cannot do (the domain's peak
    /// cannot tell them apart: it saturates near 1 in both). Domains whose mean × fraction is below the threshold
    /// already applied keep every sub-voxel. NaN scores are never selected. Returns the selected count.
    /// </summary>
    public static int KeepAboveDomainFraction(SubVoxelGrid grid, ReadOnlySpan<float> scores, double fraction, Span<byte> selected)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (scores.Length != grid.Count || selected.Length != grid.Count)
            throw new ArgumentException($"scores and selected must have {grid.Count} entries");
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "expected 0 ≤ fraction < 1");
        var labels = new int[grid.Count];
        var domains = ConnectedDomains.Label(grid, selected, labels);
        var sum = new double[domains.Count + 1];
        var count = new int[domains.Count + 1];
        for (var s = 0; s < grid.Count; s++)
        {
            if (labels[s] > 0)
            {
                sum[labels[s]] += scores[s];
                count[labels[s]]++;
            }
        }
        var n = 0;
        for (var s = 0; s < grid.Count; s++)
        {
            var d = labels[s];
            if (d == 0)
                continue;
            if (scores[s] > fraction * (sum[d] / count[d]))
                n++;
            else
                selected[s] = 0;
        }
        return n;
    }
}
