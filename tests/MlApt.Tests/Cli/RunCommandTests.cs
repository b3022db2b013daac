using MlApt.Imaging;
using System.Text.Json;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

public class RunCommandTests
{
    [Fact]
    public void Demo_SimulatesMapsControlsValidatesAndReports()
    {
        using var dir = new TempDir();
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        var outDir = dir.File("demo");
        var r = CliRunner.Run("run", "--out", outDir, "--size", "6,6,6", "--domains", "2", "--seed", "7", "--model", model);
        Assert.Equal(0, r.Exit);
        foreach (var f in new[] { "specimen.pos", "specimen.truth.json", "specimen.rrng", "summary.json", "report.md",
            "validation/validation.json", "validation/pr_curve.png", "validation/map_slice_xz.png", "validation/map_projection_max_xz.png",
            "map/summary.json", "map/slice_xz.png", "map/slice_yz.png", "map/slice_xy.png", "map/projection_max_xz.png", "map/domain_sizes.png",
            "map/real_vs_control.png", "map/map.vti", "map/domains.csv", "map/csro_ions.pos" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var v = doc.RootElement.GetProperty("validation");
        Assert.True(v.GetProperty("true_volume_fraction").GetDouble() > 0);
        Assert.True(doc.RootElement.GetProperty("control").TryGetProperty("csro_volume_fraction", out _));
        Assert.Contains("F1", r.Out, StringComparison.Ordinal);
        Assert.Contains("## Random-label control", File.ReadAllText(Path.Combine(outDir, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_ReportStatesTheWholeDecision()
    {
        using var dir = new TempDir();
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        var metadata = new Dictionary<string, string> { ["map.rule"] = "mean", ["map.threshold"] = "0.35", ["map.domain_fraction"] = "0.7", ["map.min_domain_subvoxels"] = "16" };
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"], metadata));
        var outDir = dir.File("demo");
        var r = CliRunner.Run("run", "--out", outDir, "--size", "6,6,6", "--domains", "2", "--seed", "7", "--model", model);
        Assert.True(r.Exit == 0, r.Err);
        var report = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.Contains("mean rule, threshold 0.35, each selected domain cut at 0.7 × its mean score, domains of fewer than 16 sub-voxels dropped", report, StringComparison.Ordinal);
    }
}

public class DefaultModelTests
{
    [Fact]
    public void EmbeddedModel_IsTunedAndUsedWithoutModel()
    {
        Assert.True(DefaultModel.Available);
        var profile = MapProfile.Resolve("default", null, null, null);
        Assert.Equal(DefaultModel.Name, profile.Model);
        Assert.Equal(MlApt.Imaging.DecisionRule.Mean, profile.Rule);
        Assert.True(profile.MinDomainSubVoxels > 0);
        // Six channels: an L1₂ Ni domain shows in the Co and Cr z-SDMs and the cross pairs as well as in Ni–Ni.
        Assert.Equal(["Ni-Ni", "Co-Co", "Cr-Cr", "Ni-Co", "Ni-Cr", "Co-Cr"], profile.Ensemble.Pairs);
        Assert.InRange(new FileInfo(typeof(DefaultModel).Assembly.Location).Length, 1_000_000, 20_000_000);
    }

    [Fact]
    public void Run_WithoutArgumentsButSize_UsesTheEmbeddedModel()
    {
        using var dir = new TempDir();
        var outDir = dir.File("demo");
        var r = CliRunner.Run("run", "--out", outDir, "--size", "6,6,6", "--domains", "2", "--seed", "3");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(DefaultModel.Name, doc.RootElement.GetProperty("model").GetProperty("name").GetString());
        Assert.Equal("mean", doc.RootElement.GetProperty("model").GetProperty("rule").GetString());
    }
}

public class RunFolderTests
{
    /// <summary>The demo folder is written whole or not at all: a cancelled rerun leaves the previous demo as it was.</summary>
    [Fact]
    public void Cancelled_rerun_leaves_the_previous_demo_untouched()
    {
        using var dir = new TempDir();
        var outDir = dir.File("demo");
        var first = CliRunner.Run("run", "--out", outDir, "--size", "6,6,6", "--domains", "2", "--seed", "3", "--control", "1");
        Assert.True(first.Exit == 0, first.Err);
        var before = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        using var stop = new CancellationTokenSource();
        stop.Cancel();
        using var o = new StringWriter();
        using var e = new StringWriter();
        var exit = MlApt.Cli.MlAptApp.Run(["run", "--out", outDir, "--size", "6,6,6", "--domains", "2", "--seed", "4", "--control", "1"], o, e, stop.Token);
        Assert.Equal(MlApt.Cli.MlAptApp.Cancelled, exit);

        var after = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories);
        Assert.Equal(before.Keys.Order(), after.Order());
        foreach (var f in after)
            Assert.True(before[f].AsSpan().SequenceEqual(File.ReadAllBytes(f)), f);
        Assert.Equal(["demo"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Where(n => n!.Contains("demo", StringComparison.Ordinal)));
    }

    /// <summary>A bad --out (an existing file) is refused before the specimen is simulated.</summary>
    [Fact]
    public void Out_that_is_a_file_is_refused_up_front()
    {
        using var dir = new TempDir();
        var file = dir.File("demo");
        File.WriteAllText(file, "not a folder");
        CliRunner.AssertBadInput(CliRunner.Run("run", "--out", file, "--size", "6,6,6", "--domains", "2"), "--out");
        Assert.Equal("not a folder", File.ReadAllText(file));
    }
}
