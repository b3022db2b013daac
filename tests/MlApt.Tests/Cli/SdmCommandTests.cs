using System.Globalization;
using System.Text.Json;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Cli;

public class SdmCommandTests
{
    private sealed record Example(string Pos, string Rrng, IonCloud Cloud, RangeTable Table);

    private static Example Make(TempDir dir, int seed = 11)
    {
        var pos = dir.File("ex.pos");
        var rrng = dir.File("ex.rrng");
        var cloud = DemoSpecimen.Generate((4, 4, 4), seed);
        IonFile.Write(pos, cloud);
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        return new Example(pos, rrng, IonFile.Read(pos), RangeTable.Load(rrng));
    }

    private static double[][] ReadRows(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(',').Select(v => v == "nan" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    /// <summary>The literal METHOD §2/§3 definition for one centre.</summary>
    private static double[] BruteForce(Example ex, string a, string b, double cx, double cy, double cz, double radius)
    {
        var species = ex.Table.Assign(ex.Cloud);
        var (ax, ay, az) = ElementPair.Positions(ex.Cloud, species, ex.Table, a);
        var (bx, by, bz) = ElementPair.Positions(ex.Cloud, species, ex.Table, b);
        static (List<double>, List<double>, List<double>) Sphere(double[] x, double[] y, double[] z, double cx, double cy, double cz, double r)
        {
            List<double> sx = [], sy = [], sz = [];
            for (var i = 0; i < x.Length; i++)
            {
                double dx = x[i] - cx, dy = y[i] - cy, dz = z[i] - cz;
                if (dx * dx + dy * dy + dz * dz <= r * r) { sx.Add(x[i]); sy.Add(y[i]); sz.Add(z[i]); }
            }
            return (sx, sy, sz);
        }
        var (sax, say, saz) = Sphere(ax, ay, az, cx, cy, cz, radius);
        var (sbx, sby, sbz) = Sphere(bx, by, bz, cx, cy, cz, radius);
        var full = new long[200];
        for (var i = 0; i < sax.Count; i++)
        {
            for (var j = 0; j < sbx.Count; j++)
            {
                double dx = sbx[j] - sax[i], dy = sby[j] - say[i], dz = sbz[j] - saz[i];
                if (dx * dx + dy * dy + dz * dz > 1.5 * 1.5 || dx == 0 || dz == 0) continue;
                if (dz < -1.5 || dz >= 1.5 || dx < -1.5 || dx >= 1.5) continue;
                full[(int)((dz - (-1.5)) * (1.0 / 3.0) * 200.0)]++;
            }
        }
        return full.Skip(54).Take(93).Select(v => (double)v).ToArray();
    }

    [Theory]
    [InlineData("Ni-Ni", 0.75)]
    [InlineData("Co-Cr", 0.75)]
    [InlineData("Cr-Cr", 1.0)]
    public void Zsdm_Raw_EqualsBruteForce(string pair, double radius)
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "x,y,z\n0,0,-2\n0.5,-0.5,-1.5\n1,1,-3\n# far away\n50,50,50\n");
        var outCsv = dir.File("o.csv");
        var r = CliRunner.Run("zsdm", ex.Pos, "--ranges", ex.Rrng, "--pair", pair, "--centers", centres,
            "--stage", "raw", "--out", outCsv, "--radius", radius.ToString(CultureInfo.InvariantCulture));
        Assert.True(r.Exit == 0, r.Err);
        var rows = ReadRows(outCsv);
        Assert.Equal(4, rows.Length);
        Assert.All(rows, row => Assert.Equal(93, row.Length));
        var parts = pair.Split('-');
        double[][] points = [[0, 0, -2], [0.5, -0.5, -1.5], [1, 1, -3], [50, 50, 50]];
        for (var c = 0; c < points.Length; c++)
            Assert.Equal(BruteForce(ex, parts[0], parts[1], points[c][0], points[c][1], points[c][2], radius), rows[c]);
        Assert.True(rows[0].Sum() > 0);
    }

    [Fact]
    public void Zsdm_Normalized_IsMinMaxOfRaw_AndUndefinedIsNan()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "0 0 -2\n50 50 50\n");
        var raw = dir.File("raw.csv");
        var norm = dir.File("norm.csv");
        Assert.Equal(0, CliRunner.Run("zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "-c", centres, "--stage", "raw", "-o", raw).Exit);
        var r = CliRunner.Run("zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "-c", centres, "--stage", "normalized", "-o", norm);
        Assert.Equal(0, r.Exit);
        Assert.Contains("1 undefined", r.Err, StringComparison.Ordinal);
        var (rawRow, normRows) = (ReadRows(raw)[0], ReadRows(norm));
        double min = rawRow.Min(), max = rawRow.Max();
        Assert.Equal(rawRow.Select(v => (v - min) / (max - min)), normRows[0]);
        Assert.All(normRows[1], v => Assert.True(double.IsNaN(v)));
        Assert.Contains("nan", File.ReadAllLines(norm)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Zsdm_Preprocessed_MatchesLibrary()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "0,0,-2\n");
        var outCsv = dir.File("p.csv");
        Assert.Equal(0, CliRunner.Run("zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "-c", centres, "-o", outCsv).Exit);
        var raw = BruteForce(ex, "Ni", "Ni", 0, 0, -2, 0.75);
        var expected = new double[93];
        Assert.True(Preprocessing.Apply(raw, expected, SdmStage.Preprocessed));
        Assert.Equal(expected, ReadRows(outCsv)[0]);
    }

    [Fact]
    public void Zsdm_UnknownElement_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "0,0,-2\n");
        CliRunner.AssertBadInput(CliRunner.Run("zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Fe-Fe", "-c", centres, "-o", dir.File("o.csv")),
            "Fe", "ex.rrng");
        Assert.False(File.Exists(dir.File("o.csv")));
    }

    [Theory]
    [InlineData("--stage", "smooth", "--stage")]
    [InlineData("--pair", "NiNi", "Ni-Ni")]
    [InlineData("--radius", "-1", "--radius")]
    public void Zsdm_BadOption_IsOneLineExit2(string option, string value, string expected)
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "0,0,-2\n");
        string[] args = ["zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "-c", centres, "-o", dir.File("o.csv")];
        var i = Array.IndexOf(args, option == "--pair" ? "-p" : option);
        args = i >= 0 ? args.Select((a, k) => k == i + 1 ? value : a).ToArray() : [.. args, option, value];
        CliRunner.AssertBadInput(CliRunner.Run(args), expected);
        Assert.False(File.Exists(dir.File("o.csv")));
    }

    [Fact]
    public void Zsdm_BadCentresLine_NamesLine()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var centres = dir.File("c.csv");
        File.WriteAllText(centres, "0,0,-2\n1,x,2\n");
        CliRunner.AssertBadInput(CliRunner.Run("zsdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "-c", centres, "-o", dir.File("o.csv")),
            "c.csv", "line 2");
    }

    [Fact]
    public void Zsdm_MissingRanges_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("zsdm", ex.Pos, "-p", "Ni-Ni", "-c", "c.csv", "-o", "o.csv"), "--ranges");
    }

    [Fact]
    public void Sdm_WritesCsvPngJson_WithConsistentCounts()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        var outDir = Path.Combine(dir.Path, "out");
        var r = CliRunner.Run("sdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "--box", "-1,1,-1,1,-3,-1", "-o", outDir);
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "zsdm.csv", "zsdm.png", "sdm2d.csv", "sdm2d.png", "sdm.json" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(Path.Combine(outDir, "zsdm.png"))[..4]);

        var zLines = File.ReadAllLines(Path.Combine(outDir, "zsdm.csv"));
        Assert.Equal(201, zLines.Length);
        var zCounts = zLines.Skip(1).Select(l => long.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        var sdm2 = File.ReadAllLines(Path.Combine(outDir, "sdm2d.csv")).Select(l => l.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(200, sdm2.Length);
        Assert.All(sdm2, row => Assert.Equal(200, row.Length));
        // Every z-SDM pair has a Δx bin too (both are half-open on [-1.5, 1.5)), so rows sum to the z-SDM.
        for (var k = 0; k < 200; k++)
            Assert.Equal(zCounts[k], sdm2[k].Sum());

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "sdm.json")));
        var root = doc.RootElement;
        Assert.Equal(zCounts.Sum(), root.GetProperty("pairs_in_zsdm").GetInt64());
        Assert.Equal(64, root.GetProperty("provenance").GetProperty("reconstruction_sha256").GetString()!.Length);
    }

    [Fact]
    public void Sdm_RegionZsdm_EqualsBruteForceOverRegionCentres()
    {
        using var dir = new TempDir();
        var ex = Make(dir, seed: 4);
        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliRunner.Run("sdm", ex.Pos, "-r", ex.Rrng, "-p", "Co-Ni", "--box", "-1,1,-1,1,-3,-1", "-o", outDir).Exit);
        var species = ex.Table.Assign(ex.Cloud);
        var (ax, ay, az) = ElementPair.Positions(ex.Cloud, species, ex.Table, "Co");
        var (bx, by, bz) = ElementPair.Positions(ex.Cloud, species, ex.Table, "Ni");
        var expected = new long[200];
        for (var i = 0; i < ax.Length; i++)
        {
            if (ax[i] < -1 || ax[i] > 1 || ay[i] < -1 || ay[i] > 1 || az[i] < -3 || az[i] > -1) continue;
            var one = new long[200];
            ZSdm.AccumulatePairs([ax[i]], [ay[i]], [az[i]], bx, by, bz, 1.5, one);
            for (var k = 0; k < 200; k++) expected[k] += one[k];
        }
        var actual = File.ReadAllLines(Path.Combine(outDir, "zsdm.csv")).Skip(1)
            .Select(l => long.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Sdm_BadBox_IsOneLineExit2()
    {
        using var dir = new TempDir();
        var ex = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run("sdm", ex.Pos, "-r", ex.Rrng, "-p", "Ni-Ni", "--box", "1,0,0,1,0,1", "-o", dir.File("o")), "--box");
        Assert.False(Directory.Exists(dir.File("o")));
    }
}
