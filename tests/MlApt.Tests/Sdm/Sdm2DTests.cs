using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class Sdm2DTests
{
    [Fact]
    public void Grid_EqualsBrute()
    {
        var (x, y, z) = SdmTestData.Cloud(51, 1500, -2, 2, 3);
        var brute = new long[200 * 200];
        Sdm2D.AccumulatePairs(x, y, z, x, y, z, 1.5, brute);
        var fast = new long[200 * 200];
        Sdm2D.AccumulateCentres(x, y, z, SpeciesIndex.Build(x, y, z, 0.5), 1.5, fast);
        Assert.Equal(brute, fast);
    }

    [Fact]
    public void SumOverDx_EqualsZSdm()
    {
        var (x, y, z) = SdmTestData.Cloud(52, 800, -2, 2, 3);
        var sdm2 = new long[200 * 200];
        Sdm2D.AccumulatePairs(x, y, z, x, y, z, 1.5, sdm2);
        var full = new long[200];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, full);
        for (var zb = 0; zb < 200; zb++)
            Assert.Equal(full[zb], sdm2.AsSpan(zb * 200, 200).ToArray().Sum());
    }

    [Fact]
    public void Axes_RowIsDzColumnIsDx()
    {
        double[] x = [0, 0.3], y = [0, 0], z = [0, -0.6];
        var c = new long[200 * 200];
        Sdm2D.AccumulatePairs(x, y, z, x, y, z, 1.5, c);
        Assert.Equal(1, c[ZSdm.Bin(-0.6) * 200 + ZSdm.Bin(0.3)]);
        Assert.Equal(1, c[ZSdm.Bin(0.6) * 200 + ZSdm.Bin(-0.3)]);
        Assert.Equal(2, c.Sum());
    }
}
