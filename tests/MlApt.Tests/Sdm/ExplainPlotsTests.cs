using MlApt.Reporting;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class ExplainPlotsTests
{
    [Fact]
    public void SaveGradCam_WritesPngAndNoTempFiles()
    {
        using var dir = new TempDir();
        var path = dir.File("cam.png");
        var values = Enumerable.Range(0, 93).Select(k => (Math.Cos(k * 0.3) + 1) / 2).ToArray();
        var cam = Enumerable.Range(0, 93).Select(k => k / 92.0).ToArray();
        ExplainPlots.SaveGradCam(path, ZSdm.CroppedBinLeftEdges(), values, cam, "test");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(path).Take(4).ToArray());
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void SaveGradCam_MismatchedLengths_Throws()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => ExplainPlots.SaveGradCam(dir.File("x.png"), new double[93], new double[93], new double[84], "t"));
    }
}
