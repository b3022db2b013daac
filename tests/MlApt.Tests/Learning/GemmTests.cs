using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class GemmTests
{
    [Theory]
    [InlineData(8, 32, 5)]
    [InlineData(19, 70, 13)]
    [InlineData(3, 2, 256)]
    [InlineData(32, 256, 672)]
    public void Multiply_matches_naive_product_with_bias_and_accumulation(int m, int n, int k)
    {
        var a = Reference.RandomFloats(m * k, 1);
        var b = Reference.RandomFloats(k * n, 2);
        var bias = Reference.RandomFloats(n, 3);
        var c = Reference.RandomFloats(m * n, 4);
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = c[i * n + j] + bias[j];
                for (var p = 0; p < k; p++)
                    s += (double)a[i * k + p] * b[p * n + j];
                expected[i * n + j] = s;
            }
        Gemm.Multiply(a, k, 1, b, n, c, n, m, n, k, accumulate: true, bias: bias);
        for (var i = 0; i < c.Length; i++)
            Assert.Equal(expected[i], c[i], 1e-4 * Math.Sqrt(k) + 1e-5);
    }

    [Theory]
    [InlineData(4, 16, 5)]
    [InlineData(6, 16, 5)]
    [InlineData(19, 70, 13)]
    [InlineData(32, 256, 672)]
    public void Narrow_path_for_CPUs_without_AVX512_matches_naive_product(int m, int n, int k)
    {
        var a = Reference.RandomFloats(m * k, 11);
        var b = Reference.RandomFloats(k * n, 12);
        var bias = Reference.RandomFloats(n, 13);
        var c = Reference.RandomFloats(m * n, 14);
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = c[i * n + j] + bias[j];
                for (var p = 0; p < k; p++)
                    s += (double)a[i * k + p] * b[p * n + j];
                expected[i * n + j] = s;
            }
        Gemm.MultiplyNarrow(a, k, 1, b, n, c, n, m, n, k, accumulate: true, bias: bias);
        for (var i = 0; i < c.Length; i++)
            Assert.Equal(expected[i], c[i], 1e-4 * Math.Sqrt(k) + 1e-5);
    }

    [Fact]
    public void Multiply_reads_a_transposed_operand_through_strides()
    {
        const int m = 11, n = 48, k = 9;
        var at = Reference.RandomFloats(k * m, 5); // stored [k][m]
        var b = Reference.RandomFloats(k * n, 6);
        var c = new float[m * n];
        Gemm.Multiply(at, 1, m, b, n, c, n, m, n, k);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var p = 0; p < k; p++)
                    s += (double)at[p * m + i] * b[p * n + j];
                Assert.Equal(s, c[i * n + j], 1e-4);
            }
    }

    [Theory]
    [InlineData(4, 4, 16)]
    [InlineData(7, 9, 37)]
    [InlineData(32, 10, 2)]
    public void MultiplyTransposed_matches_naive_dot_products(int m, int n, int k)
    {
        var a = Reference.RandomFloats(m * k, 7);
        var b = Reference.RandomFloats(n * k, 8);
        var c = new float[m * n];
        Gemm.MultiplyTransposed(a, k, b, k, c, n, m, n, k);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var p = 0; p < k; p++)
                    s += (double)a[i * k + p] * b[j * k + p];
                Assert.Equal(s, c[i * n + j], 1e-4);
            }
    }

    [Fact]
    public void Multiply_rejects_a_too_short_destination()
    {
        var a = new float[8 * 4];
        var b = new float[4 * 16];
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, 4, 1, b, 16, new float[8 * 16 - 1], 16, 8, 16, 4));
    }
}
