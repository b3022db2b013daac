using System.Globalization;
using System.Text;
using CsCheck;
using MlApt.Io;
using MlApt.Tests.Cli;

namespace MlApt.Tests.Properties;

/// <summary>
/// Property-based tests of the readers (CsCheck): random valid files round-trip exactly; random corruptions of
/// valid files are read or refused with exit code 2 and one line naming the file, never anything else.
/// CsCheck prints the seed of a failing case (with the smallest input it shrank to) to replay it.
/// </summary>
public class ReaderProperties
{
    private const int Iterations = 40;

    private static readonly Gen<float> Coordinate = Gen.Float[-500f, 500f];
    private static readonly Gen<float> Mass = Gen.Float[0.5f, 300f];

    /// <summary>Clouds of 1 … 60 ions with finite coordinates and masses.</summary>
    private static readonly Gen<IonCloud> Clouds =
        Gen.Select(Coordinate, Coordinate, Coordinate, Mass).Array[1, 60].Select(ions =>
            new IonCloud(ions.Select(i => i.Item1).ToArray(), ions.Select(i => i.Item2).ToArray(),
                ions.Select(i => i.Item3).ToArray(), ions.Select(i => i.Item4).ToArray()));

    public static TheoryData<string> IonExtensions => new() { ".pos", ".epos", ".apt", ".csv" };

    [Theory]
    [MemberData(nameof(IonExtensions))]
    public void Random_valid_reconstructions_round_trip_exactly(string extension)
    {
        using var dir = new TempDir();
        var n = 0;
        Clouds.Sample(cloud =>
        {
            var path = dir.File($"c{Interlocked.Increment(ref n)}{extension}");
            IonFile.Write(path, cloud);
            var back = IonFile.Read(path);
            Assert.Equal(cloud.Count, back.Count);
            Assert.Equal(cloud.X, back.X);
            Assert.Equal(cloud.Y, back.Y);
            Assert.Equal(cloud.Z, back.Z);
            Assert.Equal(cloud.M, back.M);
        }, iter: Iterations, threads: 1);
    }

    /// <summary>A valid file with bytes overwritten, cut short or extended by random bytes.</summary>
    private static readonly Gen<(int Kind, int Position, byte[] Bytes)> Corruptions =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 24]);

    private static byte[] Corrupt(byte[] valid, (int Kind, int Position, byte[] Bytes) c)
    {
        var at = c.Position % Math.Max(1, valid.Length);
        switch (c.Kind)
        {
            case 0: // overwrite
                var o = (byte[])valid.Clone();
                for (var i = 0; i < c.Bytes.Length && at + i < o.Length; i++) o[at + i] = c.Bytes[i];
                return o;
            case 1: // cut short
                return valid[..at];
            default: // insert
                return [.. valid[..at], .. c.Bytes, .. valid[at..]];
        }
    }

    [Theory]
    [MemberData(nameof(IonExtensions))]
    public void Corrupted_reconstructions_are_read_or_refused_with_one_line(string extension)
    {
        using var dir = new TempDir();
        var valid = dir.File("valid" + extension);
        IonFile.Write(valid, new IonCloud([1f, -2.5f, 3.25f], [0f, 4f, -1f], [-10f, -11.5f, -12f], [58.9f, 29.5f, 52f]));
        var bytes = File.ReadAllBytes(valid);
        var n = 0;
        Corruptions.Sample(c =>
        {
            var path = dir.File($"bad{Interlocked.Increment(ref n)}{extension}");
            File.WriteAllBytes(path, Corrupt(bytes, c));
            AssertReadOrRefused(CliRunner.Run("info", path, "--json"), Path.GetFileName(path));
        }, iter: Iterations, threads: 1);
    }

    /// <summary>Range files of 1 … 8 non-overlapping ranges of random elements and molecular ions.</summary>
    private static readonly Gen<(string Name, double Lo, double Width)[]> RangeSets =
        Gen.Select(Gen.OneOf("Ni", "Co", "Cr", "H", "O", "TiN", "CrO", "Al"), Gen.Int[1, 2000], Gen.Int[1, 40]).Array[1, 8]
            .Select(rs =>
            {
                // Lay the ranges out one after another (0.01 Da resolution) so that none overlaps.
                var result = new (string, double, double)[rs.Length];
                var at = 1.0;
                for (var i = 0; i < rs.Length; i++)
                {
                    at += rs[i].Item2 / 100.0;
                    result[i] = (rs[i].Item1, Math.Round(at, 2), rs[i].Item3 / 100.0);
                    at += rs[i].Item3 / 100.0 + 0.01;
                }
                return result;
            });

    // Range-file notation in the order the element names are written (as a user writes them).
    private static readonly Dictionary<string, string> Notation = new()
    {
        ["Ni"] = "Ni:1", ["Co"] = "Co:1", ["Cr"] = "Cr:1", ["H"] = "H:1", ["O"] = "O:1", ["Al"] = "Al:1",
        ["TiN"] = "Ti:1 N:1", ["CrO"] = "Cr:1 O:1",
    };

    private static string Rrng((string Name, double Lo, double Width)[] ranges)
    {
        var names = ranges.Select(r => r.Name).Distinct().ToList();
        var sb = new StringBuilder("[Ions]\n").Append(CultureInfo.InvariantCulture, $"Number={names.Count}\n");
        for (var i = 0; i < names.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"Ion{i + 1}={names[i]}\n");
        sb.Append("[Ranges]\n").Append(CultureInfo.InvariantCulture, $"Number={ranges.Length}\n");
        for (var i = 0; i < ranges.Length; i++)
        {
            var (name, lo, w) = ranges[i];
            var parts = Notation[name];
            sb.Append(CultureInfo.InvariantCulture, $"Range{i + 1}={lo:F4} {lo + w:F4} Vol:0.01 {parts} Color:FF0000\n");
        }
        return sb.ToString();
    }

    private static string Env((string Name, double Lo, double Width)[] ranges)
    {
        var names = ranges.Select(r => r.Name).Distinct().ToList();
        var sb = new StringBuilder("# written by a test\nRev_2.0\n").Append(CultureInfo.InvariantCulture, $"{names.Count} {ranges.Length}\n");
        foreach (var n in names) sb.Append(n).Append(" 0 1 0\n");
        foreach (var (name, lo, w) in ranges) sb.Append(CultureInfo.InvariantCulture, $"{name} {lo:F4} {lo + w:F4} 10 1\n");
        return sb.ToString();
    }

    // RNG: one column per element, in the order the names first write them; a range counts each of its elements.
    private static string Rng((string Name, double Lo, double Width)[] ranges)
    {
        var elements = ranges.SelectMany(r => Notation[r.Name].Split(' ').Select(p => p.Split(':')[0])).Distinct().ToList();
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{elements.Count} {ranges.Length}\n");
        foreach (var e in elements) sb.Append(e).Append('\n').Append(e).Append(" 0.50 0.25 1.00\n");
        sb.Append("-------------");
        foreach (var e in elements) sb.Append(' ').Append(e);
        sb.Append('\n');
        foreach (var (name, lo, w) in ranges)
        {
            var parts = Notation[name].Split(' ').Select(p => p.Split(':')[0]).ToHashSet();
            sb.Append(CultureInfo.InvariantCulture, $". {lo:F4} {lo + w:F4}");
            foreach (var e in elements) sb.Append(parts.Contains(e) ? " 1" : " 0");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static List<string> Elements(string name) => Notation[name].Split(' ').Select(p => p.Split(':')[0]).ToList();

    private static string RngName((string Name, double Lo, double Width)[] ranges, string name)
    {
        var columns = ranges.SelectMany(r => Elements(r.Name)).Distinct();
        return string.Concat(columns.Where(Elements(name).Contains));
    }

    private static string RangeText(string extension, (string Name, double Lo, double Width)[] ranges) => extension switch
    {
        ".rrng" => Rrng(ranges),
        ".rng" => Rng(ranges),
        _ => Env(ranges),
    };

    private static RangeFileKind KindOf(string extension) => extension switch
    {
        ".rrng" => RangeFileKind.Rrng,
        ".rng" => RangeFileKind.Rng,
        _ => RangeFileKind.Env,
    };

    public static TheoryData<string> RangeExtensions => new() { ".rrng", ".rng", ".env" };

    [Theory]
    [MemberData(nameof(RangeExtensions))]
    public void Random_valid_range_files_round_trip(string extension)
    {
        RangeSets.Sample(ranges =>
        {
            var text = RangeText(extension, ranges);
            var table = RangeTable.Parse(text, "r" + extension, KindOf(extension), new RangeOptions(Strict: true));
            Assert.Equal(ranges.Length, table.Ranges.Count);
            for (var i = 0; i < ranges.Length; i++)
            {
                var r = table.Ranges[i];
                Assert.Equal(Math.Round(ranges[i].Lo, 4), r.Lo, 9);
                Assert.Equal(Math.Round(ranges[i].Lo + ranges[i].Width, 4), r.Hi, 9);
                // Named as written: TiN, CrO (RNG writes a compound through its element columns, so their order names it).
                Assert.Equal(extension == ".rng" ? RngName(ranges, ranges[i].Name) : ranges[i].Name, r.Composition.Name);
            }
            Assert.Empty(table.Overlaps);
            Assert.Empty(table.Warnings);
        }, iter: Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(RangeExtensions))]
    public void Corrupted_range_files_are_read_or_refused_with_one_line(string extension)
    {
        using var dir = new TempDir();
        var bytes = Encoding.UTF8.GetBytes(extension == ".env"
            ? Env([("Ni", 57.9, 0.2), ("CrO", 67.9, 0.1)])
            : RangeText(extension, [("Ni", 57.9, 0.2), ("TiN", 61.9, 0.1), ("H", 1.0, 0.1)]));
        var n = 0;
        Corruptions.Sample(c =>
        {
            var path = dir.File($"bad{Interlocked.Increment(ref n)}{extension}");
            File.WriteAllBytes(path, Corrupt(bytes, c));
            AssertReadOrRefused(CliRunner.Run("ranges", path, "--json"), Path.GetFileName(path));
        }, iter: Iterations, threads: 1);
    }

    /// <summary>Exit 0, or exit 2 with one line on stderr naming the file and no control characters.</summary>
    internal static void AssertReadOrRefused(CliRunner.Result r, string fileName)
    {
        if (r.Exit == 0)
            return;
        Assert.True(r.Exit == 2, $"exit {r.Exit}: {r.Err}");
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, r.Err);
        Assert.StartsWith("mlapt: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(fileName, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[0].TrimEnd('\r'), char.IsControl);
    }
}
