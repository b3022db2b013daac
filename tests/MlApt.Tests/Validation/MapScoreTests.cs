using MlApt.Imaging;
using MlApt.Validation;

namespace MlApt.Tests.Validation;

public class MapScoreTests
{
    [Fact]
    public void Counts_AndMetrics()
    {
        float[] scores = [0.9f, 0.8f, 0.2f, 0.6f, 0.1f, float.NaN];
        byte[] truth = [1, 1, 1, 0, 0, 1];
        var s = MapScore.At(scores, truth, 0.5);
        Assert.Equal(new MapScore(2, 1, 1, 1), s);
        Assert.Equal(2 / 3.0, s.Precision, 12);
        Assert.Equal(2 / 3.0, s.Recall, 12);
        Assert.Equal(2 / 3.0, s.F1, 12);
        Assert.Equal(0.5, s.IoU, 12);
        Assert.Equal(0.6, s.TrueVolumeFraction, 12);
        Assert.Equal(0.6, s.DetectedVolumeFraction, 12);
        Assert.Equal(0.2, s.FalsePositiveFraction, 12);
        Assert.True(double.IsNaN(MapScore.At(scores, truth, 5).Precision));
    }

    [Fact]
    public void Curve_AgreesWithDirectScoring()
    {
        var r = new Random(4);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)(8 * r.NextDouble())).ToArray();
        var truth = scores.Select(s => (byte)(s + r.NextDouble() * 3 > 6 ? 1 : 0)).ToArray();
        var curve = PrecisionRecall.Curve(scores, truth, DecisionRule.Sum, 32);
        Assert.Equal(33, curve.Count);
        Assert.Equal(0, curve[0].Threshold);
        Assert.Equal(8, curve[^1].Threshold);
        foreach (var p in curve)
            Assert.Equal(MapScore.At(scores, truth, p.Threshold), p.Score);
        var best = PrecisionRecall.BestF1(curve);
        Assert.Equal(curve.Max(p => double.IsNaN(p.Score.F1) ? 0 : p.Score.F1), best.Score.F1);
    }
}
