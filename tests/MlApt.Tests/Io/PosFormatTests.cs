using MlApt.Io;

namespace MlApt.Tests.Io;

public class PosFormatTests
{
    [Fact]
    public void Write_OneIon_IsBigEndianFloat32ByteExact()
    {
        using var dir = new TempDir();
        var path = dir.File("one.pos");
        PosFormat.Write(path, new IonCloud([1f], [2f], [-0.5f], [27.5f]));
        Assert.Equal(IonSamples.Hex("3F800000 40000000 BF000000 41DC0000"), File.ReadAllBytes(path));
    }

    [Fact]
    public void Read_GoldenBytes_GivesValues()
    {
        using var dir = new TempDir();
        var path = dir.File("g.pos");
        File.WriteAllBytes(path, IonSamples.Hex("3F800000 40000000 BF000000 41DC0000 C1200000 00000000 42C80000 3F000000"));
        var c = PosFormat.Read(path);
        Assert.Equal([1f, -10f], c.X);
        Assert.Equal([2f, 0f], c.Y);
        Assert.Equal([-0.5f, 100f], c.Z);
        Assert.Equal([27.5f, 0.5f], c.M);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(200_001)]
    public void RoundTrip_IsExact_AcrossChunkBoundaries(int n)
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(n, seed: n);
        var path = dir.File("r.pos");
        PosFormat.Write(path, cloud);
        Assert.Equal(16L * n, new FileInfo(path).Length);
        IonSamples.AssertSame(cloud, PosFormat.Read(path));
    }

    [Fact]
    public void Read_SizeNotMultipleOf16_NamesFileAndByte()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.pos");
        File.WriteAllBytes(path, new byte[35]);
        var e = Assert.Throws<InputException>(() => PosFormat.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("byte 32", e.Message, StringComparison.Ordinal);
        Assert.Contains("multiple", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.pos");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<InputException>(() => PosFormat.Read(path));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "x", float.NaN)]
    [InlineData(1, "y", float.PositiveInfinity)]
    [InlineData(2, "z", float.NegativeInfinity)]
    public void Read_NonFiniteCoordinate_NamesIonAndField(int field, string name, float value)
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(100_000, seed: 3);
        var arrays = new[] { cloud.X, cloud.Y, cloud.Z };
        arrays[field][77_777] = value;
        arrays[field][99_000] = value; // a later bad ion must not be the one reported
        var path = dir.File("nan.pos");
        PosFormat.Write(path, cloud);
        var e = Assert.Throws<InputException>(() => PosFormat.Read(path));
        Assert.Contains("ion 77777", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{name} = ", e.Message, StringComparison.Ordinal);
        Assert.Contains("byte 1244432", e.Message, StringComparison.Ordinal);
    }
}
