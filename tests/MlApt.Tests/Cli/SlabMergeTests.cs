using System.Text.Json;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Tests.Cli;

/// <summary><c>map --slab K/N</c> in N processes plus <c>merge</c> gives the result of one run.</summary>
public class SlabMergeTests
{
    private static (string Pos, string Rrng) Specimen(TempDir dir)
    {
        var pos = dir.File("s.pos");
        var rrng = dir.File("s.rrng");
        IonFile.Write(pos, DemoSpecimen.Generate((6, 6, 12), 8, [(0, 0, -4, 1.6), (1, -1, -9, 1.5)], "Ni"));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        return (pos, rrng);
    }

    [Theory]
    [InlineData(3, null, 0)]
    [InlineData(2, "-2.5,2.5,-2.5,2.5,-11,-1", 0)]
    [InlineData(2, null, 2)]
    public void MergedSlabs_EqualOneRun(int n, string? box, int controls)
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        string[] common = box is null ? ["-r", rrng] : ["-r", rrng, "--box", box];
        if (controls > 0)
            // Slabs map their controls in full (they keep the voxel probabilities for merge): the one run does too.
            common = [.. common, "--control", controls.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "5", "--control-sample", "full"];
        var whole = dir.File("whole");
        var r = CliRunner.Run(["map", pos, .. common, "-o", whole]);
        Assert.True(r.Exit == 0, r.Err);
        var slabs = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var d = dir.File($"slab{k}");
            slabs.Add(d);
            r = CliRunner.Run(["map", pos, .. common, "--slab", $"{k}/{n}", "-o", d]);
            Assert.True(r.Exit == 0, r.Err);
            Assert.True(File.Exists(Path.Combine(d, "slab.json")));
            Assert.False(File.Exists(Path.Combine(d, "summary.json")));
        }
        slabs.Reverse(); // any order
        var merged = dir.File("merged");
        r = CliRunner.Run(["merge", .. slabs, "-o", merged]);
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "voxel_probability.npy", "voxel_probability_std.npy", "subvoxel_score.npy", "subvoxel_mean.npy", "subvoxel_selected.npy",
                     "csro_ions.pos", "domains.csv", "dbscan_clusters.csv", "map.vti" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, f))), f);
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(whole, "summary.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")));
        Assert.Equal(a.RootElement.GetProperty("csro_volume_fraction").GetDouble(), b.RootElement.GetProperty("csro_volume_fraction").GetDouble());
        Assert.True(a.RootElement.GetProperty("subvoxels").GetProperty("selected").GetInt32() > 0);
        Assert.Equal(controls > 0, a.RootElement.TryGetProperty("control", out var wholeControl));
        if (controls > 0)
        {
            // The control statistics (volume fractions of every permutation, p-values) match those of one run.
            Assert.Equal(wholeControl.GetRawText(), b.RootElement.GetProperty("control").GetRawText());
            Assert.True(File.ReadAllBytes(Path.Combine(whole, "real_vs_control.png")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, "real_vs_control.png"))));
        }
    }

    [Fact]
    public void MissingSlab_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        Assert.Equal(0, CliRunner.Run("map", pos, "-r", rrng, "--slab", "0/2", "-o", dir.File("s0")).Exit);
        CliRunner.AssertBadInput(CliRunner.Run("merge", dir.File("s0"), "-o", dir.File("m")), "exactly once");
        Assert.False(Directory.Exists(dir.File("m")));
    }

    [Fact]
    public void SlabWithoutADecisionField_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        Assert.Equal(0, CliRunner.Run("map", pos, "-r", rrng, "--slab", "0/2", "-o", dir.File("s0")).Exit);
        Assert.Equal(0, CliRunner.Run("map", pos, "-r", rrng, "--slab", "1/2", "-o", dir.File("s1")).Exit);
        var json = dir.File(Path.Combine("s1", "slab.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        Assert.True(node.Remove("domain_fraction"));
        File.WriteAllText(json, node.ToJsonString());
        CliRunner.AssertBadInput(CliRunner.Run("merge", dir.File("s0"), dir.File("s1"), "-o", dir.File("m")), "domain_fraction");
        Assert.False(Directory.Exists(dir.File("m")));
    }

    [Fact]
    public void SlabsOfDifferentMaps_AreRefused()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        Assert.Equal(0, CliRunner.Run("map", pos, "-r", rrng, "--slab", "0/2", "-o", dir.File("s0")).Exit);
        Assert.Equal(0, CliRunner.Run("map", pos, "-r", rrng, "--slab", "1/2", "--threshold", "0.3", "-o", dir.File("s1")).Exit);
        CliRunner.AssertBadInput(CliRunner.Run("merge", dir.File("s0"), dir.File("s1"), "-o", dir.File("m")), "threshold");
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("x")]
    public void BadSlab_IsOneLineExit2(string slab)
    {
        using var dir = new TempDir();
        var (pos, rrng) = Specimen(dir);
        CliRunner.AssertBadInput(CliRunner.Run("map", pos, "-r", rrng, "--slab", slab, "-o", dir.File("o")), "--slab");
    }
}
