using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Specimens;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

/// <summary>
/// Bad input and hostile conditions found by trying mlapt as a user would: each gives one line and exit 2 (or a
/// whole result), never a stack trace, a half-written folder or a silently different answer.
/// </summary>
public class HardeningTests
{
    private sealed record Inputs(string Pos, string Rrng, string Model);

    private static Inputs Make(TempDir dir, int channels = 1, IonCloud? cloud = null)
    {
        var pos = dir.File("s.pos");
        var rrng = dir.File("s.rrng");
        IonFile.Write(pos, cloud ?? DemoSpecimen.Generate((5, 5, 6), 5, [(0, 0, -3, 1.5)], "Ni"));
        File.WriteAllText(rrng, DemoSpecimen.RangeFile());
        var arch = CnnArchitecture.Reference(channels);
        var members = new[] { KerasTestFiles.RandomWeights(arch, 1, 0.05), KerasTestFiles.RandomWeights(arch, 2, 0.05) };
        var pairs = channels == 1 ? new[] { "Ni-Ni" } : new[] { "Ni-Ni", "Co-Co" };
        var model = dir.File("m.safetensors");
        ModelFile.Save(model, new CnnEnsemble(arch, members, ["FCC", "CSRO"], pairs));
        return new Inputs(pos, rrng, model);
    }

    private static string[] Map(Inputs i, string outDir, params string[] more) =>
        ["map", i.Pos, "-r", i.Rrng, "-p", "Ni-Ni", "-m", i.Model, "-o", outDir, .. more];

    private static string[] Leftovers(string parent) =>
        Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).Where(n => n.Contains(".mlapt", StringComparison.Ordinal)).ToArray();

    /// <summary>D1: one stray ion far below the specimen leaves slices with no analysed voxel; they plot empty.</summary>
    [Fact]
    public void D1_a_stray_ion_far_away_gives_a_whole_map_with_empty_slices()
    {
        using var dir = new TempDir();
        var c = DemoSpecimen.Generate((5, 5, 6), 5, [(0, 0, -3, 1.5)], "Ni");
        float[] Append(float[] a, float v) => [.. a, v];
        var stray = new IonCloud(Append(c.X, 0), Append(c.Y, 0), Append(c.Z, -60), Append(c.M, c.M[0]));
        var inp = Make(dir, cloud: stray);
        var r = CliRunner.Run(Map(inp, dir.File("out"), "--rule", "mean", "--json"));
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "summary.json", "slice_xy.png", "slice_xz.png", "slice_yz.png", "projection_max_xz.png", "domain_sizes.png" })
            Assert.True(File.Exists(Path.Combine(dir.File("out"), f)), f);
    }

    /// <summary>D1: a model with NaN weights gives NaN everywhere: still a whole folder, the fraction undefined.</summary>
    [Fact]
    public void D1_a_model_giving_NaN_everywhere_gives_a_whole_folder()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var arch = CnnArchitecture.Reference(1);
        var w = KerasTestFiles.RandomWeights(arch, 1, 0.05);
        Array.Fill(w.ConvBias, float.NaN);
        ModelFile.Save(inp.Model, new CnnEnsemble(arch, [w], ["FCC", "CSRO"], ["Ni-Ni"]));
        var r = CliRunner.Run(Map(inp, dir.File("out"), "--box", "-2,2,-2,2,-5,-1", "--control", "1"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "real_vs_control.png")));
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "summary.json")));
    }

    /// <summary>D2: a failed rerun into a good folder leaves it exactly as it was, with no temporary files.</summary>
    [Fact]
    public void D2_a_failed_rerun_leaves_the_previous_folder_untouched()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var outDir = dir.File("out");
        var ok = CliRunner.Run(Map(inp, outDir, "--box", "-2,2,-2,2,-5,-1"));
        Assert.True(ok.Exit == 0, ok.Err);
        var before = Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        // Fails after the folder was opened: the box lies outside the data (known only once the ions are read).
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, outDir, "--box", "100,110,0,10,0,10")), "--box", "outside the data");
        var after = Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[name]), name);
        Assert.Empty(Leftovers(dir.Path));
        Assert.DoesNotContain(Directory.GetFiles(outDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    /// <summary>D2/D3: a cancelled run (Ctrl-C) leaves nothing behind and says so.</summary>
    [Fact]
    public void D2_a_cancelled_run_leaves_nothing()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        using var o = new StringWriter();
        using var e = new StringWriter();
        var exit = MlApt.Cli.MlAptApp.Run(Map(inp, dir.File("out"), "--box", "-2,2,-2,2,-5,-1"), o, e, stop.Token);
        Assert.Equal(MlApt.Cli.MlAptApp.Cancelled, exit);
        Assert.Contains("cancelled", e.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.Empty(Leftovers(dir.Path));
    }

    /// <summary>D3: a second run into a folder in use is refused, naming the owner.</summary>
    [Fact]
    public void D3_a_second_run_into_a_folder_in_use_is_refused()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        using var first = OutputFolder.Begin(dir.File("out"), "--out");
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"))), "--out", "another mlapt run", $"process {Environment.ProcessId}");
    }

    public static TheoryData<string[], string> D4Options => new()
    {
        { ["--voxel", "Infinity"], "--voxel" },
        { ["--voxel", "0.002", "--stride", "0.001"], "over the limit" },
        { ["--voxel", "0.5", "--stride", "0.5"], "the default threshold" }, // the sum of one covering voxel cannot exceed 3.75
        { ["--box", "-1000,1000,-1000,1000,-2000,1000"], "--box" },
    };

    /// <summary>D4: grid sizes are checked before computing.</summary>
    [Theory]
    [MemberData(nameof(D4Options))]
    public void D4_absurd_grids_are_refused_up_front(string[] options, string fragment)
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), options)), fragment);
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.Empty(Leftovers(dir.Path));
    }

    [Theory]
    [InlineData("1e30", "over the limit")]
    [InlineData("1e39", "float32")]
    public void D4_huge_coordinates_in_a_file_are_refused_naming_the_file(string x, string fragment)
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var csv = dir.File("big.csv");
        File.WriteAllText(csv, $"x,y,z,m\n0,0,0,58.9\n{x},0,0,58.9\n1,1,1,58.9\n");
        var r = CliRunner.Run("map", csv, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out"));
        CliRunner.AssertBadInput(r, "big.csv", fragment);
        // The automatic box is not blamed on an option that was not given (D9).
        Assert.DoesNotContain("mlapt: --box", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void D4_an_apt_file_with_no_ions_is_refused()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var apt = dir.File("empty.apt");
        AptFormat.Write(apt, new IonCloud([], [], [], []));
        CliRunner.AssertBadInput(CliRunner.Run("map", apt, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out")), "empty.apt", "no ions");
    }

    [Fact]
    public void D4_an_endless_or_huge_range_file_is_refused_without_reading_it_whole()
    {
        using var dir = new TempDir();
        var big = dir.File("big.rrng");
        using (var f = File.Create(big))
            f.SetLength(RangeTable.MaxFileBytes + 1);
        CliRunner.AssertBadInput(CliRunner.Run("ranges", big), "big.rrng", "not a range file");
        if (OperatingSystem.IsLinux())
            CliRunner.AssertBadInput(CliRunner.Run("ranges", "/dev/zero"), "/dev/zero", "not a range file");
    }

    /// <summary>D5: a spreadsheet's decimal-comma CSV is read as meant.</summary>
    [Fact]
    public void D5_a_decimal_comma_csv_is_read_as_meant()
    {
        using var dir = new TempDir();
        var csv = dir.File("dc.csv");
        File.WriteAllText(csv, "x;y;z;m\n-2,37;-2,83;0,02;29,47\n1;2,5;3.25;58,9\n");
        var cloud = IonFile.Read(csv);
        Assert.Equal([-2.37, 1], cloud.Text!.X);
        Assert.Equal([-2.83, 2.5], cloud.Text.Y);
        Assert.Equal([0.02, 3.25], cloud.Text.Z);
        Assert.Equal([29.47, 58.9], cloud.Text.M);
        File.WriteAllText(csv, "x;y;z;m\n-2,37;-2,83;0,0,2;29,47\n");
        CliRunner.AssertBadInput(CliRunner.Run("info", csv), "dc.csv", "line 2", "column 3");
    }

    /// <summary>D6: a bad --out is found before the work, with a plain message.</summary>
    [Fact]
    public void D6_a_bad_out_is_refused_before_computing()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, inp.Pos)), "--out", "is a file");
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, Path.Combine(inp.Pos, "sub"))), "--out", "lies under the file");
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.Path)), "--out", "other files");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--bank", dir.File("none.npz"), "--out", dir.Path), "--out", "is a folder");
    }

    /// <summary>D7: a run that needs more memory than the limit gives is refused up front with the figures.</summary>
    [Fact]
    public void D7_a_run_beyond_the_memory_limit_is_refused_with_a_clear_line()
    {
        var mlapt = Path.Combine(AppContext.BaseDirectory, "mlapt.dll");
        Assert.SkipUnless(File.Exists(mlapt), $"{mlapt} not built beside the tests");
        using var dir = new TempDir();
        var inp = Make(dir);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])[mlapt, .. Map(inp, dir.File("out"), "--box", "-100,100,-100,100,-200,0")])
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000"; // 256 MiB
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 2, err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("--box", lines[0], StringComparison.Ordinal);
        Assert.Contains("GiB of memory", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Theory]
    [InlineData("mean", "3.75", "--threshold", "sum rule's scale")]
    [InlineData("mean", "-1", "--threshold", "negative")]
    [InlineData("sum", "8", "--threshold", "0 ≤ threshold < 8")]
    public void D8_a_threshold_outside_its_rules_range_is_refused(string rule, string threshold, string option, string fragment)
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), "--rule", rule, "--threshold", threshold)), option, fragment);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    /// <summary>Found by the property suite: the parser took an empty value of an optional option as "not given".</summary>
    [Theory]
    [InlineData("--threshold")]
    [InlineData("--domain-fraction")]
    [InlineData("--min-domain")]
    public void An_empty_option_value_is_refused_not_taken_as_the_default(string option)
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), option, "")), option, "expected a value");
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), option + "=")), option, "expected a value");
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), option, "abc")), option, "'abc': expected a number");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void D8_a_negative_smallest_domain_is_refused()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        CliRunner.AssertBadInput(CliRunner.Run(Map(inp, dir.File("out"), "--min-domain", "-1")), "--min-domain");
    }

    [Fact]
    public void D9_an_automatic_box_smaller_than_a_voxel_is_not_blamed_on_box()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var csv = dir.File("tiny.csv");
        File.WriteAllText(csv, "x,y,z,m\n0,0,0,58.9\n0.1,0.1,0.1,58.9\n0.2,0,0.1,58.9\n");
        var r = CliRunner.Run("map", csv, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out"));
        CliRunner.AssertBadInput(r, "bounding box", "smaller than one voxel");
        Assert.DoesNotContain("--box:", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void D9_declared_count_mismatches_are_shown_outside_strict_mode()
    {
        using var dir = new TempDir();
        var rrng = dir.File("r.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=2\nIon1=Ni\n[Ranges]\nNumber=3\nRange1=57.5 58.5 Vol:0.01 Ni:1 Color:00FF00\n");
        var r = CliRunner.Run("ranges", rrng);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("warning", r.Err, StringComparison.Ordinal);
        Assert.Contains("line ", r.Err, StringComparison.Ordinal);
        var json = CliRunner.Run("ranges", rrng, "--json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.NotEqual(0, doc.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void D9_control_bytes_from_a_binary_file_are_not_echoed_raw()
    {
        using var dir = new TempDir();
        var csv = dir.File("bin.csv");
        File.WriteAllBytes(csv, Encoding.ASCII.GetBytes("x,y,z,m\n1\0\u0007\u001b[31m,2,3,4\n"));
        var r = CliRunner.Run("info", csv);
        CliRunner.AssertBadInput(r, "bin.csv", "\\x00");
        Assert.DoesNotContain(r.Err.TrimEnd('\n', '\r'), ch => char.IsControl(ch));
    }

    [Fact]
    public void D9_a_duplicate_position_section_in_an_apt_file_is_refused()
    {
        using var dir = new TempDir();
        var apt = dir.File("dup.apt");
        AptFormat.Write(apt, DemoSpecimen.Generate((2, 2, 2), 1));
        var bytes = File.ReadAllBytes(apt);
        var section = FindSection(bytes, "Position");
        File.WriteAllBytes(apt, [.. bytes, .. section]);
        CliRunner.AssertBadInput(CliRunner.Run("info", apt), "dup.apt", "second 'Position' section");
    }

    [Fact]
    public void D9_a_multichannel_models_pairs_in_another_order_are_refused()
    {
        using var dir = new TempDir();
        var inp = Make(dir, channels: 2);
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Co-Co", "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out")),
            "--pair", "another order", "Ni-Ni, Co-Co");
        CliRunner.AssertBadInput(CliRunner.Run("map", inp.Pos, "-r", inp.Rrng, "-p", "Ni-Ni", "-m", inp.Model, "-o", dir.File("out")),
            "--pair", "leave --pair out");
    }

    [Fact]
    public void Predict_recognises_a_model_by_its_content_whatever_its_name()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var renamed = dir.File("cocrni.model");
        File.Copy(inp.Model, renamed);
        var input = PredictCommandTests.WriteNpy(dir, "x.npy", PredictCommandTests.RandomCurves(2, 93, 1), 2, 93);
        var r = CliRunner.Run("predict", "--model", renamed, "--input", input, "--out", dir.File("p.csv"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(2, File.ReadAllLines(dir.File("p.csv")).Length);
        var junk = dir.File("junk.model");
        File.WriteAllText(junk, "not a model at all");
        CliRunner.AssertBadInput(CliRunner.Run("predict", "--model", junk, "--input", input, "--out", dir.File("q.csv")), "junk.model", "first bytes");
    }

    [Fact]
    public void Range_species_are_shown_in_the_files_own_order()
    {
        using var dir = new TempDir();
        var rrng = dir.File("tin.rrng");
        File.WriteAllText(rrng, "[Ions]\nNumber=2\nIon1=Ti\nIon2=N\n[Ranges]\nNumber=2\nRange1=30.9 31.1 Vol:0.01 Ti:1 N:1 Color:00FF00\n"
            + "Range2=21.9 22.1 Vol:0.01 Si:1 O:1 Color:0000FF\n");
        var r = CliRunner.Run("ranges", rrng, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var species = doc.RootElement.GetProperty("species").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("TiN", species);
        Assert.Contains("SiO", species);
        Assert.DoesNotContain("NTi", species);
    }

    [Fact]
    public void Info_on_a_range_file_suggests_ranges()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var renamed = dir.File("ranges.txt");
        File.Copy(inp.Rrng, renamed);
        CliRunner.AssertBadInput(CliRunner.Run("info", inp.Rrng), "s.rrng", "range file", "mlapt ranges");
        CliRunner.AssertBadInput(CliRunner.Run("info", renamed), "ranges.txt", "mlapt ranges");
    }

    [Fact]
    public void The_summary_does_not_break_a_long_output_path_when_stdout_is_redirected()
    {
        using var dir = new TempDir();
        var inp = Make(dir);
        var outDir = Path.Combine(dir.Path, "a-rather-long-folder-name-for-the-results-of-this-specimen", "map-Ni-Ni-with-controls-and-the-default-profile");
        var r = CliRunner.Run(Map(inp, outDir, "--box", "-2,2,-2,2,-5,-1"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains(r.Out.Split('\n'), l => l.Contains(outDir, StringComparison.Ordinal));
    }

    private static byte[] FindSection(byte[] file, string name)
    {
        var headerSize = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4));
        long at = headerSize;
        while (at < file.Length)
        {
            var h = file.AsSpan((int)at);
            var size = BinaryPrimitives.ReadInt32LittleEndian(h[4..]);
            var count = BinaryPrimitives.ReadInt64LittleEndian(h[140..]);
            var sectionName = Encoding.Unicode.GetString(h.Slice(12, 64)).TrimEnd('\0');
            if (sectionName == name)
                return h[..(int)(size + count)].ToArray();
            at += size + count;
        }
        throw new InvalidOperationException($"no section {name}");
    }
}
