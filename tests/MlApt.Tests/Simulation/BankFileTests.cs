using System.Text.Json;
using MlApt.Io;
using MlApt.Banks;

namespace MlApt.Tests.Simulation;

public class BankFileTests
{
    [Fact]
    public void SaveLoad_RoundTripsXYAndClassNames()
    {
        using var dir = new TempDir();
        var bank = BankGenerator.Generate(BankGeneratorTests.Small(5), 1);
        var path = dir.File("bank.npz");
        BankFile.Save(path, bank);
        var (x, y, channels, names, meta) = BankFile.Load(path);
        Assert.Equal(bank.X, x);
        Assert.Equal(bank.Y, y);
        Assert.Equal(2, channels);
        Assert.Equal(["SS", "L10"], names);
        Assert.NotNull(meta);
    }

    [Fact]
    public void Save_WritesNumpyShapesAndDtypes()
    {
        using var dir = new TempDir();
        var path = dir.File("bank.npz");
        BankFile.Save(path, BankGenerator.Generate(BankGeneratorTests.Small(3), 1));
        var (arrays, _) = Npz.Read(path);
        Assert.Equal([6, 2, 93], arrays["x"].Shape);
        Assert.Equal("<f4", arrays["x"].DType);
        Assert.Equal([6], arrays["y"].Shape);
        Assert.Equal("<i4", arrays["y"].DType);
        Assert.Equal([6, 7], arrays["params"].Shape);
    }

    [Fact]
    public void Metadata_DescribesClassesChannelsOrientationAndSamples()
    {
        var bank = BankGenerator.Generate(BankGeneratorTests.Small(3), 7);
        using var doc = JsonDocument.Parse(BankFile.MetadataJson(bank));
        var root = doc.RootElement;
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal("custom", root.GetProperty("preset").GetString());
        Assert.Equal(["Co-Co", "Co-Ni"], root.GetProperty("channels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0, 0, 1], root.GetProperty("orientation_hkl").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(6, root.GetProperty("per_sample").GetArrayLength());
        var first = root.GetProperty("per_sample")[0];
        Assert.Equal("SS", first.GetProperty("class").GetString());
        Assert.Equal(bank.Samples[0].SigmaXy, first.GetProperty("sigma_xy").GetDouble());
        Assert.Equal(bank.Samples[0].LatticeParameter, first.GetProperty("a").GetDouble());
        Assert.Equal("L10", root.GetProperty("classes")[1].GetProperty("motif").GetString());
        Assert.Equal(93, root.GetProperty("bin_left_edges").GetArrayLength());
    }

    [Fact]
    public void Save_IsByteIdenticalForTheSameSeed()
    {
        using var dir = new TempDir();
        BankFile.Save(dir.File("a.npz"), BankGenerator.Generate(BankGeneratorTests.Small(4), 9), "test");
        BankFile.Save(dir.File("b.npz"), BankGenerator.Generate(BankGeneratorTests.Small(4), 9), "test");
        Assert.Equal(File.ReadAllBytes(dir.File("a.npz")), File.ReadAllBytes(dir.File("b.npz")));
    }
}
