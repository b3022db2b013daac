using MlApt.Numerics;

namespace MlApt.Tests.Simulation;

public class SampleRandomTests
{
    [Fact]
    public void SameSeedAndIndex_SameStream()
    {
        var a = SeededRandom.ForSample(42, 17);
        var b = SeededRandom.ForSample(42, 17);
        for (var i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void NeighbouringIndices_DifferentStreams()
    {
        var a = SeededRandom.ForSample(42, 17);
        var b = SeededRandom.ForSample(42, 18);
        var c = SeededRandom.ForSample(42, 17, attempt: 1);
        var first = a.NextUInt64();
        Assert.NotEqual(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
    }

    [Fact]
    public void Gaussian_HasUnitVarianceAndZeroMean()
    {
        var r = new SeededRandom(1);
        double sum = 0, sum2 = 0;
        const int n = 200_000;
        for (var i = 0; i < n; i++)
        {
            var g = r.NextGaussian();
            sum += g; sum2 += g * g;
        }
        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(sum2 / n, 0.98, 1.02);
    }

    [Fact]
    public void NextInt_StaysInRangeAndCoversIt()
    {
        var r = new SeededRandom(2);
        var seen = new int[7];
        for (var i = 0; i < 7000; i++) seen[r.NextInt(7)]++;
        Assert.All(seen, c => Assert.InRange(c, 850, 1150));
    }
}
