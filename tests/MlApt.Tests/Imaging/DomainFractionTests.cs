using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Sdm;

namespace MlApt.Tests.Imaging;

public class DomainFractionTests
{
    private static SubVoxelGrid Grid() => new(new VoxelGrid(new Box(0, 5, 0, 5, 0, 5)));

    // Two separate domains along x on row (y 2, z 2): a strong one (mean 0.8) and a weak one (mean 0.45).
    private static (SubVoxelGrid Grid, float[] Scores) TwoDomains()
    {
        var g = Grid();
        var scores = new float[g.Count];
        float[] strong = [0.5f, 0.9f, 1.0f, 0.8f];
        float[] weak = [0.4f, 0.55f, 0.4f];
        for (var i = 0; i < strong.Length; i++) scores[g.Index(i, 2, 2)] = strong[i];
        for (var i = 0; i < weak.Length; i++) scores[g.Index(6 + i, 2, 2)] = weak[i];
        scores[g.Index(0, 0, 0)] = float.NaN;
        return (g, scores);
    }

    [Fact]
    public void EachDomainIsCutAtAFractionOfItsOwnMean()
    {
        var (g, scores) = TwoDomains();
        var sel = new byte[g.Count];
        var (n, _) = Selection.Select(scores, 0.35, sel);
        Assert.Equal(7, n);
        var kept = Selection.KeepAboveDomainFraction(g, scores, 0.7, sel);
        // Strong domain: cut at 0.7 × 0.8 = 0.56, so 0.5 goes and 0.8 stays; weak domain: 0.7 × 0.45 = 0.315 < 0.35, all stay.
        Assert.Equal(6, kept);
        Assert.Equal(0, sel[g.Index(0, 2, 2)]);
        Assert.Equal(1, sel[g.Index(3, 2, 2)]);
        Assert.Equal(1, sel[g.Index(6, 2, 2)]);
        Assert.Equal(1, sel[g.Index(8, 2, 2)]);
        Assert.Equal(kept, sel.Count(b => b != 0));
    }

    [Fact]
    public void TheCutFollowsTheMeanNotThePeak()
    {
        // Both domains peak at 1.0; only the one whose scores are high throughout is cut harder.
        var g = Grid();
        var scores = new float[g.Count];
        float[] broad = [0.6f, 0.95f, 1.0f, 0.95f];
        float[] narrow = [0.4f, 1.0f, 0.4f, 0.4f];
        for (var i = 0; i < 4; i++) scores[g.Index(i, 1, 1)] = broad[i];
        for (var i = 0; i < 4; i++) scores[g.Index(i, 4, 4)] = narrow[i];
        var sel = new byte[g.Count];
        Selection.Select(scores, 0.35, sel);
        Selection.KeepAboveDomainFraction(g, scores, 0.7, sel);
        Assert.Equal(0, sel[g.Index(0, 1, 1)]); // 0.6 ≤ 0.7 × 0.875
        Assert.Equal(1, sel[g.Index(0, 4, 4)]); // 0.4 > 0.7 × 0.55
    }

    [Fact]
    public void FractionZero_KeepsTheSelection()
    {
        var (g, scores) = TwoDomains();
        var sel = new byte[g.Count];
        Selection.Select(scores, 0.35, sel);
        var before = sel.ToArray();
        Assert.Equal(7, Selection.KeepAboveDomainFraction(g, scores, 0, sel));
        Assert.Equal(before, sel);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void FractionOutsideZeroToOne_Throws(double fraction)
    {
        var (g, scores) = TwoDomains();
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.KeepAboveDomainFraction(g, scores, fraction, new byte[g.Count]));
    }
}
