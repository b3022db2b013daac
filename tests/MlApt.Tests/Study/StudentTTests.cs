using MlApt.Study.Statistics;

namespace MlApt.Tests.Study;

public class StudentTTests
{
    // Textbook table values (e.g. NIST/SEMATECH e-Handbook, Table 1.4.7.2, critical values of t).
    [Theory]
    [InlineData(0.975, 10, 2.228139)]
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.975, 2, 4.302653)]
    [InlineData(0.95, 5, 2.015048)]
    [InlineData(0.995, 30, 2.749996)]
    [InlineData(0.975, 100, 1.983972)]
    public void Quantile_MatchesTables(double p, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, df), 5e-6);

    [Fact]
    public void Quantile_IsAntisymmetric() =>
        Assert.Equal(-StudentT.Quantile(0.975, 7), StudentT.Quantile(0.025, 7), 1e-12);

    [Fact]
    public void Cdf_OneDegree_IsTheCauchyDistribution() =>
        // F(t) = 1/2 + atan(t)/π.
        Assert.Equal(0.5 + Math.Atan(1.7) / Math.PI, StudentT.Cdf(1.7, 1), 1e-13);

    [Fact]
    public void Cdf_TwoDegrees_HasItsClosedForm() =>
        // F(t) = 1/2 + t / (2√(2 + t²)).
        Assert.Equal(0.5 + 2 / (2 * Math.Sqrt(6)), StudentT.Cdf(2, 2), 1e-13);

    [Fact]
    public void Cdf_InvertsTheQuantile() =>
        Assert.Equal(0.9, StudentT.Cdf(StudentT.Quantile(0.9, 3.5), 3.5), 1e-12);

    [Fact]
    public void TwoSidedP_AtTheCriticalValue_IsFivePercent() =>
        Assert.Equal(0.05, StudentT.TwoSidedP(2.228139, 10), 1e-6);
}
