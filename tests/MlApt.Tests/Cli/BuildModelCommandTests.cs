using System.Text.Json;
using MlApt.Imaging;
using MlApt.Learning;

namespace MlApt.Tests.Cli;

public class BuildModelCommandTests
{
    private static readonly string[] FeAl = ["build-model", "--lattice", "bcc", "-a", "0.287", "--composition", "Fe:80,Al:20", "--element", "Al", "--structure", "B2"];

    public static TheoryData<string[], string[]> BadOptions() => new()
    {
        { ["build-model", "-a", "0.287", "--composition", "Fe:80,Al:20", "--element", "Al", "--structure", "B2", "--out", "m.safetensors"], ["--lattice is required"] },
        { [.. FeAl, "--out", "m.safetensors", "--element", "Ni"], ["--element: 'Ni' is not in the composition (Fe, Al)"] },
        { [.. FeAl[..^1], "L12", "--out", "m.safetensors"], ["--structure: L12 is not defined on BCC"] },
        { [.. FeAl, "--pole", "110", "--out", "m.safetensors"], ["--pole: B2 shows no contrast along ⟨110⟩", "001, 111"] },
        { [.. FeAl, "--channels", "Al-Ni", "--out", "m.safetensors"], ["--channels: Al-Ni: 'Ni' is not in the composition"] },
        { [.. FeAl, "--charges", "Al:9", "--out", "m.safetensors"], ["--charges: 'Al:9'"] },
        { [.. FeAl, "--map-threshold", "0.5", "--out", "m.safetensors"], ["give all three"] },
        { [.. FeAl, "--map-threshold", "1.5", "--map-domain-fraction", "0.7", "--map-min-domain", "16", "--out", "m.safetensors"], ["--map-threshold: 1.5: expected 0 < T < 1"] },
        { [.. FeAl, "--specimens", "0", "--out", "m.safetensors"], ["--specimens: 0: expected 1 … 10000"] },
        { [.. FeAl, "--samples-per-specimen", "many", "--out", "m.safetensors"], ["--samples-per-specimen: 'many'"] },
        { [.. FeAl, "--check-size", "20,20", "--out", "m.safetensors"], ["--check-size: '20,20'"] },
        { [.. FeAl, "--voxel-label", "ball", "--out", "m.safetensors"], ["--voxel-label 'ball'"] },
        { [.. FeAl], ["--out is required"] },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_one_line_and_exit_2_before_any_work(string[] args, string[] fragments)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run([.. args.Select(a => a == "m.safetensors" ? dir.File(a) : a)]);
        CliRunner.AssertBadInput(r, fragments);
        Assert.False(File.Exists(dir.File("m.safetensors")));
        // Checked before any work: the build announces itself on stderr before its first simulation.
        Assert.DoesNotContain("building a model", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiny_build_writes_a_model_that_maps_with_nothing_else()
    {
        using var dir = new TempDir();
        var model = dir.File("feal.safetensors");
        var report = dir.File("report");
        var r = CliRunner.Run([.. FeAl, "--specimens", "1", "--domain-free", "1", "--samples-per-specimen", "300", "--epochs", "1",
            "--tuning-specimens", "1", "--validation-specimens", "1", "--check-size", "8,8,10", "--threads", "2", "--out", model, "--report", report, "--json"]);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("building a model", r.Err, StringComparison.Ordinal); // the marker the bad-option test relies on

        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("BCC Fe80Al20 (a = 0.287 nm), B2-type Al order along ⟨001⟩", root.GetProperty("alloy").GetString());
        Assert.Equal(1, root.GetProperty("validation").GetProperty("rows").GetArrayLength());
        Assert.InRange(root.GetProperty("bank").GetProperty("matrix_samples").GetInt32(), 300, 700);
        foreach (var f in new[] { "build.json", "validation.csv", "tuning.csv", "report.md", "validation.png", "loss.png", "example-slice_xz.png" })
            Assert.True(File.Exists(Path.Combine(report, f)), f);

        // The model carries everything a map needs: channels, alloy, order, decision, validation.
        var e = ModelFile.Load(model);
        Assert.Equal(["Al-Al", "Fe-Fe", "Al-Fe"], e.Pairs);
        Assert.Equal("bcc", e.Metadata["alloy.lattice"]);
        Assert.Equal("Fe:2,Al:1", e.Metadata["alloy.charges"]);
        Assert.Equal(new ModelOrder("001", "B2", "Al"), ModelOrder.Read(e.Metadata));
        Assert.StartsWith("mlapt build-model --lattice bcc -a 0.287 --composition Fe:80,Al:20 --element Al --structure B2 --pole 001", e.Metadata["build.command"], StringComparison.Ordinal);
        Assert.Contains("\"f1_mean\"", e.Metadata["build.validation"], StringComparison.Ordinal);
        var chosen = root.GetProperty("decision");
        var profile = MapProfile.Resolve("default", model, null, null);
        Assert.Equal(DecisionRule.Mean, profile.Rule);
        Assert.Equal(chosen.GetProperty("threshold").GetDouble(), profile.Threshold);
        Assert.Equal(chosen.GetProperty("domain_fraction").GetDouble(), profile.DomainFraction);
        Assert.Equal(1.25, profile.SphereRadius);

        // map --model M on a simulated Fe–Al specimen: no other setting.
        var pos = dir.File("s.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--out", pos, "--size", "8,8,10", "--lattice", "bcc", "-a", "0.287", "--composition", "Fe:80,Al:20",
            "--element", "Al", "--structure", "B2", "--domains", "3", "--radius", "1.2-1.5", "--charges", "Fe:2,Al:1", "--seed", "9").Exit);
        var m = CliRunner.Run("map", pos, "--ranges", dir.File("s.rrng"), "--model", model, "--out", dir.File("map"), "--json");
        Assert.True(m.Exit == 0, m.Err);
        Assert.Contains("B2-type Al order along ⟨001⟩", m.Out, StringComparison.Ordinal);
    }
}
