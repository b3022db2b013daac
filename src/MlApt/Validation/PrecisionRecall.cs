using MlApt.Imaging;

namespace MlApt.Validation;

/// <summary>One point of a precision–recall curve.</summary>
/// <param name="Threshold">Decision threshold of the rule.</param>
/// <param name="Score">The confusion counts at that threshold.</param>
public readonly record struct CurvePoint(double Threshold, MapScore Score);

/// <summary>Precision–recall curves of a map over decision thresholds, and the threshold that maximises F1.</summary>
public static class PrecisionRecall
{
    /// <summary>
    /// Scores "score &gt; t" for <paramref name="steps"/> + 1 thresholds evenly spaced over [0, max] of the rule
    /// (8 for the sum, 1 for the mean). One sort, then a sweep: O(n log n).
    /// </summary>
    public static IReadOnlyList<CurvePoint> Curve(ReadOnlySpan<float> scores, ReadOnlySpan<byte> truth, DecisionRule rule, int steps = 160)
    {
        if (scores.Length != truth.Length) throw new ArgumentException("one truth entry per score", nameof(truth));
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps));
        var max = rule == DecisionRule.Sum ? 8.0 : 1.0;
        var defined = new List<(float Score, byte Truth)>(scores.Length);
        long positives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i])) continue;
            defined.Add((scores[i], truth[i]));
            if (truth[i] != 0) positives++;
        }
        defined.Sort((a, b) => b.Score.CompareTo(a.Score));
        var points = new List<CurvePoint>(steps + 1);
        long tp = 0, fp = 0;
        var n = 0;
        // Thresholds from high to low: more and more sub-voxels exceed them.
        for (var s = steps; s >= 0; s--)
        {
            var t = max * s / steps;
            while (n < defined.Count && defined[n].Score > t)
            {
                if (defined[n].Truth != 0) tp++; else fp++;
                n++;
            }
            var fn = positives - tp;
            var tn = defined.Count - positives - fp;
            points.Add(new CurvePoint(t, new MapScore(tp, fp, fn, tn)));
        }
        points.Reverse();
        return points;
    }

    /// <summary>The point with the highest F1 (the lowest threshold among ties).</summary>
    public static CurvePoint BestF1(IReadOnlyList<CurvePoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var best = curve[0];
        foreach (var p in curve)
        {
            if (p.Score.F1 > best.Score.F1 || double.IsNaN(best.Score.F1)) best = p;
        }
        return best;
    }
}
