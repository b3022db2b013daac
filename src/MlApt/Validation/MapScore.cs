using MlApt.Imaging;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>
/// Sub-voxel scores of a CSRO map against the truth (METHOD §10): a sub-voxel is positive when its centre lies
/// inside a domain; only sub-voxels with a defined score count.
/// </summary>
/// <param name="TruePositives">Selected and positive.</param>
/// <param name="FalsePositives">Selected, negative.</param>
/// <param name="FalseNegatives">Not selected, positive.</param>
/// <param name="TrueNegatives">Not selected, negative.</param>
public readonly record struct MapScore(long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives)
{
    /// <summary>Sub-voxels scored.</summary>
    public long Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
    /// <summary>TP / (TP + FP); NaN when nothing is selected.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN); NaN without positives.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    /// <summary>Harmonic mean of precision and recall = 2TP / (2TP + FP + FN).</summary>
    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);
    /// <summary>Intersection over union = TP / (TP + FP + FN).</summary>
    public double IoU => Ratio(TruePositives, TruePositives + FalsePositives + FalseNegatives);
    /// <summary>Positive sub-voxels / scored sub-voxels.</summary>
    public double TrueVolumeFraction => Ratio(TruePositives + FalseNegatives, Total);
    /// <summary>Selected sub-voxels / scored sub-voxels.</summary>
    public double DetectedVolumeFraction => Ratio(TruePositives + FalsePositives, Total);
    /// <summary>Selected negatives / scored sub-voxels (the false-positive volume fraction).</summary>
    public double FalsePositiveFraction => Ratio(FalsePositives, Total);
    /// <summary>Detected / true volume fraction (1 = right amount).</summary>
    public double VolumeRatio => DetectedVolumeFraction / TrueVolumeFraction;

    private static double Ratio(long a, long b) => b == 0 ? double.NaN : (double)a / b;

    /// <summary>The truth mask of the map's sub-voxels (1 = centre inside a domain).</summary>
    public static byte[] TruthMask(CsroMap map, IReadOnlyList<SphericalDomain> domains)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(domains);
        var index = new DomainIndex(domains);
        var sub = map.SubGrid;
        var mask = new byte[sub.Count];
        for (var s = 0; s < sub.Count; s++)
        {
            var (x, y, z) = sub.Centre(s);
            mask[s] = index.Contains(x, y, z) ? (byte)1 : (byte)0;
        }
        return mask;
    }

    /// <summary>Scores the map's final selection (<see cref="CsroMap.Selected"/>) against the truth, over sub-voxels with a defined score.</summary>
    public static MapScore Of(CsroMap map, IReadOnlyList<SphericalDomain> domains) => Of(map, TruthMask(map, domains));

    /// <summary>Scores the map's final selection against a truth mask.</summary>
    public static MapScore Of(CsroMap map, ReadOnlySpan<byte> truth)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (truth.Length != map.Selected.Length) throw new ArgumentException("one truth entry per sub-voxel", nameof(truth));
        return OfSelection(map.Selected, map.SubVoxelMean, truth);
    }

    /// <summary>
    /// Scores a selection (non-zero = selected) against a truth mask; sub-voxels whose <paramref name="scores"/>
    /// entry is NaN (undefined) are not counted. The decision replays of tuning share it with the map's score.
    /// </summary>
    internal static MapScore OfSelection(ReadOnlySpan<byte> selected, ReadOnlySpan<float> scores, ReadOnlySpan<byte> truth)
    {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (float.IsNaN(scores[i])) continue;
            var on = selected[i] != 0;
            if (truth[i] != 0) { if (on) tp++; else fn++; }
            else if (on) fp++;
            else tn++;
        }
        return new MapScore(tp, fp, fn, tn);
    }

    /// <summary>Scores "score &gt; threshold" (NaN scores are not counted) against a truth mask.</summary>
    public static MapScore At(ReadOnlySpan<float> scores, ReadOnlySpan<byte> truth, double threshold)
    {
        if (scores.Length != truth.Length) throw new ArgumentException("one truth entry per score", nameof(truth));
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s)) continue;
            var on = s > threshold;
            if (truth[i] != 0) { if (on) tp++; else fn++; }
            else if (on) fp++;
            else tn++;
        }
        return new MapScore(tp, fp, fn, tn);
    }
}
