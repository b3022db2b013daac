using MlApt.Io;

namespace MlApt.Tests.Io;

public class IonCompositionTests
{
    [Theory]
    [InlineData("Ni", "Ni", "Ni")]
    [InlineData("H2", "H2", "H2")]
    [InlineData("OCr", "OCr", "CrO")]
    [InlineData("TiN", "TiN", "NTi")]
    [InlineData("SiO", "SiO", "OSi")]
    [InlineData("TiNO", "TiNO", "NOTi")]          // no carbon: plain alphabetical order
    [InlineData("H4C", "H4C", "CH4")]            // carbon: C, then H, then the rest
    [InlineData("OHC2", "OHC2", "C2HO")]
    [InlineData("OH2", "OH2", "H2O")]
    [InlineData("Cr1O1", "CrO", "CrO")]
    [InlineData("Mn2O", "Mn2O", "Mn2O")]
    [InlineData("ZrSiO3", "ZrSiO3", "O3SiZr")]
    public void Formula_names_keep_the_written_order_and_species_ignore_it(string formula, string name, string hill)
    {
        Assert.True(IonComposition.TryParseFormula(formula, out var c));
        Assert.Equal(name, c.Name);
        Assert.Equal(c, IonComposition.FromName(formula));
        // The same species whatever the order: the Hill-ordered spelling is equal and hashes alike.
        Assert.True(IonComposition.TryParseFormula(hill, out var h));
        Assert.Equal(c, h);
        Assert.Equal(c.GetHashCode(), h.GetHashCode());
        Assert.Equal(hill, string.Concat(c.Parts.Select(p => p.Value > 1 ? p.Key + p.Value : p.Key)));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("All")]
    [InlineData("X23")]
    [InlineData("Hyd")]
    [InlineData("CO0")]
    public void Non_formula_names_are_kept_verbatim(string name)
    {
        Assert.False(IonComposition.TryParseFormula(name, out _));
        var c = IonComposition.FromName(name);
        Assert.Equal(name, c.Name);
        Assert.False(c.IsChemical);
        Assert.Equal(new Dictionary<string, int> { [name] = 1 }, c.ToDictionary());
    }

    [Fact]
    public void Counts_are_expanded_summed_and_ordered()
    {
        var c = IonComposition.FromCounts([new("Ti", 1), new("N", 1), new("O", 1)]);
        Assert.Equal("TiNO", c.Name);
        Assert.Equal(new Dictionary<string, int> { ["N"] = 1, ["O"] = 1, ["Ti"] = 1 }, c.ToDictionary());
        Assert.Equal("N:1 O:1 Ti:1", c.ToRangeNotation());
        Assert.Equal(3, c.AtomCount);
        Assert.True(c.IsChemical);

        // A formula-named column counted twice (RNG polyatomic / RRNG molecular ion names).
        var d = IonComposition.FromCounts([new("O2", 2), new("Fe", 0), new("FeO", 1)]);
        Assert.Equal("O5Fe", d.Name); // in the order first written
    }

    [Fact]
    public void Single_atom_test_is_exact()
    {
        Assert.True(IonComposition.FromName("Ni").IsSingleAtomOf("Ni"));
        Assert.False(IonComposition.FromName("Ni2").IsSingleAtomOf("Ni"));
        Assert.False(IonComposition.FromName("NiO").IsSingleAtomOf("Ni"));
        Assert.False(IonComposition.FromName("Ni").IsSingleAtomOf("NI"));
        Assert.False(IonComposition.Unranged.IsSingleAtomOf("Ni"));
        Assert.Equal("unranged", IonComposition.Unranged.Name);
    }

    [Fact]
    public void Equality_ignores_input_order()
    {
        var a = IonComposition.FromCounts([new("Cr", 1), new("O", 1)]);
        var b = IonComposition.FromCounts([new("O", 1), new("Cr", 1)]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, IonComposition.FromName("Co"));
    }

    [Fact]
    public void Bad_names_and_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => IonComposition.FromName(""));
        Assert.Throws<ArgumentException>(() => IonComposition.FromName("a b"));
        Assert.Throws<ArgumentException>(() => IonComposition.FromName("Ni", 0));
        Assert.Throws<ArgumentException>(() => IonComposition.FromCounts([new("Ni", -1)]));
    }
}
