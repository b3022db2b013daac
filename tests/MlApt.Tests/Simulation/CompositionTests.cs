using MlApt.Io;
using MlApt.Crystal;
using MlApt.Numerics;

namespace MlApt.Tests.Simulation;

public class CompositionTests
{
    [Fact]
    public void Parse_KeepsOrderAndWeights()
    {
        var c = Composition.Parse("Co:1,Cr:2,Ni:1");
        Assert.Equal(["Co", "Cr", "Ni"], c.Elements);
        Assert.Equal(0.5, c.Fraction(1));
    }

    [Fact]
    public void Counts_AreExactWithTheRemainderToTheFirstListed()
    {
        Assert.Equal([1334, 1333, 1333], Composition.Parse("Co:1,Cr:1,Ni:1").Counts(4000));
        Assert.Equal([1, 1, 0], Composition.Parse("A:1,B:1,C:1").Counts(2));
        Assert.Equal([1000, 3000], Composition.Parse("Al:1,Ni:3").Counts(4000));
    }

    [Fact]
    public void Counts_GoToTheLargestRemainders()
    {
        // 10 sites at 1:2:7 of 10 → 1, 2, 7; at 1:1:5 of 10 → 1.43, 1.43, 7.14 → 2, 1, 7.
        Assert.Equal([2, 1, 7], Composition.Parse("A:1,B:1,C:5").Counts(10));
    }

    [Fact]
    public void RandomOccupation_HasTheCountsAndIsSeeded()
    {
        var c = Composition.Parse("Co:1,Cr:1,Ni:1");
        var r1 = new SeededRandom(5);
        var r2 = new SeededRandom(5);
        var a = c.RandomOccupation(300, ref r1);
        Assert.Equal(a, c.RandomOccupation(300, ref r2));
        Assert.Equal(100, a.Count(s => s == 2));
    }

    [Theory]
    [InlineData("Co:1,Cr:0")]
    [InlineData("Co:x")]
    [InlineData("Co:1,Co:2")]
    [InlineData("Co:1.5")]
    public void Malformed_NamesTheOption(string text)
    {
        var ex = Assert.Throws<InputException>(() => Composition.Parse(text));
        Assert.StartsWith("--composition: ", ex.Message, StringComparison.Ordinal);
    }
}
