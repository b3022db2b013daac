using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Tests.Learning;
using MlApt.Specimens;

namespace MlApt.Tests.Cli;

public class MapCommandTests
{
    private sealed record Inputs(string Pos, string Rrng, string Model);

    private static Inputs Make(TempDir dir, int channels = 1)
    {
        var pos = dir.File("s.pos");
        var rrng = dir.File("s.rrng");
        IonFile.Write(pos, DemoSpecimen.Generate((5, 5, 6), 5, [(0, 0, -3, 1.5)], "Ni"));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        var arch = CnnArchitecture.Reference(channels);
        var members = new[] { KerasTestFiles.RandomWeights(arch, 1, 0.05), KerasTestFiles.RandomWeights(arch, 2, 0.05) };
        var pairs = channels == 1 ? new[] { "Ni-Ni" } : new[] { "Ni-Ni", "Co-Co" };
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, members, ["FCC", "CSRO"], pairs));
        return new Inputs(pos, rrng, model);
    }

    [Fact]
    public void OnePair_WritesEveryOutputWithItsName()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var outDir = dir.File("out");
        var r = CliRunner.Run("map", inp.Pos, "--ranges", inp.Rrng, "--pair", "Ni-Ni", "--model", inp.Model, "--box", "-2,2,-2,2,-5,-1",
            "--threshold", "3.9", "--control", "2", "--seed", "3", "--out", outDir, "--ions-csv");
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "summary.json", "voxel_probability.npy", "voxel_probability_std.npy", "subvoxel_score.npy", "subvoxel_mean.npy",
                     "subvoxel_selected.npy", "csro_ions.pos", "csro_ions.vtp", "csro_ions.csv", "domains.csv", "dbscan_clusters.csv", "map.vti",
                     "slice_xz.png", "slice_yz.png", "slice_xy.png", "projection_max_xz.png", "domain_sizes.png", "real_vs_control.png" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var s = doc.RootElement;
        var grid = s.GetProperty("grid");
        Assert.Equal([-2.0, -2.0, -5.0], grid.GetProperty("origin").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.5, grid.GetProperty("spacing").GetDouble());
        Assert.Equal([8, 8, 8], grid.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(3.9, s.GetProperty("decision").GetProperty("threshold").GetDouble());
        Assert.Equal(2, s.GetProperty("control").GetProperty("permutations").GetInt32());
        Assert.Equal(64, s.GetProperty("provenance").GetProperty("reconstruction_sha256").GetString()!.Length);
        Assert.StartsWith("sha256:", s.GetProperty("provenance").GetProperty("model_id").GetString(), StringComparison.Ordinal);

        var score = Npy.Read(Path.Combine(outDir, "subvoxel_score.npy"));
        Assert.Equal([8, 8, 8], score.Shape);
        var selected = Npy.Read(Path.Combine(outDir, "subvoxel_selected.npy"));
        var fraction = s.GetProperty("csro_volume_fraction").GetDouble();
        var defined = score.Data.Count(v => !double.IsNaN(v));
        Assert.Equal(selected.Data.Count(v => v == 1) / (double)defined, fraction, 12);
        Assert.Equal(score.Data.Count(v => v > 3.9), (int)selected.Data.Sum());
        var ions = IonFile.Read(Path.Combine(outDir, "csro_ions.pos"));
        Assert.Equal(s.GetProperty("extracted_ions").GetInt32(), ions.Count);
        // The ParaView point cloud holds the same ions, with species indexes into summary.json "species".
        var vtp = System.Xml.Linq.XDocument.Load(Path.Combine(outDir, "csro_ions.vtp"));
        var points = MlApt.Tests.Io.VtkDecode.Floats(vtp.Descendants("Points").Single().Element("DataArray")!.Value);
        Assert.Equal(ions.X, Enumerable.Range(0, ions.Count).Select(i => points[3 * i]));
        var speciesIndex = MlApt.Tests.Io.VtkDecode.Bytes(vtp.Descendants("PointData").Single().Elements("DataArray").First().Value);
        var names = s.GetProperty("species").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("unranged", names[0]);
        Assert.All(speciesIndex, b => Assert.InRange(b, 0, names.Count - 1));
    }

    [Fact]
    public void TwoPairs_OneSubfolderEachAndAnIndex()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var outDir = dir.File("out");
        var r = CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-p", "Co-Co", "-m", inp.Model, "--box", "-2,2,-2,2,-5,-1", "-o", outDir, "--json");
        Assert.True(r.Exit == 0, r.Err);
        Assert.True(File.Exists(Path.Combine(outDir, "Ni-Ni", "summary.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "Co-Co", "voxel_probability.npy")));
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("analyses").GetArrayLength());
    }

    [Fact]
    public void AutomaticBox_IsReported()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var r = CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out"), "--json", "--rule", "mean");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var box = doc.RootElement.GetProperty("box");
        Assert.True(box.GetProperty("automatic").GetBoolean());
        Assert.Equal("mean", doc.RootElement.GetProperty("decision").GetProperty("rule").GetString());
        Assert.Equal(3.75 / 8, doc.RootElement.GetProperty("decision").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void UndefinedElement_ListsAvailable_WritesNothing()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Fe-Fe", "-m", inp.Model, "-o", dir.File("out")), "Fe", "available: Co, Cr, Ni");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void ChannelMismatch_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var inp = Make(dir, channels: 2);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out")), "2 channels");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void BoxOutsideData_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "--box", "100,110,0,10,0,10", "-o", dir.File("out")),
            "--box", "outside the data");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void BoxSmallerThanVoxel_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "--box", "0,0.5,0,0.5,-2,-1.5", "-o", dir.File("out")),
            "smaller than one voxel");
    }

    [Fact]
    public void MissingModel_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "--profile", "reference", "-o", dir.File("out")), "--model");
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", dir.File("none.safetensors"), "-o", dir.File("out")), "none.safetensors");
    }

    [Fact]
    public void MultiChannelModel_RunsOneAnalysisOverItsChannels()
    {
        using var dir = new TempDir();
        var inp = Make(dir, channels: 2);
        var r = CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-m", inp.Model, "--box", "-2,2,-2,2,-5,-1", "-o", dir.File("out"), "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["Ni-Ni", "Co-Co"], doc.RootElement.GetProperty("pairs").EnumerateArray().Select(e => e.GetString()));
    }
}
