using System.Globalization;
using System.Text.Json;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

/// <summary><c>map --align</c>, <c>map --alignment FILE</c> with slabs, merge and controls, and <c>validate --align</c>.</summary>
public class MapAlignCommandTests(ITestOutputHelper output)
{
    private static string Simulate(TempDir dir, string name, string size, string orientation, int domains, string radius, int seed = 3)
    {
        var pos = dir.File(name + ".pos");
        var r = CliRunner.Run("simulate", "--out", pos, "--size", size, "--domains", domains.ToString(CultureInfo.InvariantCulture),
            "--radius", radius, "--sigma-xy", "0.2", "--orientation", orientation, "--seed", seed.ToString(CultureInfo.InvariantCulture));
        Assert.True(r.Exit == 0, r.Err);
        return pos;
    }

    /// <summary>The orientation [h, k, l] of a pole <paramref name="degrees"/> off z towards +x.</summary>
    private static string Tilted(double degrees) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Tan(degrees * Math.PI / 180):R},0,1");

    /// <summary>A fast one-channel Ni-Ni model with random weights (no pole in its metadata: ⟨001⟩).</summary>
    private static string SmallModel(TempDir dir)
    {
        var arch = CnnArchitecture.Reference(1);
        var path = dir.File("m.safetensors");
        ModelFile.Save(path, new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        return path;
    }

    private static JsonDocument Summary(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));

    private static float[] Npy(string dir, string name) => MlApt.Io.Npy.Read(Path.Combine(dir, name)).ToSingles();

    [Fact]
    public void MapAlign_OnAnAlignedSpecimen_ChangesNothingMeasurable()
    {
        using var dir = new TempDir();
        var pos = Simulate(dir, "s", "10,10,14", "0,0,1", 4, "1.3-1.7");
        var rrng = Path.ChangeExtension(pos, ".rrng");
        const string box = "-4,4,-4,4,-13,-1";
        var plain = dir.File("plain");
        var aligned = dir.File("aligned");
        var r = CliRunner.Run("map", pos, "-r", rrng, "--box", box, "-o", plain);
        Assert.True(r.Exit == 0, r.Err);
        r = CliRunner.Run("map", pos, "-r", rrng, "--box", box, "--align", "-o", aligned);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("In the aligned frame", r.Out, StringComparison.Ordinal);
        using var a = Summary(plain);
        using var b = Summary(aligned);
        Assert.False(a.RootElement.TryGetProperty("alignment", out _));
        var alignment = b.RootElement.GetProperty("alignment");
        Assert.Equal(["pole", "direction", "tilt_deg", "azimuth_deg", "rotation", "centre", "d_spacing_nm", "d_expected_nm", "contrast"],
            alignment.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("aligned", b.RootElement.GetProperty("parameters").GetProperty("frame").GetString());
        var tilt = alignment.GetProperty("tilt_deg").GetDouble();
        Assert.True(tilt < 0.1, $"tilt {tilt}° found on a specimen with its pole on z");

        // The stated tolerance: a rotation of < 0.1° about the centroid moves an ion by < 0.02 nm here.
        // Same grid; mean |ΔP| over the voxels < 0.005; the selection differs in ≤ 1 % of its sub-voxels;
        // the volume fraction within 2 % of itself; the same number of domains.
        var p = Npy(plain, "voxel_probability.npy");
        var q = Npy(aligned, "voxel_probability.npy");
        Assert.Equal(p.Length, q.Length);
        var both = Enumerable.Range(0, p.Length).Where(i => !float.IsNaN(p[i]) && !float.IsNaN(q[i])).ToList();
        var meanDelta = both.Average(i => Math.Abs(p[i] - q[i]));
        var selectedA = Npy(plain, "subvoxel_selected.npy");
        var selectedB = Npy(aligned, "subvoxel_selected.npy");
        var differ = selectedA.Zip(selectedB).Count(t => t.First != t.Second);
        double va = a.RootElement.GetProperty("csro_volume_fraction").GetDouble(), vb = b.RootElement.GetProperty("csro_volume_fraction").GetDouble();
        output.WriteLine($"tilt {tilt}°, mean |ΔP| {meanDelta:G3}, max |ΔP| {both.Max(i => Math.Abs(p[i] - q[i])):G3}, selection differs in {differ} of {selectedA.Count(v => v > 0)}, VF {va} → {vb}");
        Assert.True(meanDelta < 0.005, $"mean |ΔP| {meanDelta}");
        Assert.True(differ <= 0.01 * selectedA.Count(v => v > 0) + 1, $"{differ} sub-voxels differ");
        Assert.True(va > 0);
        Assert.True(Math.Abs(vb - va) <= 0.02 * va, $"volume fraction {va} unaligned, {vb} aligned");
        Assert.Equal(a.RootElement.GetProperty("domains").GetProperty("connected").GetProperty("count").GetInt32(),
            b.RootElement.GetProperty("domains").GetProperty("connected").GetProperty("count").GetInt32());
    }

    [Fact]
    public void MapAlign_SlabsAndMerge_EqualTheSingleMap_ControlsShareItsVoxels_AndMergeRefusesMixedFrames()
    {
        using var dir = new TempDir();
        var pos = Simulate(dir, "s", "10,10,14", Tilted(8), 4, "1.3-1.7");
        var rrng = Path.ChangeExtension(pos, ".rrng");
        var model = SmallModel(dir);
        // Slabs map their controls in full (they keep the voxel probabilities for merge): the one run does too.
        string[] common = ["-r", rrng, "--model", model, "--control", "1", "--control-sample", "full"];
        var single = dir.File("single");
        var r = CliRunner.Run(["map", pos, .. common, "--align", "-o", single]);
        Assert.True(r.Exit == 0, r.Err);
        using var s = Summary(single);
        var alignment = s.RootElement.GetProperty("alignment");
        Assert.Equal(8, alignment.GetProperty("tilt_deg").GetDouble(), 0.5);
        // The control is analysed over exactly the real map's voxels, in the aligned frame.
        var analysable = s.RootElement.GetProperty("voxels").GetProperty("analysable").GetInt32();
        Assert.Equal([analysable], s.RootElement.GetProperty("control").GetProperty("analysable_voxels").EnumerateArray().Select(e => e.GetInt32()));

        // Slab 0 searches the pole itself, slab 1 takes it from the single map's summary: the same frame, bit for bit.
        var slab0 = dir.File("slab0");
        var slab1 = dir.File("slab1");
        r = CliRunner.Run(["map", pos, .. common, "--align", "--slab", "0/2", "-o", slab0]);
        Assert.True(r.Exit == 0, r.Err);
        r = CliRunner.Run(["map", pos, .. common, "--alignment", Path.Combine(single, "summary.json"), "--slab", "1/2", "-o", slab1]);
        Assert.True(r.Exit == 0, r.Err);
        var merged = dir.File("merged");
        r = CliRunner.Run("merge", slab0, slab1, "-o", merged);
        Assert.True(r.Exit == 0, r.Err);
        foreach (var f in new[] { "voxel_probability.npy", "subvoxel_selected.npy", "csro_ions.pos", "domains.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(single, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, f))), f);
        using var m = Summary(merged);
        Assert.Equal(alignment.GetRawText(), m.RootElement.GetProperty("alignment").GetRawText());
        Assert.Equal(s.RootElement.GetProperty("control").GetProperty("volume_fractions").GetRawText(),
            m.RootElement.GetProperty("control").GetProperty("volume_fractions").GetRawText());

        // A slab mapped without alignment does not belong to this map.
        var unaligned = dir.File("unaligned1");
        r = CliRunner.Run(["map", pos, .. common, "--slab", "1/2", "-o", unaligned]);
        Assert.True(r.Exit == 0, r.Err);
        r = CliRunner.Run("merge", slab0, unaligned, "-o", dir.File("mixed"));
        CliRunner.AssertBadInput(r, "unaligned", "one frame");
        Assert.False(Directory.Exists(dir.File("mixed")));
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(15.0)]
    public void ValidateAlign_OnATiltedSpecimen_RecoversTheUntiltedMap(double degrees)
    {
        // The same specimen (seed, domains, noise σxy 0.2 nm) simulated with the pole on z and off it.
        using var dir = new TempDir();
        var straight = Simulate(dir, "straight", "12,12,16", "0,0,1", 6, "1.5-2.0", seed: 5);
        var tilted = Simulate(dir, "tilted", "12,12,16", Tilted(degrees), 6, "1.5-2.0", seed: 5);
        double F1(params string[] args)
        {
            var r = CliRunner.Run(["validate", .. args, "--json"]);
            Assert.True(r.Exit == 0, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            if (args.Contains("--align"))
                Assert.Equal(degrees, doc.RootElement.GetProperty("alignment").GetProperty("tilt_deg").GetDouble(), 0.5);
            return doc.RootElement.GetProperty("score").GetProperty("f1").GetDouble();
        }
        var reference = F1(straight, "-o", dir.File("v0"));
        var unaligned = F1(tilted, "-o", dir.File("v1"));
        var aligned = F1(tilted, "--align", "-o", dir.File("v2"));
        output.WriteLine($"{degrees}°: F1 untilted {reference:F3}, tilted {unaligned:F3}, tilted with --align {aligned:F3}");
        Assert.True(reference > 0.7, $"untilted F1 {reference}");
        Assert.True(unaligned < 0.3, $"tilted F1 without --align {unaligned}: the test needs a tilt the model cannot map");
        Assert.True(aligned >= reference - 0.1, $"F1 {aligned} with --align against {reference} untilted");
        // The truth moved with the ions: the slices and validation.json are in the aligned frame.
        Assert.True(File.Exists(Path.Combine(dir.File("v2"), "validation.json")));
    }

    [Fact]
    public void RunAlign_RecordsOneAlignment_ForTheMapTheControlAndTheValidation()
    {
        using var dir = new TempDir();
        var outDir = dir.File("demo");
        var r = CliRunner.Run("run", "--out", outDir, "--size", "10,10,12", "--domains", "3", "--seed", "7", "--control", "1", "--align");
        Assert.True(r.Exit == 0, r.Err);
        using var demo = Summary(outDir);
        using var map = Summary(Path.Combine(outDir, "map"));
        using var validation = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "validation", "validation.json")));
        var alignment = demo.RootElement.GetProperty("alignment").GetRawText();
        Assert.Equal(alignment, map.RootElement.GetProperty("alignment").GetRawText());
        Assert.Equal(alignment, validation.RootElement.GetProperty("alignment").GetRawText());
        // The demo's specimen has its pole on z.
        Assert.True(demo.RootElement.GetProperty("alignment").GetProperty("tilt_deg").GetDouble() < 0.1, alignment);
        var analysable = map.RootElement.GetProperty("voxels").GetProperty("analysable").GetInt32();
        Assert.Equal([analysable], map.RootElement.GetProperty("control").GetProperty("analysable_voxels").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void MapAlign_NoPole_Exits2BeforeMapping_WritesNothing()
    {
        using var dir = new TempDir();
        var pos = dir.File("random.pos");
        IonFile.Write(pos, Crystal.PoleAlignmentTests.RandomCloud(60_000, 10, 14, 29, 2));
        File.WriteAllText(dir.File("random.rrng"), "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=28.0 30.0 Vol:0.01 Ni:1 Color:00FF00\n");
        var r = CliRunner.Run("map", pos, "-r", dir.File("random.rrng"), "--model", SmallModel(dir), "--align", "--max-tilt", "10", "-o", dir.File("out"));
        CliRunner.AssertBadInput(r, "random.pos", "no ⟨001⟩ planes within 10° of z", "nothing written");
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void MapAlign_BadOptions_Exit2()
    {
        using var dir = new TempDir();
        var pos = dir.File("x.pos");
        IonFile.Write(pos, new IonCloud([0f], [0f], [0f], [29f]));
        File.WriteAllText(dir.File("x.rrng"), "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=28.0 30.0 Vol:0.01 Ni:1 Color:00FF00\n");
        string[] head = ["map", pos, "-r", dir.File("x.rrng"), "--model", SmallModel(dir), "-o", dir.File("out")];
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--align", "--alignment", dir.File("a.json")]), "--align", "--alignment", "one of them");
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--max-tilt", "10"]), "--max-tilt", "--align");
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--align", "--max-tilt", "60"]), "--max-tilt 60");
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--alignment", dir.File("missing.json")]), "missing.json");
        File.WriteAllText(dir.File("bad.json"), "{\"pole\": [0, 0, 1]}");
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--alignment", dir.File("bad.json")]), "bad.json", "direction");
        // A rotation that does not take the direction to z.
        File.WriteAllText(dir.File("skew.json"), """
            {"pole": [0, 0, 1], "direction": [0.6, 0, 0.8], "tilt_deg": 36.87, "azimuth_deg": 0, "rotation": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
             "centre": [0, 0, 0], "d_spacing_nm": 0.178, "d_expected_nm": 0.178, "contrast": 0.1}
            """);
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--alignment", dir.File("skew.json")]), "skew.json", "'rotation' takes 'direction'");
        // Another pole than the model's.
        File.WriteAllText(dir.File("p111.json"), """
            {"pole": [1, 1, 1], "direction": [0, 0, 1], "tilt_deg": 0, "azimuth_deg": 0, "rotation": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
             "centre": [0, 0, 0], "d_spacing_nm": 0.2055, "d_expected_nm": 0.2055, "contrast": 0.1}
            """);
        CliRunner.AssertBadInput(CliRunner.Run([.. head, "--alignment", dir.File("p111.json")]), "--alignment", "⟨111⟩", "⟨001⟩");
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
