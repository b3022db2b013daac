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
    [InlineData("Co:-1")]
    [InlineData("Co:1e3")]
    [InlineData("Co:0,Cr:0")]
    [InlineData("Co:1,,Cr:1")]
    public void Malformed_NamesTheParameter(string text)
    {
        var ex = Assert.Throws<InputException>(() => Composition.Parse(text, allowZero: text.StartsWith("Co:0", StringComparison.Ordinal)));
        Assert.StartsWith("composition: ", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("--composition: ", Assert.Throws<InputException>(() => Composition.Parse(text, "--composition")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_amounts_are_one_grammar_with_integer_weights()
    {
        var c = Composition.Parse("Fe:0.75,Al:0.25");
        Assert.Equal([0.75, 0.25], c.Amounts);
        Assert.Equal(0.75, c.Fraction(0));
        Assert.Equal([3000, 1000], c.Counts(4000));
        Assert.Equal(Composition.Parse("Fe:3,Al:1").Counts(4001), c.Counts(4001));
        Assert.Equal([1.0, 1.0], Composition.Parse("Co,Ni").Amounts);
        Assert.Equal([("Co", 1.0), ("Ni", 0.0)], Composition.Parse("Co:1,Ni:0", allowZero: true).Entries);
    }
}
