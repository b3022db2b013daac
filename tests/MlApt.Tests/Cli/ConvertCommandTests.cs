using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Specimens;
using MlApt.Tests.Learning;
using PureHDF;

namespace MlApt.Tests.Cli;

public class ConvertCommandTests
{
    private static (string Pos, string Rrng) Specimen(TempDir dir)
    {
        var pos = dir.File("s.pos");
        var rrng = dir.File("s.rrng");
        IonFile.Write(pos, DemoSpecimen.Generate((5, 5, 6), 5, [(0, 0, -3, 1.5)], "Ni"));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        return (pos, rrng);
    }

    [Fact]
    public void PosToNexusToInfo_RoundTripsPositionsMassesAndRanging()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        var nxs = dir.File("s.nxs");
        var r = CliRunner.Run("convert", pos, "--ranges", rrng, "--out", nxs);
        Assert.True(r.Exit == 0, r.Err);

        var fromPos = CliRunner.Run("info", pos, "--ranges", rrng, "--json");
        var fromNexus = CliRunner.Run("info", nxs, "--json");
        Assert.True(fromNexus.Exit == 0, fromNexus.Err);
        using var a = JsonDocument.Parse(fromPos.Out);
        using var b = JsonDocument.Parse(fromNexus.Out);
        Assert.Equal("nxs", b.RootElement.GetProperty("format").GetString());
        Assert.Equal(a.RootElement.GetProperty("ions").GetInt32(), b.RootElement.GetProperty("ions").GetInt32());
        Assert.Equal(a.RootElement.GetProperty("bounds").GetRawText(), b.RootElement.GetProperty("bounds").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("species").GetRawText(), b.RootElement.GetProperty("species").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("unranged").GetInt64(), b.RootElement.GetProperty("unranged").GetInt64());

        // Back to POS: the same bytes.
        var back = dir.File("back.pos");
        Assert.Equal(0, CliRunner.Run("convert", nxs, "--out", back).Exit);
        Assert.Equal(File.ReadAllBytes(pos), File.ReadAllBytes(back));
    }

    [Fact]
    public void MapNexus_WritesResultsAndMapsFromNexusWithoutRanges()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        var nxs = dir.File("s.nxs");
        Assert.Equal(0, CliRunner.Run("convert", pos, "-r", rrng, "-o", nxs).Exit);

        var fromPos = dir.File("from-pos");
        var r = CliRunner.Run("map", pos, "-r", rrng, "-p", "Ni-Ni", "-m", model, "--box", "-2,2,-2,2,-5,-1", "--threshold", "3.9", "-o", fromPos, "--nexus");
        Assert.True(r.Exit == 0, r.Err);
        var fromNexus = dir.File("from-nxs");
        r = CliRunner.Run("map", nxs, "-p", "Ni-Ni", "-m", model, "--box", "-2,2,-2,2,-5,-1", "--threshold", "3.9", "-o", fromNexus);
        Assert.True(r.Exit == 0, r.Err);
        // Same ions, same ranging: the same map.
        Assert.Equal(File.ReadAllBytes(Path.Combine(fromPos, "subvoxel_score.npy")), File.ReadAllBytes(Path.Combine(fromNexus, "subvoxel_score.npy")));
        Assert.Equal(File.ReadAllText(Path.Combine(fromPos, "domains.csv")), File.ReadAllText(Path.Combine(fromNexus, "domains.csv")));

        var mapNxs = Path.Combine(fromPos, "map.nxs");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(fromPos, "summary.json")));
        Assert.Contains("map.nxs", summary.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()));
        using (var file = H5File.OpenRead(mapNxs))
        {
            var entry = file.Group("entry1");
            Assert.Equal("NXapm", entry.Dataset("definition").Read<string>());
            Assert.Equal("csro_map", entry.Attribute("default").Read<string>());
            var csro = entry.Group("csro_map");
            Assert.Equal("NXprocess", csro.Attribute("NX_class").Read<string>());
            var p = csro.Group("probability");
            Assert.Equal("NXdata", p.Attribute("NX_class").Read<string>());
            Assert.Equal("mean_probability", p.Attribute("signal").Read<string>());
            Assert.Equal([8UL, 8, 8], p.Dataset("mean_probability").Space.Dimensions);
            var mean = Npy.Read(Path.Combine(fromPos, "subvoxel_mean.npy"));
            Assert.Equal(mean.Data.Select(v => (float)v), p.Dataset("mean_probability").Read<float[]>());
            Assert.Equal(-1.75f, p.Dataset("axis_x").Read<float[]>()[0]);
            Assert.Equal(summary.RootElement.GetProperty("csro_volume_fraction").GetDouble(), csro.Dataset("csro_volume_fraction").Read<double>());
            Assert.StartsWith("sha256:", csro.Dataset("model_id").Read<string>(), StringComparison.Ordinal);
            Assert.Equal("NXdata", csro.Group("selection").Attribute("NX_class").Read<string>());
            Assert.Equal("NXdata", csro.Group("domains").Attribute("NX_class").Read<string>());
            Assert.Contains("\"decision\"", csro.Dataset("summary/data").Read<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(IonFile.Read(pos).X, NxapmReader.Read(mapNxs).Cloud.X);
    }

    [Fact]
    public void BadInputs_AreOneLineExit2()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        CliRunner.AssertBadInput(CliRunner.Run("convert", pos, "--out", dir.File("x.vtk")), "--out", ".nxs");
        CliRunner.AssertBadInput(CliRunner.Run("map", pos, "-r", rrng, "--slab", "0/2", "--nexus", "-o", dir.File("out")), "--nexus", "--slab");
        var fake = dir.File("fake.nxs");
        File.WriteAllText(fake, "nope");
        CliRunner.AssertBadInput(CliRunner.Run("info", fake), "fake.nxs");
        // An unranged NeXus file cannot be mapped without a range file.
        var unranged = dir.File("u.nxs");
        Assert.Equal(0, CliRunner.Run("convert", pos, "--out", unranged).Exit);
        CliRunner.AssertBadInput(CliRunner.Run("map", unranged, "-p", "Ni-Ni", "-o", dir.File("out")), "--ranges is required", "u.nxs");
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
