using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class ZSdmBinTests
{
    [Fact]
    public void Bin_IsTheReferenceExpression()
    {
        var rng = new Random(1);
        for (var i = 0; i < 100_000; i++)
        {
            var dz = Math.Round(-1.5 + 3 * rng.NextDouble(), 3);
            Assert.Equal((int)((dz - (-1.5)) * (1.0 / 3.0) * 200.0), ZSdm.Bin(dz));
        }
    }

    [Theory]
    [InlineData(-1.5, 0)]
    [InlineData(0.0, 100)]
    [InlineData(-0.69, 54)]
    [InlineData(0.705, 147)]
    public void Bin_KnownValues(double dz, int bin) => Assert.Equal(bin, ZSdm.Bin(dz));

    [Fact]
    public void Bin_LargestDzBelowRangeEnd_IsBin200_AndTryBinDropsIt()
    {
        var dz = Math.BitDecrement(1.5);
        Assert.Equal(200, ZSdm.Bin(dz));
        Assert.False(ZSdm.TryBin(0.1, dz, out _));
    }

    [Theory]
    [InlineData(0.0, 0.3, false)]   // Δx == 0 dropped
    [InlineData(0.3, 0.0, false)]   // Δz == 0 dropped
    [InlineData(0.3, 1.5, false)]   // Δz half-open at the top
    [InlineData(1.5, 0.3, false)]   // Δx half-open at the top
    [InlineData(-1.5, 0.3, true)]
    [InlineData(0.3, -1.5, true)]
    public void TryBin_PairRules(double dx, double dz, bool kept) => Assert.Equal(kept, ZSdm.TryBin(dx, dz, out _));

    [Fact]
    public void CroppedEdges_StartAndEnd()
    {
        var e = ZSdm.CroppedBinLeftEdges();
        Assert.Equal(93, e.Length);
        Assert.Equal(-0.69, e[0], 12);
        Assert.Equal(0.69, e[^1], 12);
    }

    [Fact]
    public void AccumulatePairs_SelfPairsDropped()
    {
        double[] x = [0.1], y = [0.2], z = [0.3];
        var full = new long[200];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, full);
        Assert.Equal(0, full.Sum());
    }

    [Fact]
    public void AccumulatePairs_OrderedPairsCountBothWays()
    {
        double[] x = [0, 0.1], y = [0, 0], z = [0, 0.2];
        var full = new long[200];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, full);
        Assert.Equal(1, full[ZSdm.Bin(0.2)]);
        Assert.Equal(1, full[ZSdm.Bin(-0.2)]);
        Assert.Equal(2, full.Sum());
    }
}
