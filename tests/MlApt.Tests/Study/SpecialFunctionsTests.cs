using MlApt.Study.Statistics;

namespace MlApt.Tests.Study;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(5.0, 3.1780538303479458)]           // ln 4! = ln 24
    [InlineData(0.5, 0.57236494292470008)]          // ln √π
    [InlineData(1.0, 0.0)]
    [InlineData(100.0, 359.13420536957540)]         // ln 99!
    public void LogGamma_MatchesKnownValues(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12);

    [Fact]
    public void IncompleteBeta_IntegerArguments_EqualTheBinomialSum() =>
        // I_{1/2}(2, 3) = Σ_{j=2}^{4} C(4, j)/16 = 11/16.
        Assert.Equal(0.6875, SpecialFunctions.RegularizedIncompleteBeta(0.5, 2, 3), 1e-14);

    [Fact]
    public void IncompleteBeta_WithBOne_IsAPower() =>
        // I_x(a, 1) = x^a.
        Assert.Equal(Math.Pow(0.3, 2.5), SpecialFunctions.RegularizedIncompleteBeta(0.3, 2.5, 1), 1e-14);

    [Fact]
    public void IncompleteBeta_IsSymmetric() =>
        Assert.Equal(1 - SpecialFunctions.RegularizedIncompleteBeta(0.8, 4.5, 7),
            SpecialFunctions.RegularizedIncompleteBeta(0.2, 7, 4.5), 1e-13);

    [Fact]
    public void IncompleteBeta_Endpoints()
    {
        Assert.Equal(0, SpecialFunctions.RegularizedIncompleteBeta(0, 3, 4));
        Assert.Equal(1, SpecialFunctions.RegularizedIncompleteBeta(1, 3, 4));
    }
}
