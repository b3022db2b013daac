using MlApt.Numerics;

namespace MlApt.Tests.Numerics;

public class Fft2DTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(16)]
    public void Transform_EqualsTheDirectDft(int n)
    {
        var random = new Random(n);
        var re = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var im = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (fr, fi) = ((double[])re.Clone(), (double[])im.Clone());
        new Fft2D(n).Transform(fr, fi);
        for (var u = 0; u < n; u++)
        for (var v = 0; v < n; v++)
        {
            double sr = 0, si = 0;
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var a = -2 * Math.PI * (u * i + v * j) / n;
                sr += re[i * n + j] * Math.Cos(a) - im[i * n + j] * Math.Sin(a);
                si += re[i * n + j] * Math.Sin(a) + im[i * n + j] * Math.Cos(a);
            }
            Assert.Equal(sr, fr[u * n + v], 1e-10);
            Assert.Equal(si, fi[u * n + v], 1e-10);
        }
    }

    [Fact]
    public void Size_MustBeAPowerOfTwo() => Assert.Throws<ArgumentOutOfRangeException>(() => new Fft2D(12));
}
