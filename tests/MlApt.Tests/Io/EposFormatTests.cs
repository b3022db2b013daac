using MlApt.Io;

namespace MlApt.Tests.Io;

public class EposFormatTests
{
    [Fact]
    public void Write_OneIon_Is44BigEndianBytes()
    {
        using var dir = new TempDir();
        var e = new EposExtras(1);
        e.Tof[0] = 1f; e.VDc[0] = 2f; e.VPulse[0] = 0.5f; e.DetX[0] = -1f; e.DetY[0] = 10f;
        e.PulseDelta[0] = 0x01020304; e.IonsPerPulse[0] = 2;
        var path = dir.File("one.epos");
        EposFormat.Write(path, new IonCloud([1f], [2f], [-0.5f], [27.5f], e));
        Assert.Equal(IonSamples.Hex(
            "3F800000 40000000 BF000000 41DC0000 3F800000 40000000 3F000000 BF800000 41200000 01020304 00000002"),
            File.ReadAllBytes(path));
    }

    [Fact]
    public void RoundTrip_KeepsEveryField()
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(70_001, seed: 5, epos: true);
        var path = dir.File("r.epos");
        EposFormat.Write(path, cloud);
        var back = EposFormat.Read(path);
        IonSamples.AssertSame(cloud, back);
        var (a, b) = (cloud.Extras!, back.Extras!);
        Assert.Equal(a.Tof, b.Tof);
        Assert.Equal(a.VDc, b.VDc);
        Assert.Equal(a.VPulse, b.VPulse);
        Assert.Equal(a.DetX, b.DetX);
        Assert.Equal(a.DetY, b.DetY);
        Assert.Equal(a.PulseDelta, b.PulseDelta);
        Assert.Equal(a.IonsPerPulse, b.IonsPerPulse);
    }

    [Fact]
    public void Read_SizeNotMultipleOf44_IsRefused()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.epos");
        File.WriteAllBytes(path, new byte[44 * 3 + 10]);
        var e = Assert.Throws<InputException>(() => EposFormat.Read(path));
        Assert.Contains("byte 132", e.Message, StringComparison.Ordinal);
        Assert.Contains("44", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NaNMass_NamesIon()
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(10, seed: 6, epos: true);
        cloud.M[4] = float.NaN;
        var path = dir.File("nan.epos");
        EposFormat.Write(path, cloud);
        var e = Assert.Throws<InputException>(() => EposFormat.Read(path));
        Assert.Contains("ion 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("m = NaN", e.Message, StringComparison.Ordinal);
    }
}
