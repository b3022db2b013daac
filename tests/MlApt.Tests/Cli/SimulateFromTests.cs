using System.Text.Json;
using MlApt.Io;

namespace MlApt.Tests.Cli;

/// <summary><c>mlapt simulate --from</c>: detector simulation of a Monte Carlo configuration.</summary>
public class SimulateFromTests
{
    private static string Configuration(TempDir dir)
    {
        var cfg = dir.File("cfg.extxyz");
        var r = CliRunner.Run("mc", "--lattice", "fcc", "--cells", "6", "--a", "0.356", "--composition", "Co:1,Cr:1,Ni:1",
            "--pair", "Co-Ni:1=-0.03", "--temperature", "600", "--sweeps", "20", "--seed", "4", "--out", cfg);
        Assert.True(r.Exit == 0, r.Err);
        return cfg;
    }

    [Fact]
    public void PerfectDetector_KeepsEveryAtomWithItsTrueSpecies()
    {
        using var dir = new TempDir();
        var cfg = Configuration(dir);
        var pos = dir.File("s.pos");
        var r = CliRunner.Run("simulate", "--from", cfg, "--size", "5,5,7", "--eta", "1", "--sigma-xy", "0", "--sigma-z", "0", "--out", pos, "--json");
        Assert.True(r.Exit == 0, r.Err);
        var cloud = IonFile.Read(pos);
        var species = Npy.Read(dir.File("s.species.npy"));
        Assert.Equal(cloud.Count, species.Data.Length);
        // FCC planes 0.178 nm apart from the box faces: 29 × 29 positions per plane, half of them occupied
        // alternately, over 40 planes (0 … 6.942 nm): the periodic repetition fills the whole box.
        Assert.Equal(20 * 421 + 20 * 420, cloud.Count); // planes through a corner hold 421, the others 420
        // Each ion's mass ranges to its own element.
        var table = RangeTable.Load(dir.File("s.rrng"));
        var assigned = table.Assign(cloud);
        using var doc = JsonDocument.Parse(r.Out);
        var elements = doc.RootElement.GetProperty("elements").EnumerateArray().Select(e => e.GetString()!).ToArray();
        for (var i = 0; i < cloud.Count; i++)
            Assert.Equal(elements[(int)species.Data[i]], table.Species[assigned[i]].Name);
        Assert.True(doc.RootElement.GetProperty("warren_cowley").GetProperty("1").TryGetProperty("Co-Ni", out _));
        Assert.InRange(cloud.X.Min(), -2.5f, -2.4f);
        Assert.InRange(cloud.Z.Min(), -7f, -6.9f);
    }

    [Fact]
    public void Efficiency_KeepsThatFractionAndTheMapRuns()
    {
        using var dir = new TempDir();
        var cfg = Configuration(dir);
        var pos = dir.File("s.pos");
        Assert.Equal(0, CliRunner.Run("simulate", "--from", cfg, "--size", "5,5,7", "--eta", "0.5", "--seed", "3", "--out", pos).Exit);
        using var truth = JsonDocument.Parse(File.ReadAllText(dir.File("s.truth.json")));
        var p = truth.RootElement.GetProperty("parameters");
        Assert.InRange(p.GetProperty("ions").GetDouble() / p.GetProperty("sites").GetDouble(), 0.47, 0.53);
        var r = CliRunner.Run("map", pos, "-r", dir.File("s.rrng"), "-o", dir.File("map"), "--json");
        Assert.True(r.Exit == 0, r.Err);
    }

    [Fact]
    public void MissingConfiguration_IsOneLineExit2()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("simulate", "--from", dir.File("none.extxyz"), "--out", dir.File("s.pos")), "none.extxyz");
        Assert.False(File.Exists(dir.File("s.pos")));
    }
}
