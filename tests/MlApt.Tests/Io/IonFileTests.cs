using MlApt.Io;

namespace MlApt.Tests.Io;

public class IonFileTests
{
    [Fact]
    public void Read_MissingFile_SaysNotFound()
    {
        var e = Assert.Throws<InputException>(() => IonFile.Read("/nonexistent/x.pos"));
        Assert.Equal("/nonexistent/x.pos: file not found", e.Message);
    }

    [Fact]
    public void Read_UnknownExtensionBinary_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("data.bin");
        File.WriteAllBytes(path, [0, 1, 2, 3, 200, 255]);
        var e = Assert.Throws<InputException>(() => IonFile.Read(path));
        Assert.Contains("unknown format", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownExtension_DetectsAptSignature()
    {
        using var dir = new TempDir();
        var apt = dir.File("a.apt");
        AptFormat.Write(apt, IonSamples.Random(3, 1));
        var renamed = dir.File("a.dat");
        File.Move(apt, renamed);
        IonFile.Read(renamed, null, out var f);
        Assert.Equal(IonFileFormat.Apt, f);
    }

    [Theory]
    [InlineData("c.pos")]
    [InlineData("c.epos")]
    [InlineData("c.apt")]
    [InlineData("c.csv")]
    public void WriteThenRead_ByExtension_RoundTrips(string name)
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(500, 2);
        var path = dir.File(name);
        IonFile.Write(path, cloud);
        IonSamples.AssertSame(cloud, IonFile.Read(path));
    }

    [Fact]
    public void Write_LeavesNoTemporaryFiles()
    {
        using var dir = new TempDir();
        IonFile.Write(dir.File("x.pos"), IonSamples.Random(10, 1));
        Assert.Equal(["x.pos"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_Directory_IsRefused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => IonFile.Read(dir.Path));
        Assert.Contains("directory", e.Message, StringComparison.Ordinal);
    }
}
