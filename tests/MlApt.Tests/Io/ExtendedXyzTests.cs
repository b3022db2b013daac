using MlApt.Io;
using MlApt.Crystal;

namespace MlApt.Tests.Io;

public class ExtendedXyzTests
{
    private static ExtendedXyzFrame Sample() => new(
        ["Co", "Ni"], [1, 0, 1], [0, 0.178, 0.1234567], [0, 0.178, 0.5], [0, 0, 0.35],
        [(0.712, 0, 0), (0, 0.712, 0), (0, 0, 0.712)], [new("temperature", "800"), new("elements", "Co Ni")]);

    [Fact]
    public void Header_IsTheOvitoAseLayoutInAngstrom()
    {
        using var w = new StringWriter();
        ExtendedXyz.Write(w, Sample());
        var lines = w.ToString().Split('\n');
        Assert.Equal("3", lines[0]);
        Assert.Equal("Lattice=\"7.12 0 0 0 7.12 0 0 0 7.12\" Properties=species:S:1:pos:R:3 pbc=\"T T T\" temperature=800 elements=\"Co Ni\"", lines[1]);
        Assert.Equal("Ni 0 0 0", lines[2]);
        Assert.Equal("Co 1.78 1.78 0", lines[3]);
    }

    [Fact]
    public void RoundTrip_KeepsSpeciesPositionsCellAndInfo()
    {
        using var dir = new TempDir();
        var path = dir.File("cfg.extxyz");
        var frame = Sample();
        ExtendedXyz.Write(path, frame);
        var back = ExtendedXyz.Read(path);
        Assert.Equal(frame.Elements, back.Elements);
        Assert.Equal(frame.Species, back.Species);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(frame.X[i], back.X[i], 1e-9);
            Assert.Equal(frame.Y[i], back.Y[i], 1e-9);
            Assert.Equal(frame.Z[i], back.Z[i], 1e-9);
        }
        Assert.Equal(0.712, back.Cell[1].Y, 1e-12);
        Assert.Contains(new KeyValuePair<string, string>("temperature", "800"), back.Info);
        Assert.Equal(3, back.ToAtoms().Count);
    }

    [Fact]
    public void Read_TakesOtherColumnLayouts()
    {
        // As ASE writes with extra per-atom arrays: the species and pos columns are found by name.
        var text = "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=id:I:1:pos:R:3:species:S:1 pbc=\"T T T\"\n1 0 0 0 Cu\n2 1.8 1.8 0 Au\n";
        var frame = ExtendedXyz.Read(new StringReader(text), "x.extxyz");
        Assert.Equal(["Cu", "Au"], frame.Elements);
        Assert.Equal(0.18, frame.X[1], 1e-12);
    }

    [Fact]
    public void ElementsKey_FixesTheSpeciesOrder()
    {
        var text = "1\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 elements=\"Co Cr Ni\"\nNi 0 0 0\n";
        var frame = ExtendedXyz.Read(new StringReader(text), "x.extxyz");
        Assert.Equal(["Co", "Cr", "Ni"], frame.Elements);
        Assert.Equal(2, frame.Species[0]);
    }

    [Theory]
    [InlineData("x\n", "line 1")]
    [InlineData("1\nProperties=species:S:1:pos:R:3\nNi 0 0 0\n", "Lattice")]
    [InlineData("2\nLattice=\"4 0 0 0 4 0 0 0 4\"\nNi 0 0 0\n", "line 4")]
    [InlineData("1\nLattice=\"4 0 0 0 4 0 0 0 4\"\nNi 0 zero 0\n", "line 3")]
    [InlineData("1\nLattice=\"4 0 0 0 4 0 0\"\nNi 0 0 0\n", "nine numbers")]
    public void Malformed_IsOneLineNamingTheFileAndPlace(string text, string fragment)
    {
        var ex = Assert.Throws<InputException>(() => ExtendedXyz.Read(new StringReader(text), "bad.extxyz"));
        Assert.StartsWith("bad.extxyz: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
