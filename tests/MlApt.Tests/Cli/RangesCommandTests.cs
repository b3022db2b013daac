using System.Text.Json;

namespace MlApt.Tests.Cli;

public class RangesCommandTests
{
    [Fact]
    public void Json_ListsIonsAndRangesWithComposition()
    {
        using var dir = new TempDir();
        var rrng = dir.File("r.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=2\nIon1=Ti\nIon2=N\n[Ranges]\nNumber=3\n"
            + "Range1=31.9 32.1 Vol:0.02 Ti:1 N:1 O:1 Color:FF0000\nRange2=23.9 24.1 Ti:1\nRange3=23.9 24.1 Ti:1\n");
        var r = CliRunner.Run("ranges", rrng, "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["Ti", "N"], root.GetProperty("ions").EnumerateArray().Select(e => e.GetString()));
        var ranges = root.GetProperty("ranges");
        Assert.Equal(2, ranges.GetArrayLength());
        var first = ranges[0];
        Assert.Equal(31.9, first.GetProperty("lo").GetDouble());
        Assert.Equal(32.1, first.GetProperty("hi").GetDouble());
        var composition = first.GetProperty("composition");
        Assert.Equal(1, composition.GetProperty("Ti").GetInt32());
        Assert.Equal(1, composition.GetProperty("N").GetInt32());
        Assert.Equal(1, composition.GetProperty("O").GetInt32());
        Assert.Equal(1, root.GetProperty("duplicates_merged").GetInt32());
    }

    [Fact]
    public void Table_ShowsRanges()
    {
        var path = SharedData.Require("cocrni/CoCrNi.rrng");
        var r = CliRunner.Run("ranges", path);
        Assert.Equal(0, r.Exit);
        Assert.Contains("17 ranges", r.Out, StringComparison.Ordinal);
        Assert.Contains("58.8300", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_HeadingKeepsALongPathOnOneLine()
    {
        // A table title wraps at the table's width; a long path used to split the "N ranges" count.
        using var dir = new TempDir();
        var deep = Directory.CreateDirectory(Path.Combine(dir.Path, new string('d', 90), new string('e', 60))).FullName;
        var rrng = Path.Combine(deep, "r.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=28.9 29.1 Ni:1\n");
        var r = CliRunner.Run("ranges", rrng);
        Assert.Equal(0, r.Exit);
        Assert.Contains($"{rrng}: 1 ranges, 1 species", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlap_IsReportedOnStderr()
    {
        using var dir = new TempDir();
        var rrng = dir.File("ov.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=2\nIon1=Ni\nIon2=Co\n[Ranges]\nNumber=2\nRange1=29.0 29.5 Ni:1\nRange2=29.4 29.6 Co:1\n");
        var r = CliRunner.Run("ranges", rrng);
        Assert.Equal(0, r.Exit);
        Assert.Contains("warning", r.Err, StringComparison.Ordinal);
        Assert.Contains("29.4", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRealRangeFile_LoadsThroughTheCli()
    {
        var dirPath = SharedData.Require("range-files");
        foreach (var f in Directory.GetFiles(dirPath).Where(f => !f.EndsWith("LICENSE", StringComparison.Ordinal)))
        {
            var r = CliRunner.Run("ranges", f, "--json");
            Assert.True(r.Exit == 0, $"{f}: {r.Err}");
        }
    }
}
