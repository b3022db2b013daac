using MlApt.Reporting;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class SdmPlotsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void SaveZSdm_WritesPngAndNoTempFiles()
    {
        using var dir = new TempDir();
        var path = dir.File("zsdm.png");
        var values = Enumerable.Range(0, 93).Select(k => Math.Cos(k * 0.3) + 1).ToArray();
        SdmPlots.SaveZSdm(path, ZSdm.CroppedBinLeftEdges(), values, "test z-SDM");
        Assert.Equal(PngSignature, File.ReadAllBytes(path).Take(8).ToArray());
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void SaveSdm2D_WritesPng()
    {
        using var dir = new TempDir();
        var path = dir.File("sdm2d.png");
        var (x, y, z) = SdmTestData.Cloud(61, 500, -2, 2, 3);
        var c = new long[200 * 200];
        Sdm2D.AccumulatePairs(x, y, z, x, y, z, 1.5, c);
        SdmPlots.SaveSdm2D(path, Sdm2D.ToArray(c), "test 2D SDM");
        Assert.Equal(PngSignature, File.ReadAllBytes(path).Take(8).ToArray());
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void SaveZSdm_MismatchedLengths_Throws()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => SdmPlots.SaveZSdm(dir.File("x.png"), new double[3], new double[4], "t"));
    }
}
