using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class SavitzkyGolayTests
{
    [Fact]
    public void Window5Order2_Coefficients()
    {
        var c = new SavitzkyGolay(5, 2).Coefficients();
        double[] expected = [-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0];
        for (var k = 0; k < 5; k++) Assert.Equal(expected[k], c[k], 1e-14);
    }

    [Fact]
    public void Window7Order2_Coefficients()
    {
        var c = new SavitzkyGolay(7, 2).Coefficients();
        double[] expected = [-2 / 21.0, 3 / 21.0, 6 / 21.0, 7 / 21.0, 6 / 21.0, 3 / 21.0, -2 / 21.0];
        for (var k = 0; k < 7; k++) Assert.Equal(expected[k], c[k], 1e-14);
    }

    [Fact]
    public void Window15Order8_SymmetricAndSumsToOne()
    {
        // scipy's own doubles (what the published pipeline used): its least-squares solve leaves them symmetric
        // only to about 1e-12, which is why scipy.ndimage does not take its symmetric shortcut with them.
        var c = SavitzkyGolay.Reference.Coefficients();
        Assert.Equal(15, c.Length);
        for (var k = 0; k < 15; k++) Assert.Equal(c[k], c[14 - k], 1e-11);
        // Their sum is 1 + 8.5e-10: scipy's filter does not even keep a constant to 1e-9 (measured, scipy 1.10.1).
        Assert.Equal(1.0, c.Sum(), 1e-8);
        Assert.Contains(Enumerable.Range(0, 7), k => c[k] != c[14 - k]);
    }

    [Fact]
    public void Window15Order8_EdgeRowsSumToOne()
    {
        var sg = SavitzkyGolay.Reference;
        for (var r = 0; r < 15; r++)
        {
            var sum = 0.0;
            for (var c = 0; c < 15; c++) sum += sg[r, c];
            Assert.Equal(1.0, sum, 1e-12);
        }
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(15, 8)]
    [InlineData(9, 3)]
    public void PolynomialOfDegreeUpToOrder_IsReproduced_InteriorAndEdges(int window, int order)
    {
        var sg = new SavitzkyGolay(window, order);
        var rng = new Random(window * 100 + order);
        var coef = Enumerable.Range(0, order + 1).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var n = 93;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = (i - 46) / 46.0;
            var v = 0.0;
            for (var p = order; p >= 0; p--) v = v * t + coef[p];
            y[i] = v;
        }
        var s = new double[n];
        sg.Apply(y, s);
        // (15, 8) runs scipy's arithmetic, whose coefficients carry its least-squares rounding (about 1e-12 each).
        var tolerance = (window, order) == (15, 8) ? 1e-9 : 1e-10;
        for (var i = 0; i < n; i++) Assert.Equal(y[i], s[i], tolerance);
    }

    [Fact]
    public void EdgeRows_EvaluateTheWindowFit()
    {
        // Row r of the projection is the least-squares fit over the first window evaluated at r; for data
        // that is a polynomial plus noise, the edge output must equal that fit. Check via symmetry: the
        // right edge matrix is the left one reversed.
        var sg = SavitzkyGolay.Reference;
        for (var r = 0; r < 15; r++)
            for (var c = 0; c < 15; c++)
                Assert.Equal(sg[r, c], sg[14 - r, 14 - c], 1e-12);
    }

    [Fact]
    public void Matrix_HasRankOrderPlusOne()
    {
        // Symmetric, idempotent, trace 9 and reproducing degree-8 polynomials: that is exactly the
        // orthogonal projection onto them, i.e. scipy's least-squares fit (interior and interp edges).
        var p = SavitzkyGolay.Reference.Matrix();
        var trace = 0.0;
        for (var i = 0; i < 15; i++) trace += p[i, i];
        Assert.Equal(9.0, trace, 1e-12);
    }

    [Fact]
    public void Matrix_IsAProjection()
    {
        var p = SavitzkyGolay.Reference.Matrix();
        for (var i = 0; i < 15; i++)
            for (var j = 0; j < 15; j++)
            {
                var pp = 0.0;
                for (var k = 0; k < 15; k++) pp += p[i, k] * p[k, j];
                Assert.Equal(p[i, j], pp, 1e-12);
                Assert.Equal(p[i, j], p[j, i], 1e-12);
            }
    }
}

public class SavitzkyGolayExactnessTests
{
    [Theory]
    [InlineData(15, 8, 93)]
    [InlineData(15, 8, 15)]
    [InlineData(15, 8, 16)]
    [InlineData(15, 8, 22)]
    [InlineData(5, 2, 9)]
    [InlineData(7, 3, 40)]
    [InlineData(1, 0, 3)]
    public void Apply_EqualsNaiveDefinition_BitForBit(int window, int order, int n)
    {
        var sg = new SavitzkyGolay(window, order);
        var rng = new Random(n);
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var fast = new double[n];
        var naive = new double[n];
        sg.Apply(y, fast);
        sg.ApplyNaive(y, naive);
        Assert.Equal(naive.Select(BitConverter.DoubleToInt64Bits), fast.Select(BitConverter.DoubleToInt64Bits));
    }
}
