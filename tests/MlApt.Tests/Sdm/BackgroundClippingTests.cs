using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class BackgroundClippingTests
{
    // Small curves with a scaled-down window: m* > 2, window [1, 5]. All values are dyadic, so the hand
    // results (exact fractions) are exact in double.
    private static readonly BackgroundClippingOptions Small = new(MinimumSearchStart: 2, WindowStart: 1, WindowEnd: 5, MaxIterations: 1000);

    [Fact]
    public void JacobiThenInPlace_HandWorked()
    {
        double[] s = [0, 8, 8, 2, 6, 1, 4];
        var b = new double[7];
        var passes = BackgroundClipping.Compute(s, b, Small);
        // m* = 3 (s = 2). Pass 1 (Jacobi on s): [0, 4, 5, 2, 1.5, 1, 4]; passes 2 and 3 in place.
        Assert.Equal(3, passes);
        Assert.Equal([0, 9 / 8.0, 3 / 2.0, 47 / 32.0, 79 / 64.0, 1, 4], b);
    }

    [Fact]
    public void JacobiThenInPlace_DiffersFromPureJacobiAndPureGaussSeidel()
    {
        // Same curve: pure Jacobi gives [0, 9/8, 7/4, 15/8, 3/2, 1, 4] after 4 passes and pure
        // Gauss–Seidel [0, 3/2, 7/4, 13/8, 21/16, 1, 4] after 2; the reference's mix is neither.
        double[] s = [0, 8, 8, 2, 6, 1, 4];
        var b = new double[7];
        BackgroundClipping.Compute(s, b, Small);
        Assert.NotEqual([0, 9 / 8.0, 7 / 4.0, 15 / 8.0, 3 / 2.0, 1, 4], b);
        Assert.NotEqual([0, 3 / 2.0, 7 / 4.0, 13 / 8.0, 21 / 16.0, 1, 4], b);
    }

    [Fact]
    public void IterationCap_StopsAfterCapPlusOnePasses()
    {
        // The clipped limit stays above s[m*] near the high end points, so only the cap stops it.
        double[] s = [10, 10, 10, 10, 1, 10, 10];
        var b = new double[7];
        var passes = BackgroundClipping.Compute(s, b, Small with { MaxIterations = 3 });
        Assert.Equal(4, passes);
        Assert.Equal([10, 133 / 16.0, 97 / 16.0, 113 / 32.0, 1, 11 / 2.0, 10], b);
    }

    [Fact]
    public void ReferenceCap_Is1001Passes()
    {
        double[] s = [10, 10, 10, 10, 1, 10, 10];
        var b = new double[7];
        Assert.Equal(1001, BackgroundClipping.Compute(s, b, Small));
    }

    [Fact]
    public void NoMinimum_ZeroBackground()
    {
        var s = Enumerable.Range(0, 93).Select(i => (double)i).ToArray();
        var b = Enumerable.Repeat(5.0, 93).ToArray();
        Assert.Equal(-1, BackgroundClipping.FindMinimum(s));
        Assert.Equal(0, BackgroundClipping.Compute(s, b));
        Assert.All(b, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void MinimumAtOrBelowSearchStart_IsIgnored()
    {
        var s = Enumerable.Range(0, 93).Select(i => i == 46 ? -1.0 : 0.5 * i).ToArray();
        Assert.Equal(-1, BackgroundClipping.FindMinimum(s));
        s[47] = -2;
        Assert.Equal(47, BackgroundClipping.FindMinimum(s));
    }

    [Fact]
    public void ConditionFalseAtStart_BackgroundIsS()
    {
        double[] s = [5, -3, -3, 0, -1, 0, 5]; // m* = 4, window [1, 2] is already below s[m*]
        var b = new double[7];
        Assert.Equal(0, BackgroundClipping.Compute(s, b, Small with { WindowStart = 1, WindowEnd = 2 }));
        Assert.Equal(s, b);
    }

    [Fact]
    public void DefaultOptions_AreReference()
    {
        Assert.Equal(new BackgroundClippingOptions(46, 23, 68, 1000), new BackgroundClippingOptions());
    }
}
