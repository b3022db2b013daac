using MlApt.Study.Statistics;

namespace MlApt.Tests.Study;

public class LinearFitTests
{
    // Anscombe (1973), data set I; the regression is the textbook y = 3.00 + 0.500 x with
    // SE(slope) 0.1179, SE(intercept) 1.1247, residual SE 1.237 on 9 df, t = 4.241, p = 0.00217.
    internal static readonly double[] AnscombeX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    internal static readonly double[] AnscombeY = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

    [Fact]
    public void Anscombe_SlopeAndIntercept()
    {
        var f = LinearFit.Fit(AnscombeX, AnscombeY);
        Assert.Equal(0.5000909, f.Slope, 1e-7);
        Assert.Equal(3.0000909, f.Intercept, 1e-7);
    }

    [Fact]
    public void Anscombe_StandardErrors()
    {
        var f = LinearFit.Fit(AnscombeX, AnscombeY);
        Assert.Equal(0.1179, f.SlopeStandardError, 1e-4);
        Assert.Equal(1.1247, f.InterceptStandardError, 1e-4);
        Assert.Equal(1.237, f.ResidualStd, 1e-3);
    }

    [Fact]
    public void Anscombe_SlopePValue() =>
        Assert.Equal(0.00217, LinearFit.Fit(AnscombeX, AnscombeY).SlopePValue, 1e-5);

    [Fact]
    public void Anscombe_SlopeInterval_UsesTheNineDegreeQuantile()
    {
        var f = LinearFit.Fit(AnscombeX, AnscombeY);
        Assert.Equal(2.262157, f.TCritical, 1e-6);
        Assert.Equal(2.262157 * f.SlopeStandardError, f.SlopeHalfWidth, 1e-6);
    }

    [Fact]
    public void Band_IsNarrowestAtTheMeanOfX()
    {
        var f = LinearFit.Fit(AnscombeX, AnscombeY);
        Assert.Equal(f.TCritical * f.ResidualStd / Math.Sqrt(11), f.BandHalfWidth(9), 1e-12);
        Assert.True(f.BandHalfWidth(4) > f.BandHalfWidth(9));
        Assert.Equal(f.BandHalfWidth(4), f.BandHalfWidth(14), 1e-12);
    }

    [Fact]
    public void ExactLine_HasZeroWidth()
    {
        var f = LinearFit.Fit([1, 2, 3, 4], [3, 5, 7, 9]);
        Assert.Equal(2, f.Slope, 1e-12);
        Assert.Equal(1, f.Intercept, 1e-12);
        Assert.Equal(0, f.SlopeHalfWidth, 1e-12);
    }

    [Fact]
    public void TwoPoints_AreRefused() =>
        Assert.Throws<ArgumentException>(() => LinearFit.Fit([1, 2], [1, 2]));

    [Fact]
    public void ConstantX_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LinearFit.Fit([2, 2, 2], [1, 2, 3]));

    [Fact]
    public void KnownSlope_IsInsideItsInterval_AboutNinetyFivePercentOfTheTime()
    {
        // Coverage of the 95 % interval over many synthetic studies of 8 samples with noise.
        var rng = new Random(11);
        var inside = 0;
        const int Trials = 1000;
        for (var t = 0; t < Trials; t++)
        {
            var x = Enumerable.Range(0, 8).Select(i => 300.0 + 100 * i).ToArray();
            var y = x.Select(v => 0.02 + 1.5e-4 * v + 0.01 * Gaussian(rng)).ToArray();
            var f = LinearFit.Fit(x, y);
            if (Math.Abs(f.Slope - 1.5e-4) <= f.SlopeHalfWidth) inside++;
        }
        Assert.InRange(inside / (double)Trials, 0.93, 0.97);
    }

    [Fact]
    public void KnownLine_IsInsideTheBand_AboutNinetyFivePercentOfTheTime()
    {
        var rng = new Random(5);
        var inside = 0;
        const int Trials = 1000;
        for (var t = 0; t < Trials; t++)
        {
            var x = Enumerable.Range(0, 6).Select(i => (double)i).ToArray();
            var y = x.Select(v => 2 - 0.5 * v + 0.3 * Gaussian(rng)).ToArray();
            var f = LinearFit.Fit(x, y);
            if (Math.Abs(f.Predict(1) - (2 - 0.5)) <= f.BandHalfWidth(1)) inside++;
        }
        Assert.InRange(inside / (double)Trials, 0.93, 0.97);
    }

    internal static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
