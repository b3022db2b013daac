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
