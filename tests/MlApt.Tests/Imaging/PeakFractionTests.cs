using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Sdm;

namespace MlApt.Tests.Imaging;

public class PeakFractionTests
{
    private static SubVoxelGrid Grid() => new(new VoxelGrid(new Box(0, 5, 0, 5, 0, 5)));

    // Two separate domains along x on row (y 2, z 2): a strong one peaking at 0.9 and a weak one peaking at 0.5.
    private static (SubVoxelGrid Grid, float[] Scores) TwoDomains()
    {
        var g = Grid();
        var scores = new float[g.Count];
        float[] strong = [0.38f, 0.45f, 0.9f, 0.42f];
        float[] weak = [0.4f, 0.5f, 0.36f];
        for (var i = 0; i < strong.Length; i++) scores[g.Index(i, 2, 2)] = strong[i];
        for (var i = 0; i < weak.Length; i++) scores[g.Index(6 + i, 2, 2)] = weak[i];
        scores[g.Index(0, 0, 0)] = float.NaN;
        return (g, scores);
    }

    [Fact]
    public void EachDomainIsCutAtItsOwnPeakFraction()
    {
        var (g, scores) = TwoDomains();
        var sel = new byte[g.Count];
        var (n, _) = Selection.Select(scores, 0.35, sel);
        Assert.Equal(7, n);
        var kept = Selection.KeepAbovePeakFraction(g, scores, 0.45, sel);
        // Strong domain: cut at 0.45 × 0.9 = 0.405, so 0.38 goes, 0.42 stays; weak domain: 0.45 × 0.5 = 0.225 < 0.35, all stay.
        Assert.Equal(6, kept);
        Assert.Equal(0, sel[g.Index(0, 2, 2)]);
        Assert.Equal(1, sel[g.Index(3, 2, 2)]);
        Assert.Equal(1, sel[g.Index(8, 2, 2)]);
        Assert.Equal(kept, sel.Count(b => b != 0));
    }

    [Fact]
    public void FractionZero_KeepsTheSelection()
    {
        var (g, scores) = TwoDomains();
        var sel = new byte[g.Count];
        Selection.Select(scores, 0.35, sel);
        var before = sel.ToArray();
        Assert.Equal(7, Selection.KeepAbovePeakFraction(g, scores, 0, sel));
        Assert.Equal(before, sel);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void FractionOutsideZeroToOne_Throws(double fraction)
    {
        var (g, scores) = TwoDomains();
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.KeepAbovePeakFraction(g, scores, fraction, new byte[g.Count]));
    }
}
