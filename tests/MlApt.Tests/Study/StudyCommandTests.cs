using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Tests.Cli;
using MlApt.Tests.Learning;
using MlApt.Specimens;

namespace MlApt.Tests.Study;

public class StudyCommandTests
{
    /// <summary>Five samples with controls: volume fraction rising with T, resistivity rising with the volume fraction.</summary>
    private static string Table(TempDir dir)
    {
        var csv = new StringBuilder("name,map,anneal T [K],resistivity [µΩ cm]\n");
        double[] vf = [0.020, 0.031, 0.039, 0.052, 0.060];
        for (var i = 0; i < vf.Length; i++)
        {
            StudyFiles.Map(dir.File($"m{i}"), ["Ni-Ni"], vf[i], controls: [0.005, 0.007, 0.006], domains: 3 + i, density: (3 + i) * 1e24,
                radius: 0.6 + 0.05 * i, radii: [0.5 + 0.05 * i, 0.6 + 0.05 * i, 0.7 + 0.05 * i]);
            csv.Append(CultureInfo.InvariantCulture, $"S{i},m{i},{600 + 100 * i},{100 + 2 * 100 * vf[i] + (i % 2 == 0 ? 0.1 : -0.1)}\n");
        }
        File.WriteAllText(dir.File("samples.csv"), csv.ToString());
        return dir.File("samples.csv");
    }

    [Fact]
    public void Study_WritesPlotsReportAndTables()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("study", "--table", Table(dir), "--property", "resistivity", "--out", outDir);
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "report.md", "relationships.csv", "metrics.csv", "ni-ni_csro_volume_fraction_vs_anneal_t.png", "resistivity_vs_ni-ni_csro_volume_fraction.png" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        // 4 metrics × (1 processing variable + 1 property) plots.
        Assert.Equal(8, Directory.GetFiles(outDir, "*.png").Length);
        var png = File.ReadAllBytes(Path.Combine(outDir, "resistivity_vs_ni-ni_csro_volume_fraction.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void Report_TableIsSortedAndLinksThePlots()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        Assert.Equal(0, CliRunner.Run("study", "-t", Table(dir), "-y", "resistivity [µΩ cm]", "-o", outDir).Exit);
        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        var rows = md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).ToList();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, l => Assert.Matches(@"\[plot\]\([^)]+\.png\) \|$", l));
        var csv = File.ReadAllLines(Path.Combine(outDir, "relationships.csv"));
        var header = csv[0].Split(',');
        var rcol = Array.IndexOf(header, "pearson_r");
        var strength = csv.Skip(1).Select(l => Math.Abs(double.Parse(SplitCsv(l)[rcol], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(strength.OrderByDescending(v => v), strength);
    }

    [Fact]
    public void Json_PrintsTheNumbersOfTheCsv()
    {
        using var dir = new TempDir();
        var outDir = dir.File("out");
        var r = CliRunner.Run("study", "--table", Table(dir), "--property", "resistivity", "--out", outDir, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var rels = doc.RootElement.GetProperty("relationships");
        var csv = File.ReadAllLines(Path.Combine(outDir, "relationships.csv")).Skip(1).Select(SplitCsv).ToList();
        Assert.Equal(csv.Count, rels.GetArrayLength());
        for (var i = 0; i < csv.Count; i++)
        {
            var j = rels[i];
            Assert.Equal(csv[i][4], j.GetProperty("y").GetProperty("name").GetString());
            Assert.Equal(double.Parse(csv[i][7], CultureInfo.InvariantCulture), j.GetProperty("fit").GetProperty("slope").GetDouble());
            Assert.Equal(double.Parse(csv[i][16], CultureInfo.InvariantCulture), j.GetProperty("pearson").GetProperty("p").GetDouble());
            Assert.Equal(double.Parse(csv[i][17], CultureInfo.InvariantCulture), j.GetProperty("spearman").GetProperty("rho").GetDouble());
        }
        Assert.Equal(5, doc.RootElement.GetProperty("samples").GetArrayLength());
    }

    [Fact]
    public void Json_VolumeFractionVersusTemperature_HasTheExpectedSlope()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("study", "--table", Table(dir), "--out", dir.File("out"), "--json");
        using var doc = JsonDocument.Parse(r.Out);
        var rel = doc.RootElement.GetProperty("relationships").EnumerateArray()
            .Single(x => x.GetProperty("y").GetProperty("name").GetString() == "Ni-Ni CSRO volume fraction" && x.GetProperty("x").GetProperty("name").GetString() == "anneal T");
        var fit = rel.GetProperty("fit");
        // Least squares of [2.0, 3.1, 3.9, 5.2, 6.0] % against T in steps of 100 K.
        Assert.Equal(0.0101, fit.GetProperty("slope").GetDouble(), 1e-12);
        Assert.InRange(0.0101, fit.GetProperty("slope_ci95_low").GetDouble(), fit.GetProperty("slope_ci95_high").GetDouble());
        Assert.Equal("K", rel.GetProperty("x").GetProperty("unit").GetString());
    }

    [Fact]
    public void NonNumericCell_ExitsTwoNamingRowAndColumnAndWritesNothing()
    {
        using var dir = new TempDir();
        var table = Table(dir);
        File.WriteAllText(table, File.ReadAllText(table).Replace("700,", "seven hundred,", StringComparison.Ordinal));
        var outDir = dir.File("out");
        var r = CliRunner.Run("study", "--table", table, "--out", outDir);
        CliRunner.AssertBadInput(r, "row 3, column 'anneal T [K]'", "'seven hundred' is not a number");
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void MissingMap_ExitsTwoNamingRowAndColumnAndWritesNothing()
    {
        using var dir = new TempDir();
        var table = Table(dir);
        Directory.Delete(dir.File("m3"), recursive: true);
        var outDir = dir.File("out");
        CliRunner.AssertBadInput(CliRunner.Run("study", "--table", table, "--out", outDir), "row 5, column 'map'", "does not exist");
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void DuplicateName_ExitsTwo()
    {
        using var dir = new TempDir();
        var table = Table(dir);
        File.WriteAllText(table, File.ReadAllText(table).Replace("S4,", "S1,", StringComparison.Ordinal));
        CliRunner.AssertBadInput(CliRunner.Run("study", "--table", table, "--out", dir.File("out")), "row 6, column 'name'", "duplicate sample name 'S1'");
    }

    [Fact]
    public void TwoSamples_ExitTwo()
    {
        using var dir = new TempDir();
        var table = Table(dir);
        File.WriteAllLines(table, File.ReadAllLines(table).Take(3));
        CliRunner.AssertBadInput(CliRunner.Run("study", "--table", table, "--out", dir.File("out")), "needs at least 3 samples");
    }

    [Fact]
    public void MissingTable_ExitsTwo() =>
        CliRunner.AssertBadInput(CliRunner.Run("study", "--table", "/nonexistent/samples.csv", "--out", "/tmp/never"), "does not exist");

    [Fact]
    public void MissingOut_IsRefused() =>
        CliRunner.AssertBadInput(CliRunner.Run("study", "--table", "samples.csv"), "--out is required");

    [Fact]
    public void RealMaps_FromTheMapCommand_AreStudied()
    {
        // Three small specimens with growing L1₂ domains mapped by the real pipeline, then studied.
        using var dir = new TempDir();
        var rrng = dir.File("s.rrng");
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05), KerasTestFiles.RandomWeights(arch, 2, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        var csv = new StringBuilder("name,map,domain radius set [nm]\n");
        double[] radii = [0.8, 1.2, 1.6];
        for (var i = 0; i < radii.Length; i++)
        {
            var pos = dir.File($"s{i}.pos");
            IonFile.Write(pos, DemoSpecimen.Generate((5, 5, 6), 5 + i, [(0, 0, -3, radii[i])], "Ni"));
            var r = CliRunner.Run("map", pos, "--ranges", rrng, "--pair", "Ni-Ni", "--model", model, "--box", "-2,2,-2,2,-5,-1",
                "--control", "2", "--out", dir.File($"map{i}"), "--json");
            Assert.True(r.Exit == 0, r.Err);
            csv.Append(CultureInfo.InvariantCulture, $"S{i},map{i},{radii[i]}\n");
        }
        File.WriteAllText(dir.File("samples.csv"), csv.ToString());
        var s = CliRunner.Run("study", "--table", dir.File("samples.csv"), "--out", dir.File("study"), "--json");
        Assert.True(s.Exit == 0, s.Err);
        using var doc = JsonDocument.Parse(s.Out);
        var first = doc.RootElement.GetProperty("samples")[0];
        var vf = first.GetProperty("values").GetProperty("Ni-Ni CSRO volume fraction [%]");
        Assert.Equal("csro", vf.GetProperty("role").GetString());
        Assert.Equal(2, first.GetProperty("analyses")[0].GetProperty("control_permutations").GetInt32());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("map0"), "summary.json")));
        Assert.Equal(100 * summary.RootElement.GetProperty("csro_volume_fraction").GetDouble(), vf.GetProperty("value").GetDouble(), 12);
        Assert.True(File.Exists(dir.File("study/report.md")));
    }

    private static string[] SplitCsv(string line) => MlApt.Study.CsvText.Split(line, ',')!.ToArray();
}

public class StudyHelpTests
{
    [Fact]
    public void Help_DescribesEveryOption()
    {
        var r = CliRunner.Run("study", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--table", "--property", "--out", "--json", "--verbose" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelp_ListsStudy() =>
        Assert.Contains("study", CliRunner.Run("--help").Out, StringComparison.Ordinal);
}
