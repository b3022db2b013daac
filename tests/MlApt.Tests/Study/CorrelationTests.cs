using MlApt.Study.Statistics;

namespace MlApt.Tests.Study;

public class CorrelationTests
{
    [Fact]
    public void Pearson_Anscombe_MatchesTheTextbook()
    {
        var c = Correlation.Pearson(LinearFitTests.AnscombeX, LinearFitTests.AnscombeY);
        Assert.Equal(0.816421, c.R, 1e-6);
        Assert.Equal(0.00217, c.P, 1e-5);
    }

    [Fact]
    public void Pearson_PValueEqualsTheSlopeTest()
    {
        var c = Correlation.Pearson(LinearFitTests.AnscombeX, LinearFitTests.AnscombeY);
        Assert.Equal(LinearFit.Fit(LinearFitTests.AnscombeX, LinearFitTests.AnscombeY).SlopePValue, c.P, 1e-12);
    }

    [Fact]
    public void Spearman_IqAndTelevision_MatchesTheWorkedExample()
    {
        // The worked example of Spearman's ρ (IQ vs hours of television per week): ρ = −29/165,
        // p = 0.627188 by the t approximation.
        double[] iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
        double[] tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
        var c = Correlation.Spearman(iq, tv);
        Assert.Equal(-29.0 / 165, c.R, 1e-12);
        Assert.Equal(0.627188, c.P, 1e-6);
    }

    [Fact]
    public void Ranks_TiesShareTheirAverageRank() =>
        Assert.Equal([1.0, 2.5, 4, 2.5, 5.5, 5.5], Correlation.Ranks([1, 2, 3, 2, 7, 7]));

    [Fact]
    public void Spearman_WithTies_IsPearsonOfAverageRanks()
    {
        double[] x = [1, 2, 2, 3, 4];
        double[] y = [1, 3, 2, 2, 5];
        Assert.Equal(Correlation.Pearson(Correlation.Ranks(x), Correlation.Ranks(y)).R, Correlation.Spearman(x, y).R, 1e-14);
    }

    [Fact]
    public void Spearman_MonotoneButCurved_IsOne() =>
        Assert.Equal(1, Correlation.Spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]).R, 1e-14);

    [Fact]
    public void PerfectlyUncorrelated_GivesPOfOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 0, 1, 2];
        var p = Correlation.Pearson(x, y);
        var s = Correlation.Spearman(x, y);
        Assert.Equal(0, p.R, 1e-14);
        Assert.Equal(1, p.P, 1e-12);
        Assert.Equal(0, s.R, 1e-14);
        Assert.Equal(1, s.P, 1e-12);
    }

    [Fact]
    public void IndependentNoise_IsSignificantAboutFivePercentOfTheTime()
    {
        var rng = new Random(3);
        int pearson = 0, spearman = 0;
        const int Trials = 1000;
        for (var t = 0; t < Trials; t++)
        {
            var x = Enumerable.Range(0, 10).Select(_ => LinearFitTests.Gaussian(rng)).ToArray();
            var y = Enumerable.Range(0, 10).Select(_ => LinearFitTests.Gaussian(rng)).ToArray();
            if (Correlation.Pearson(x, y).P < 0.05) pearson++;
            if (Correlation.Spearman(x, y).P < 0.05) spearman++;
        }
        Assert.InRange(pearson / (double)Trials, 0.03, 0.07);
        Assert.InRange(spearman / (double)Trials, 0.03, 0.08);
    }

    [Fact]
    public void KnownCorrelation_IsInsideTheFisherInterval_AboutNinetyFivePercentOfTheTime()
    {
        // y = x + e with unit variances: ρ = 1/√2.
        var rng = new Random(9);
        var inside = 0;
        const int Trials = 1000;
        var rho = 1 / Math.Sqrt(2);
        for (var t = 0; t < Trials; t++)
        {
            var x = Enumerable.Range(0, 20).Select(_ => LinearFitTests.Gaussian(rng)).ToArray();
            var y = x.Select(v => v + LinearFitTests.Gaussian(rng)).ToArray();
            var (lo, hi) = Correlation.Pearson(x, y).FisherInterval95;
            if (lo <= rho && rho <= hi) inside++;
        }
        Assert.InRange(inside / (double)Trials, 0.93, 0.97);
    }

    [Fact]
    public void ConstantVariable_GivesNaN() =>
        Assert.True(double.IsNaN(Correlation.Pearson([1, 2, 3], [4, 4, 4]).P));
}
