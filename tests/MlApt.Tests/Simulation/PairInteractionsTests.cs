using MlApt.Io;
using MlApt.Sro;

namespace MlApt.Tests.Simulation;

public class PairInteractionsTests
{
    [Fact]
    public void Term_ParsesPairShellAndEnergy()
    {
        Assert.Equal(new PairTerm("Ni", "Ni", 1, -0.02), PairInteractions.ParseTerm("Ni-Ni:1=-0.02"));
        Assert.Equal(new PairTerm("Co", "Cr", 3, 1.5e-3), PairInteractions.ParseTerm("Co-Cr:3=1.5e-3"));
        Assert.Equal(1, PairInteractions.ParseTerm("Co-Cr=0.01").Shell);
    }

    [Fact]
    public void Parse_IsSymmetricAndTracksActiveShells()
    {
        var v = PairInteractions.Parse(["Co", "Cr", "Ni"], ["Cr-Co:2=-0.03"]);
        Assert.Equal(-0.03, v[2, 0, 1]);
        Assert.Equal(-0.03, v[2, 1, 0]);
        Assert.Equal(0, v[1, 0, 1]);
        Assert.Equal(2, v.ActiveShells);
    }

    [Theory]
    [InlineData("Ni-Ni:4=-0.02", "shell")]
    [InlineData("Ni-Ni:1=abc", "energy")]
    [InlineData("NiNi:1=-0.02", "pair")]
    [InlineData("Ni-Ni:1", "expected")]
    [InlineData("Fe-Ni:1=0.1", "Fe is not in the composition")]
    public void Malformed_NamesOptionAndValue(string text, string fragment)
    {
        var ex = Assert.Throws<InputException>(() => PairInteractions.Parse(["Co", "Cr", "Ni"], [text]));
        Assert.StartsWith("pair: '" + text + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamePairAndShellTwice_IsRefused()
    {
        var ex = Assert.Throws<InputException>(() => PairInteractions.Parse(["Co", "Ni"], ["Co-Ni:1=0.1", "Ni-Co:1=0.2"]));
        Assert.Contains("given twice", ex.Message, StringComparison.Ordinal);
    }
}
