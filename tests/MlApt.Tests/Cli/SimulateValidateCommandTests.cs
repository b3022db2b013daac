using MlApt.Imaging;
using MlApt.Sdm;
using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

public class SimulateValidateCommandTests
{
    private static string RandomModel(TempDir dir)
    {
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05), KerasTestFiles.RandomWeights(arch, 2, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        return model;
    }

    [Fact]
    public void Simulate_WritesPosTruthAndRanges()
    {
        using var dir = new TempDir();
        var pos = dir.File("S.pos");
        var r = CliRunner.Run("simulate", "--out", pos, "--size", "6,6,8", "--domains", "2", "--radius", "1.0-1.2", "--eta", "0.4",
            "--sigma-xy", "0.35", "--sigma-z", "0.035", "--order", "0.9", "--orientation", "0,0,1", "--seed", "5", "--json");
        Assert.Equal(0, r.Exit);
        var cloud = IonFile.Read(pos);
        var table = RangeTable.Load(dir.File("S.rrng"));
        Assert.Equal(0, table.Count(table.Assign(cloud))[0]);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("S.truth.json")));
        var root = doc.RootElement;
        Assert.Equal(cloud.Count, root.GetProperty("ions").GetInt32());
        Assert.Equal(2, root.GetProperty("domain_list").GetArrayLength());
        Assert.Equal(0.4, root.GetProperty("parameters").GetProperty("eta").GetDouble());
        Assert.Equal(5, root.GetProperty("parameters").GetProperty("seed").GetInt32());
        Assert.Contains("\"domain_list\"", r.Out, StringComparison.Ordinal);

        // Same options, same bytes.
        var again = dir.File("T.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--out", again, "--size", "6,6,8", "--domains", "2", "--radius", "1.0-1.2", "--eta", "0.4",
            "--sigma-xy", "0.35", "--sigma-z", "0.035", "--order", "0.9", "--seed", "5").Exit);
        Assert.Equal(File.ReadAllBytes(pos), File.ReadAllBytes(again));
    }

    [Theory]
    [InlineData("--size", "6,6")]
    [InlineData("--composition", "Co:1,Xx:1")]
    [InlineData("--structure", "B2")]
    [InlineData("--radius", "2-1")]
    [InlineData("--eta", "1.5")]
    [InlineData("--domains", "900")]
    public void Simulate_BadInput_IsOneLineExit2_NothingWritten(string option, string value)
    {
        using var dir = new TempDir();
        var pos = dir.File("S.pos");
        CliRunner.AssertBadInput(CliRunner.Run("simulate", "--out", pos, "--size", "6,6,8", option, value));
        Assert.False(File.Exists(pos));
        Assert.False(File.Exists(dir.File("S.truth.json")));
    }

    [Fact]
    public void Validate_ScoresTheMap_WithCurveAndNullTwin()
    {
        using var dir = new TempDir();
        var pos = dir.File("S.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--out", pos, "--size", "6,6,6", "--domains", "2", "--radius", "1.0-1.3", "--seed", "2").Exit);
        var model = RandomModel(dir);
        var outDir = dir.File("val");
        var r = CliRunner.Run("validate", pos, "--model", model, "--rule", "mean", "--threshold", "0.4", "--null", "--out", outDir, "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        var score = root.GetProperty("score");
        var tp = score.GetProperty("true_positives").GetInt64();
        var fp = score.GetProperty("false_positives").GetInt64();
        var fn = score.GetProperty("false_negatives").GetInt64();
        Assert.True(tp + fn > 0); // the truth has positive sub-voxels
        if (tp + fp > 0)
            Assert.Equal((double)tp / (tp + fp), score.GetProperty("precision").GetDouble(), 12);
        Assert.Equal("mean", root.GetProperty("rule").GetString());
        Assert.Equal(0.4, root.GetProperty("threshold").GetDouble());
        Assert.True(root.GetProperty("null_twin").GetProperty("defined_subvoxels").GetInt64() > 0);
        Assert.Equal(161, root.GetProperty("pr_curve").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(outDir, "pr_curve.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "validation.json")));
    }

    [Fact]
    public void Validate_BadInput()
    {
        using var dir = new TempDir();
        var pos = dir.File("S.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--out", pos, "--size", "5,5,5", "--domains", "1", "--radius", "1", "--seed", "2").Exit);
        CliRunner.AssertBadInput(CliRunner.Run("validate", pos, "--profile", "reference", "--out", dir.File("v")), "--model");
        CliRunner.AssertBadInput(CliRunner.Run("validate", pos, "--model", RandomModel(dir), "--truth", dir.File("none.json"), "--out", dir.File("v")), "none.json");
        CliRunner.AssertBadInput(CliRunner.Run("validate", "--out", dir.File("v")), "--sweep");
        Assert.False(Directory.Exists(dir.File("v")));
    }
}

public class MapProfileTests
{
    [Fact]
    public void TunedModel_DefaultProfileUsesItsDecision_ReferenceProfileDoesNot()
    {
        using var dir = new TempDir();
        var arch = MlApt.Learning.CnnArchitecture.Reference(1);
        var model = dir.File("tuned.safetensors");
        var metadata = new Dictionary<string, string> { ["map.rule"] = "mean", ["map.threshold"] = "0.3", ["map.stage"] = "normalized", ["map.sphere_radius"] = "1.25" };
        MlApt.Learning.ModelFile.Save(model, new MlApt.Learning.CnnEnsemble(arch, [MlApt.Tests.Learning.KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["matrix", "CSRO"], ["Ni-Ni"], metadata));
        var d = MapProfile.Resolve("default", model, null, null);
        Assert.Equal(MlApt.Imaging.DecisionRule.Mean, d.Rule);
        Assert.Equal(0.3, d.Threshold);
        Assert.Equal(SdmStage.Normalized, d.Stage);
        Assert.Equal(1.25, d.Scan(1.0, 0.5).SphereRadius);
        var r = MapProfile.Resolve("reference", model, null, null);
        Assert.Equal(MlApt.Imaging.DecisionRule.Sum, r.Rule);
        Assert.Equal(3.75, r.Threshold);
        var explicitRule = MapProfile.Resolve("default", model, "sum", null);
        Assert.Equal(3.75, explicitRule.Threshold);
        Assert.Equal(0.9, MapProfile.Resolve("default", model, null, 0.9).Threshold);
    }

    [Fact]
    public void DomainFraction_ComesFromTheModelUnderDefaultOnly_AndAnOptionWins()
    {
        using var dir = new TempDir();
        var arch = MlApt.Learning.CnnArchitecture.Reference(1);
        var model = dir.File("tuned.safetensors");
        var metadata = new Dictionary<string, string> { ["map.rule"] = "mean", ["map.threshold"] = "0.35", ["map.domain_fraction"] = "0.45", ["map.min_domain_subvoxels"] = "16" };
        MlApt.Learning.ModelFile.Save(model, new MlApt.Learning.CnnEnsemble(arch, [MlApt.Tests.Learning.KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["matrix", "CSRO"], ["Ni-Ni"], metadata));
        Assert.Equal(0.45, MapProfile.Resolve("default", model, null, null).DomainFraction);
        Assert.Equal(0, MapProfile.Resolve("reference", model, null, null).DomainFraction);
        Assert.Equal(0.2, MapProfile.Resolve("default", model, null, null, null, 0.2).DomainFraction);
    }

    [Fact]
    public void Train_RecordsTheDomainFraction_AndRefusesOneOutsideZeroToOne()
    {
        using var dir = new TempDir();
        var bank = dir.File("b.npz");
        Assert.Equal(0, CliRunner.Run("bank", "--preset", "cocrni-reference", "--out", bank).Exit);
        var model = dir.File("m.safetensors");
        var r = CliRunner.Run("train", "--bank", bank, "--folds", "2", "--epochs", "1", "--map-domain-fraction", "0.45", "--out", model);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("0.45", MlApt.Learning.ModelFile.Load(model).Metadata["map.domain_fraction"]);
        CliRunner.AssertBadInput(CliRunner.Run("train", "--bank", bank, "--map-domain-fraction", "1", "--out", dir.File("n.safetensors")), "--map-domain-fraction");
        CliRunner.AssertBadInput(CliRunner.Run("validate", "--sweep", "1", "--domain-fraction", "1.5", "--out", dir.File("v")), "--domain-fraction");
    }
}
