using System.Text.Json;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

/// <summary><c>--pole 001|111</c> chooses the built-in model of that order type; bad poles and mismatched models are one line, exit 2.</summary>
public class PoleOptionTests
{
    private static string Simulate(TempDir dir, string orientation, string structure, int seed = 7)
    {
        var pos = dir.File("S.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--out", pos, "--size", "7,7,8", "--domains", "2", "--radius", "1.2-1.4", "--structure", structure,
            "--orientation", orientation, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit);
        return pos;
    }

    [Theory]
    [InlineData("map")]
    [InlineData("validate")]
    public void UnknownPole_IsOneLineExit2(string command)
    {
        using var dir = new TempDir();
        var pos = Simulate(dir, "0,0,1", "L12");
        var r = command == "map"
            ? CliRunner.Run("map", pos, "--ranges", dir.File("S.rrng"), "--pole", "002", "--out", dir.File("out"))
            : CliRunner.Run("validate", pos, "--pole", "002", "--out", dir.File("out"));
        CliRunner.AssertBadInput(r, "--pole", "002", "001 or 111");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void ModelMadeForAnotherPole_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var pos = Simulate(dir, "0,0,1", "L12");
        var arch = CnnArchitecture.Reference(1);
        var metadata = new Dictionary<string, string>();
        ModelOrder.Of(MlApt.Crystal.OrderType.L12Along001).WriteTo(metadata);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"], metadata));
        var r = CliRunner.Run("map", pos, "--ranges", dir.File("S.rrng"), "--model", model, "--pole", "111", "--out", dir.File("out"));
        CliRunner.AssertBadInput(r, "--pole", "'111'", "m.safetensors", "along ⟨001⟩, not ⟨111⟩");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData(null, "embedded:default.safetensors", "001", "L12", "L1₂-type Ni order along ⟨001⟩", "L1₁-type Ni order along ⟨111⟩")]
    [InlineData("111", "embedded:default-111.safetensors", "111", "L11", "L1₁-type Ni order along ⟨111⟩", "L1₂-type Ni order along ⟨001⟩")]
    public void Pole_ChoosesTheBuiltInModel_AndTheSummaryNamesTheOrder(string? pole, string model, string recordedPole, string structure, string lookedFor, string notLookedFor)
    {
        Assert.SkipUnless(DefaultModel.All.Single(m => m.Name == model).Available, $"this build has no {model}");
        using var dir = new TempDir();
        var pos = pole == "111" ? Simulate(dir, "1,1,1", "L11") : Simulate(dir, "0,0,1", "L12");
        string[] args = ["map", pos, "--ranges", dir.File("S.rrng"), "--box", "-2.5,2.5,-2.5,2.5,-7,-1", "--out", dir.File("out")];
        var r = CliRunner.Run(pole is null ? args : [.. args, "--pole", pole]);
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var m = doc.RootElement.GetProperty("model");
        Assert.Equal(model, m.GetProperty("name").GetString());
        Assert.Equal(recordedPole, m.GetProperty("pole").GetString());
        Assert.Equal(structure, m.GetProperty("structure").GetString());
        Assert.Equal("Ni", m.GetProperty("element").GetString());
        Assert.Equal(lookedFor, m.GetProperty("order").GetString());
        Assert.Equal(notLookedFor, Assert.Single(m.GetProperty("not_looked_for").EnumerateArray()).GetProperty("order").GetString());
        Assert.Contains(lookedFor, r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pole111Align_OnA001Specimen_IsOneLineExit2_NothingWritten()
    {
        Assert.SkipUnless(DefaultModel.Default111.Available, "this build has no ⟨111⟩ model");
        using var dir = new TempDir();
        var pos = Simulate(dir, "0,0,1", "L12");
        var r = CliRunner.Run("map", pos, "--ranges", dir.File("S.rrng"), "--pole", "111", "--align", "--out", dir.File("out"));
        CliRunner.AssertBadInput(r, "⟨111⟩", "of z");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void Pole111Align_OnATilted111Specimen_AlignsOnTheModelsPole()
    {
        Assert.SkipUnless(DefaultModel.Default111.Available, "this build has no ⟨111⟩ model");
        using var dir = new TempDir();
        // [111] tilted 2.5° off z (the tilt the ⟨111⟩ sweep allows is 0–3°).
        var (h, k, l) = MlApt.Crystal.OrderType.L11Along111.TiltedPole(2.5, 1.0);
        var orientation = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{h:R},{k:R},{l:R}");
        var pos = Simulate(dir, orientation, "L11");
        var r = CliRunner.Run("map", pos, "--ranges", dir.File("S.rrng"), "--pole", "111", "--align", "--out", dir.File("out"));
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        Assert.Equal("111", doc.RootElement.GetProperty("model").GetProperty("pole").GetString());
        // The alignment found and applied ⟨111⟩, the model's pole.
        var compact = string.Concat(doc.RootElement.GetRawText().Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("\"alignment\":{\"pole\":[1,1,1]", compact, StringComparison.Ordinal);
    }
}
