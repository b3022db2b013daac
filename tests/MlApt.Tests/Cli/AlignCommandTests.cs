using System.Globalization;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Tests.Cli;

/// <summary><c>mlapt align</c>.</summary>
public class AlignCommandTests
{
    private static string Simulate(TempDir dir, string orientation, int domains = 4)
    {
        var pos = dir.File("s.pos");
        var r = CliRunner.Run("simulate", "--out", pos, "--size", "10,10,14", "--domains", domains.ToString(CultureInfo.InvariantCulture),
            "--radius", "1.3-1.7", "--sigma-xy", "0.2", "--orientation", orientation, "--seed", "3");
        Assert.True(r.Exit == 0, r.Err);
        return pos;
    }

    [Fact]
    public void Align_Json_HasExactlyTheDocumentedFields_AndTheOutputIsOnZ()
    {
        using var dir = new TempDir();
        var pos = Simulate(dir, "0.12,-0.05,1");
        var aligned = dir.File("a.pos");
        var plots = dir.File("plots");
        var r = CliRunner.Run("align", pos, "--out", aligned, "--json", "--plot", plots);
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["pole", "direction", "tilt_deg", "azimuth_deg", "rotation", "centre", "d_spacing_nm", "d_expected_nm", "contrast"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        // atan(|(0.12, −0.05)|) = 7.43°.
        Assert.Equal(Math.Atan(Math.Sqrt(0.12 * 0.12 + 0.05 * 0.05)) * 180 / Math.PI, root.GetProperty("tilt_deg").GetDouble(), 0.5);
        Assert.True(File.Exists(Path.Combine(plots, "pole_figure.png")));
        Assert.True(File.Exists(Path.Combine(plots, "zsdm_before_after.png")));
        // Aligning the aligned specimen again finds the pole on z.
        r = CliRunner.Run("align", aligned, "--out", dir.File("b.pos"), "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var again = JsonDocument.Parse(r.Out);
        Assert.True(again.RootElement.GetProperty("tilt_deg").GetDouble() < 0.3, r.Out);
        Assert.Equal(IonFile.Read(pos).Count, IonFile.Read(aligned).Count);
    }

    [Fact]
    public void Align_NoPlanes_Exits2_WritesNothing()
    {
        using var dir = new TempDir();
        var pos = dir.File("random.pos");
        IonFile.Write(pos, Crystal.PoleAlignmentTests.RandomCloud(60_000, 10, 14, 29, 2));
        var r = CliRunner.Run("align", pos, "--out", dir.File("a.pos"), "--plot", dir.File("plots"));
        CliRunner.AssertBadInput(r, "no ⟨001⟩ planes within 20° of z", "nothing written");
        Assert.False(File.Exists(dir.File("a.pos")));
        Assert.False(Directory.Exists(dir.File("plots")));
    }

    [Fact]
    public void Align_BadOptions_Exit2()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("align", dir.File("x.pos"), "--out", dir.File("a.pos"), "--pole", "0x1"), "--pole");
        CliRunner.AssertBadInput(CliRunner.Run("align", dir.File("x.pos"), "--out", dir.File("a.pos"), "--element", "Ni"), "--element needs --ranges");
        CliRunner.AssertBadInput(CliRunner.Run("align", dir.File("x.pos"), "--out", dir.File("a.pos"), "--max-tilt", "60"), "--max-tilt");
    }
}
