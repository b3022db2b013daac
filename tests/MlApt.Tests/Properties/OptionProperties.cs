using CsCheck;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Specimens;
using MlApt.Tests.Cli;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Properties;

/// <summary>
/// Property-based tests of option validation (CsCheck): a random bad value of any one option of <c>map</c> is
/// refused before any work with exit code 2 and one line naming that option; nothing is written.
/// </summary>
public class OptionProperties
{
    /// <summary>Values no numeric option accepts, and values outside each option's range.</summary>
    private static readonly Gen<string> NotANumber = Gen.OneOf("NaN", "Infinity", "-Infinity", "abc", "1,5", "1e999", "", "--", "0x10");

    private static readonly Gen<(string Option, string Value)> BadOptions = Gen.OneOf(
        Gen.Select(Gen.OneOf("--voxel", "--stride", "--threshold", "--domain-fraction"), NotANumber),
        Gen.Double[-1e6, 0].Select(v => ("--voxel", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Double[-1e6, -1e-9].Select(v => ("--stride", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Double[1, 1e6].Select(v => ("--domain-fraction", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Double[8, 1e9].Select(v => ("--threshold", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Double[-1e9, -1e-9].Select(v => ("--threshold", v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Int[int.MinValue, -1].Select(v => ("--min-domain", v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Int[1001, int.MaxValue].Select(v => ("--control", v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.OneOf("x", "1/0", "2/2", "-1/3", "1/2/3").Select(v => ("--slab", v)),
        Gen.OneOf("fast", "sums", "").Select(v => ("--rule", v)),
        Gen.Select(Gen.Double[-100, 100].Array[0, 8], Gen.Bool).Select((v, swap) => ("--box", BadBox(v, swap))));

    // Six numbers with a min above its max, or any other count of numbers.
    private static string BadBox(double[] v, bool swap)
    {
        if (v.Length == 6 && !swap)
            (v[0], v[1]) = (Math.Max(v[0], v[1]) + 1, Math.Min(v[0], v[1]));
        else if (v.Length == 6)
            v[5] = v[4] - 1;
        return string.Join(",", v.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_bad_value_of_any_map_option_is_refused_naming_it()
    {
        using var dir = new TempDir();
        var pos = dir.File("s.pos");
        var rrng = dir.File("s.rrng");
        IonFile.Write(pos, DemoSpecimen.Generate((3, 3, 3), 5));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        var arch = CnnArchitecture.Reference(1);
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        var n = 0;
        BadOptions.Sample(bad =>
        {
            var outDir = dir.File($"out{Interlocked.Increment(ref n)}");
            var r = CliRunner.Run("map", pos, "-r", rrng, "-p", "Ni-Ni", "-m", model, "-o", outDir, bad.Option, bad.Value);
            Assert.True(r.Exit == 2, $"{bad.Option} '{bad.Value}': exit {r.Exit}: {r.Err}");
            var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, r.Err);
            Assert.StartsWith("mlapt: ", lines[0], StringComparison.Ordinal);
            Assert.Contains(bad.Option == "--rule" ? "rule" : bad.Option.TrimStart('-'), lines[0], StringComparison.Ordinal);
            Assert.False(Directory.Exists(outDir), $"{bad.Option} '{bad.Value}' wrote {outDir}");
        }, iter: 60, threads: 1);
    }
}
