using System.Text.Json;

namespace MlApt.Tests.Cli;

public class SroCommandTests
{
    /// <summary>A perfect B2 FeAl crystal of 4³ BCC cells as extended XYZ (Å), species written Al first.</summary>
    private static string B2(TempDir dir)
    {
        var lines = new List<string> { "128", "Lattice=\"11.6 0 0 0 11.6 0 0 0 11.6\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"" };
        for (var k = 0; k < 4; k++)
            for (var j = 0; j < 4; j++)
                for (var i = 0; i < 4; i++)
                {
                    lines.Add(FormattableString.Invariant($"Al {i * 2.9} {j * 2.9} {k * 2.9}"));
                    lines.Add(FormattableString.Invariant($"Fe {i * 2.9 + 1.45} {j * 2.9 + 1.45} {k * 2.9 + 1.45}"));
                }
        var path = dir.File("b2.extxyz");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void PerfectB2_AlphaMinusOneForUnlikeFirstNeighbours()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("sro", B2(dir), "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var wc = doc.RootElement.GetProperty("warren_cowley");
        Assert.Equal(["Al-Al", "Al-Fe", "Fe-Al", "Fe-Fe"], wc.GetProperty("1").EnumerateObject().Select(p => p.Name));
        Assert.Equal(-1, wc.GetProperty("1").GetProperty("Al-Fe").GetDouble(), 12);
        Assert.Equal(1, wc.GetProperty("2").GetProperty("Fe-Al").GetDouble(), 12);
    }

    [Fact]
    public void Shells_OptionSetsHowManyAreReported()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("sro", B2(dir), "--shells", "2", "--json");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["1", "2"], doc.RootElement.GetProperty("warren_cowley").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void MissingFile_IsOneLineAndExitTwo()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("sro", dir.File("none.extxyz")), "none.extxyz", "no such file");
    }

    [Fact]
    public void TooSmallBox_NamesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("small.extxyz");
        File.WriteAllText(path, "2\nLattice=\"2.9 0 0 0 2.9 0 0 0 2.9\" Properties=species:S:1:pos:R:3\nFe 0 0 0\nAl 1.45 1.45 1.45\n");
        CliRunner.AssertBadInput(CliRunner.Run("sro", path), "small.extxyz");
    }

    [Fact]
    public void BadShells_IsOneLineAndExitTwo()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("sro", B2(dir), "--shells", "0"), "--shells");
    }
}
