using System.Text.Json;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Tests.Cli;

public class InfoCommandTests
{
    private static (string Pos, string Rrng) Example(TempDir dir)
    {
        var pos = dir.File("ex.pos");
        var rrng = dir.File("ex.rrng");
        IonFile.Write(pos, DemoSpecimen.Generate((4, 4, 6), seed: 3));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        return (pos, rrng);
    }

    [Fact]
    public void Json_HasFormatIonsBoundsSpeciesUnranged()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Example(dir);
        var cloud = IonFile.Read(pos);
        var r = CliRunner.Run("info", pos, "--ranges", rrng, "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("pos", root.GetProperty("format").GetString());
        Assert.Equal(cloud.Count, root.GetProperty("ions").GetInt32());
        Assert.Equal(cloud.X.Min(), root.GetProperty("bounds").GetProperty("min")[0].GetSingle());
        Assert.Equal(cloud.Z.Max(), root.GetProperty("bounds").GetProperty("max")[2].GetSingle());
        var species = root.GetProperty("species");
        var total = species.GetProperty("Co").GetInt64() + species.GetProperty("Cr").GetInt64() + species.GetProperty("Ni").GetInt64()
            + root.GetProperty("unranged").GetInt64();
        Assert.Equal(cloud.Count, total);
    }

    [Fact]
    public void Table_ShowsFormatAndSpecies()
    {
        using var dir = new TempDir();
        var (pos, rrng) = Example(dir);
        var r = CliRunner.Run("info", pos, "--ranges", rrng);
        Assert.Equal(0, r.Exit);
        Assert.Contains("pos", r.Out, StringComparison.Ordinal);
        Assert.Contains("Ni", r.Out, StringComparison.Ordinal);
        Assert.Contains("unranged", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RealExtract_WithCoCrNiRanges_GivesPublishedCounts()
    {
        var csv = SharedData.Require("reference-ml-apt/experimental/CoCrNi_annealed_NiNi_extract.csv");
        var rrng = SharedData.Require("cocrni/CoCrNi.rrng");
        var r = CliRunner.Run("info", csv, "--ranges", rrng, "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("csv", root.GetProperty("format").GetString());
        Assert.Equal(39_944, root.GetProperty("ions").GetInt32());
        var species = root.GetProperty("species");
        Assert.Equal(11_087, species.GetProperty("Co").GetInt64());
        Assert.Equal(12_214, species.GetProperty("Cr").GetInt64());
        Assert.Equal(11_348, species.GetProperty("Ni").GetInt64());
    }

    [Fact]
    public void MissingFile_IsOneLineExit2()
    {
        var r = CliRunner.Run("info", "/no/such/file.pos");
        CliRunner.AssertBadInput(r, "/no/such/file.pos", "not found");
    }

    [Fact]
    public void TruncatedPos_IsOneLineExit2WithByteOffset()
    {
        using var dir = new TempDir();
        var path = dir.File("t.pos");
        File.WriteAllBytes(path, new byte[17]);
        CliRunner.AssertBadInput(CliRunner.Run("info", path), path, "byte 16");
    }

    [Fact]
    public void EmptyFile_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var path = dir.File("e.epos");
        File.WriteAllBytes(path, []);
        CliRunner.AssertBadInput(CliRunner.Run("info", path), path, "empty");
    }

    [Fact]
    public void UnknownFormat_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var path = dir.File("x.xyz");
        File.WriteAllBytes(path, [1, 2, 3, 0, 255]);
        CliRunner.AssertBadInput(CliRunner.Run("info", path), path, "unknown format");
    }

    [Fact]
    public void BadRangeLine_IsOneLineExit2WithLine()
    {
        using var dir = new TempDir();
        var (pos, _) = Example(dir);
        var rrng = dir.File("bad.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=30.5 abc Vol:0.01 Ni:1\n");
        CliRunner.AssertBadInput(CliRunner.Run("info", pos, "--ranges", rrng), "bad.rrng", "line 6");
    }

    [Fact]
    public void RangeLoAboveHi_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var (pos, _) = Example(dir);
        var rrng = dir.File("lohi.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=31.0 30.0 Vol:0.01 Ni:1\n");
        CliRunner.AssertBadInput(CliRunner.Run("info", pos, "--ranges", rrng), "lohi.rrng", "line 6");
    }

    [Fact]
    public void StrictRanges_RefusesOverlap()
    {
        using var dir = new TempDir();
        var (pos, _) = Example(dir);
        var rrng = dir.File("ov.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=2\nIon1=Ni\nIon2=Co\n[Ranges]\nNumber=2\nRange1=29.0 29.5 Ni:1\nRange2=29.4 29.6 Co:1\n");
        Assert.Equal(0, CliRunner.Run("info", pos, "--ranges", rrng).Exit);
        CliRunner.AssertBadInput(CliRunner.Run("info", pos, "--ranges", rrng, "--strict-ranges"), "ov.rrng");
    }

    [Fact]
    public void UnknownOption_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var (pos, _) = Example(dir);
        CliRunner.AssertBadInput(CliRunner.Run("info", pos, "--bogus"), "bogus");
    }

    [Fact]
    public void Verbose_AddsStackTrace()
    {
        var r = CliRunner.Run("info", "/no/such/file.pos", "--verbose");
        Assert.Equal(2, r.Exit);
        Assert.Contains("   at ", r.Err, StringComparison.Ordinal);
    }
}
