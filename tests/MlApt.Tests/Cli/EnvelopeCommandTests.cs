using System.Text.Json;

namespace MlApt.Tests.Cli;

/// <summary><c>validate --envelope</c> on the tiny grid: it runs, scores every point and writes every figure.</summary>
public class EnvelopeCommandTests
{
    [Fact]
    public void TinyEnvelope_WritesEveryPointAndFigure()
    {
        using var dir = new TempDir();
        var outDir = dir.File("env");
        var r = CliRunner.Run("validate", "--envelope", "--envelope-grid", "tiny", "--out", outDir, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "envelope.json")));
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(MlApt.Validation.EnvelopeGrid.Tiny.Points().Count, points.Count);
        Assert.Equal(["radius×order", "eta×sigma_xy", "sigma_z", "tilt", "z_scale", "composition"],
            points.Select(p => p.GetProperty("axis").GetString()).Distinct().ToArray());
        foreach (var p in points)
        {
            var f1 = p.GetProperty("f1").GetDouble();
            Assert.InRange(f1, 0, 1);
            Assert.True(p.GetProperty("true_volume_fraction").GetDouble() > 0);
            Assert.InRange(p.GetProperty("null_false_positive_fraction").GetDouble(), 0, 1);
        }
        // Distinct seeds: every point is its own specimen.
        Assert.Equal(points.Count, points.Select(p => p.GetProperty("specimen").GetProperty("seed").GetInt32()).Distinct().Count());
        foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
            Assert.True(File.Exists(Path.Combine(outDir, f.GetString()!)), f.GetString());
        Assert.Equal(8, doc.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void Envelope_WithAReconstruction_IsRefused()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("validate", "x.pos", "--envelope", "--out", dir.File("e")), "give one of");
        CliRunner.AssertBadInput(CliRunner.Run("validate", "--envelope", "--envelope-grid", "huge", "--out", dir.File("e")), "--envelope-grid");
    }
}
