using System.Text.Json;
using MlApt.Crystal;

namespace MlApt.Tests.Cli;

public class McCommandTests
{
    private static string[] Args(TempDir dir, params string[] extra) =>
    [
        "mc", "--lattice", "fcc", "--cells", "4", "-a", "0.356", "--composition", "Co:1,Cr:1,Ni:1",
        "--pair", "Co-Cr:1=-0.03", "--temperature", "600", "--sweeps", "20", "--seed", "3", "--out", dir.File("cfg.extxyz"), .. extra,
    ];

    [Fact]
    public void Json_HasAlphasPerShellEnergyAndAcceptance()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(Args(dir, "--json"));
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["warren_cowley", "energy_per_atom", "acceptance"], root.EnumerateObject().Select(p => p.Name));
        var wc = root.GetProperty("warren_cowley");
        Assert.Equal(["1", "2", "3"], wc.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Co-Co", "Co-Cr", "Co-Ni", "Cr-Co", "Cr-Cr", "Cr-Ni", "Ni-Co", "Ni-Cr", "Ni-Ni"],
            wc.GetProperty("1").EnumerateObject().Select(p => p.Name));
        Assert.True(wc.GetProperty("1").GetProperty("Co-Cr").GetDouble() < 0);
        Assert.True(root.GetProperty("energy_per_atom").GetDouble() < 0);
        Assert.InRange(root.GetProperty("acceptance").GetDouble(), 0.01, 1);
    }

    [Fact]
    public void Writes_ConfigurationAndEnergyTrace()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(Args(dir)).Exit);
        var frame = ExtendedXyz.Read(dir.File("cfg.extxyz"));
        Assert.Equal(256, frame.Count);
        Assert.Equal(["Co", "Cr", "Ni"], frame.Elements);
        Assert.Equal(0.356 * 4, frame.Cell[0].X, 1e-9);
        var trace = File.ReadAllLines(dir.File("cfg.energy.csv"));
        Assert.Equal("sweep,energy_per_atom_ev,acceptance", trace[0]);
        Assert.Equal(22, trace.Length);
        Assert.StartsWith("20,", trace[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_SameOutput()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var ra = CliRunner.Run(Args(a, "--json"));
        var rb = CliRunner.Run(Args(b, "--json"));
        Assert.Equal(ra.Out, rb.Out);
        Assert.Equal(File.ReadAllText(a.File("cfg.extxyz")), File.ReadAllText(b.File("cfg.extxyz")));
    }

    [Fact]
    public void Sro_OfTheWrittenConfiguration_MatchesMc()
    {
        using var dir = new TempDir();
        var mc = CliRunner.Run(Args(dir, "--json"));
        var sro = CliRunner.Run("sro", dir.File("cfg.extxyz"), "--json");
        Assert.Equal(0, sro.Exit);
        using var m = JsonDocument.Parse(mc.Out);
        using var s = JsonDocument.Parse(sro.Out);
        Assert.Equal(m.RootElement.GetProperty("warren_cowley").GetRawText(), s.RootElement.GetProperty("warren_cowley").GetRawText());
    }

    [Fact]
    public void Table_IsPrintedWithoutJson()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(Args(dir));
        Assert.Contains("Warren–Cowley α, shell 3", r.Out, StringComparison.Ordinal);
        Assert.Contains("eV/atom", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pair", "Co-Cr:9=-0.1", "--pair", "Co-Cr:9=-0.1")]
    [InlineData("--pair", "Fe-Cr:1=-0.1", "--pair", "Fe is not in the composition")]
    [InlineData("--lattice", "hcp", "--lattice", "hcp")]
    [InlineData("--cells", "2", "--cells", "2")]
    [InlineData("--temperature", "-5", "--temperature", "-5")]
    [InlineData("--composition", "Co:1,Cr:x", "--composition", "Cr:x")]
    public void BadOption_IsOneLineAndExitTwo(string option, string value, string fragment1, string fragment2)
    {
        using var dir = new TempDir();
        var args = Args(dir).ToList();
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.AddRange([option, value]);
        CliRunner.AssertBadInput(CliRunner.Run([.. args]), fragment1, fragment2);
        Assert.False(File.Exists(dir.File("cfg.extxyz")));
    }

    [Fact]
    public void MissingOut_IsOneLineAndExitTwo()
    {
        var r = CliRunner.Run("mc", "--composition", "Co:1,Ni:1", "--temperature", "500");
        CliRunner.AssertBadInput(r, "--out");
    }
}
