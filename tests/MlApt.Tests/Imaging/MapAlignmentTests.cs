using System.Text.Json;
using MlApt.Crystal;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Reporting;
using MlApt.Tests.Crystal;

namespace MlApt.Tests.Imaging;

/// <summary>The pieces of <c>map --align</c>: the model's pole, the box inside a rotated specimen, the alignment as JSON, determinism.</summary>
public class MapAlignmentTests
{
    [Theory]
    [InlineData("bank.orientation_hkl", "[\n 0,\n 0,\n 1\n]", 0, 0, 1)]
    [InlineData("pole", "111", 1, 1, 1)]
    [InlineData("order.pole", "[1, 1, 0]", 1, 1, 0)]
    [InlineData("orientation", "<002> || z", 0, 0, 1)]
    [InlineData("orientation", "<-2,2,2> || z", 1, 1, 1)]
    public void PoleOf_ReadsTheModelsPole(string key, string value, int h, int k, int l)
    {
        Assert.Equal(new PlaneFamily(h, k, l), MapAlignment.PoleOf(new Dictionary<string, string> { [key] = value }));
    }

    [Fact]
    public void OptionsFor_DefaultsTo001FccAnd0356_AndReadsTheBank()
    {
        var none = MapAlignment.OptionsFor(new Dictionary<string, string>(), 12);
        Assert.Equal((new PlaneFamily(0, 0, 1), LatticeKind.Fcc, 0.356, 12.0), (none.Pole, none.Lattice, none.LatticeParameter, none.MaxTiltDegrees));
        var bcc = MapAlignment.OptionsFor(new Dictionary<string, string>
        {
            ["bank.classes"] = """[{"name": "matrix", "lattice": "BCC"}]""",
            ["bank.lattice_parameter"] = "0.287",
            ["pole"] = "110",
        });
        Assert.Equal((new PlaneFamily(1, 1, 0), LatticeKind.Bcc, 0.287), (bcc.Pole, bcc.Lattice, bcc.LatticeParameter));
        var b2 = MapAlignment.OptionsFor(new Dictionary<string, string> { ["structure"] = "B2", ["pole"] = "[1, 1, 0]" });
        Assert.Equal((new PlaneFamily(1, 1, 0), LatticeKind.Bcc), (b2.Pole, b2.Lattice));
    }

    private static PoleAlignmentResult Alignment((double X, double Y, double Z) direction, (double X, double Y, double Z) centre)
    {
        var n = Math.Sqrt(direction.X * direction.X + direction.Y * direction.Y + direction.Z * direction.Z);
        var d = (direction.X / n, direction.Y / n, direction.Z / n);
        return new PoleAlignmentResult
        {
            Pole = new PlaneFamily(0, 0, 1), Direction = d, Rotation = PoleAlignment.ToZ(d), Centre = centre,
            SpacingNm = 0.17812345, ExpectedSpacingNm = 0.178, Contrast = 0.123456789, Significance = 40, IonsUsed = 1000,
            Figure = new PoleFigure(0, 0, [], 0, 20),
        };
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.18, 0.0)]
    [InlineData(0.2, -0.15)]
    public void InscribedBox_LiesInsideTheRotatedBox_AndCannotGrow(double tx, double ty)
    {
        var box = new Box(-9, 9, -9, 9, -39, -1);
        var a = Alignment((tx, ty, 1), (0.1, -0.2, -20));
        var inner = MapAlignment.InscribedBox(box, a);
        bool Inside(Box b)
        {
            for (var corner = 0; corner < 8; corner++)
            {
                var (x, y, z) = MapAlignment.FromAligned(a, (corner & 1) == 0 ? b.XMin : b.XMax, (corner & 2) == 0 ? b.YMin : b.YMax, (corner & 4) == 0 ? b.ZMin : b.ZMax);
                if (!box.Expand(1e-6).Contains(x, y, z)) return false;
            }
            return true;
        }
        Assert.True(Inside(inner));
        if (tx == 0 && ty == 0)
            Assert.Equal(box, inner with { XMin = Math.Round(inner.XMin, 9), XMax = Math.Round(inner.XMax, 9), YMin = Math.Round(inner.YMin, 9), YMax = Math.Round(inner.YMax, 9), ZMin = Math.Round(inner.ZMin, 9), ZMax = Math.Round(inner.ZMax, 9) });
        // 0.05 nm more laterally no longer fits; nor, when it was shrunk in depth, 1 % more in depth (four steps of its search).
        Assert.False(Inside(inner with { XMin = inner.XMin - 0.05, XMax = inner.XMax + 0.05, YMin = inner.YMin - 0.05, YMax = inner.YMax + 0.05 }));
        var grow = 0.01 * box.SizeZ;
        if (inner.SizeZ < box.SizeZ - 1e-6)
            Assert.False(Inside(inner with { ZMin = inner.ZMin - grow, ZMax = inner.ZMax + grow }));
    }

    [Fact]
    public void AlignmentJson_ReadsBackTheSameObject()
    {
        var a = Alignment((0.12, -0.05, 1), (0.003, 0.009, -7.01));
        var text = JsonText.Write(w => { w.WriteStartObject(); AlignmentReport.WriteFields(w, a); w.WriteEndObject(); });
        using var doc = JsonDocument.Parse(text);
        var back = AlignmentReport.Read(doc.RootElement, "a.json");
        Assert.Equal(a.Rotation, back.Rotation);
        Assert.Equal(a.Centre, back.Centre);
        Assert.Equal(a.Direction, back.Direction);
        Assert.Equal(text, JsonText.Write(w => { w.WriteStartObject(); AlignmentReport.WriteFields(w, back); w.WriteEndObject(); }));
        // A rotation that is not one is refused with the file's name.
        var skewed = text.Replace(a.Rotation.Row(0).X.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "1.5", StringComparison.Ordinal);
        using var bad = JsonDocument.Parse(skewed);
        var e = Assert.Throws<InputException>(() => AlignmentReport.Read(bad.RootElement, "a.json"));
        Assert.Contains("a.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IsDeterministic_AndApplyEqualsRotate()
    {
        var (specimen, _) = PoleAlignmentTests.Tilted((0, 0, 1), 9, 41);
        var options = new PoleAlignmentOptions();
        var first = MapAlignment.Find(specimen.Cloud, options, "s");
        var second = MapAlignment.Find(specimen.Cloud, options, "s");
        Assert.Equal(first.Direction, second.Direction);
        Assert.Equal(first.Rotation, second.Rotation);
        Assert.Equal(first.Contrast, second.Contrast);
        var rotated = MapAlignment.Apply(specimen.Cloud, first);
        var (x, y, z) = MapAlignment.ToAligned(first, specimen.Cloud.X[5], specimen.Cloud.Y[5], specimen.Cloud.Z[5]);
        Assert.Equal((float)x, rotated.X[5]);
        Assert.Equal((float)y, rotated.Y[5]);
        Assert.Equal((float)z, rotated.Z[5]);
        var (bx, by, bz) = MapAlignment.FromAligned(first, x, y, z);
        Assert.Equal(specimen.Cloud.X[5], bx, 1e-5);
        Assert.Equal(specimen.Cloud.Y[5], by, 1e-5);
        Assert.Equal(specimen.Cloud.Z[5], bz, 1e-5);
    }
}
