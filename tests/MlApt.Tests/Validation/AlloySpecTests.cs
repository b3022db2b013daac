using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Validation;

public class AlloySpecTests
{
    [Fact]
    public void FeAl_B2_parses_with_Al_singly_charged_and_three_channels()
    {
        var alloy = AlloySpec.Parse("bcc", 0.287, "Fe:80,Al:20", "Al", "B2", "001");
        Assert.Equal(DomainStructure.B2, alloy.Structure);
        Assert.Equal((0, 0, 1), alloy.Pole);
        Assert.Equal([("Fe", 2), ("Al", 1)], alloy.Charges);
        Assert.Equal(["Al-Al", "Fe-Fe", "Al-Fe"], alloy.DefaultChannels().Select(p => p.ToString()));
        Assert.Equal("B2-type Al order along ⟨001⟩", alloy.Order.Describe());
    }

    [Fact]
    public void CoCrNi_default_channels_are_the_default_models()
    {
        var alloy = AlloySpec.Parse("fcc", 0.356, "Co:1,Cr:1,Ni:1", "Ni", "L12", "001");
        Assert.Equal(["Ni-Ni", "Co-Co", "Cr-Cr", "Ni-Co", "Ni-Cr", "Co-Cr"], alloy.DefaultChannels().Select(p => p.ToString()));
        Assert.Equal(AlloySpec.CoCrNi with { Composition = alloy.Composition, Charges = alloy.Charges }, alloy);
    }

    [Fact]
    public void Minor_elements_make_no_channel_but_the_ordered_one_always_does()
    {
        var alloy = AlloySpec.Parse("fcc", 0.36, "Ni:96,Cr:3,Al:1", "Al", "L12", "001");
        Assert.Equal(["Al-Al", "Ni-Ni", "Al-Ni"], alloy.DefaultChannels().Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("hcp", "Fe:80,Al:20", "Al", "B2", "001", null, "lattice: 'hcp'")]
    [InlineData("bcc", "Fe:80,Xx:20", "Fe", "B2", "001", null, "composition: no isotope table for 'Xx'")]
    [InlineData("bcc", "Fe:80,Al:20", "Ni", "B2", "001", null, "element: 'Ni' is not in the composition (Fe, Al)")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "L12", "001", null, "structure: L12 is not defined on BCC (FCC carries L12, L11, L10; BCC carries B2, D03)")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "C15", "001", null, "structure: 'C15'")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "B2", "110", null, "pole: B2 shows no contrast along ⟨110⟩")]
    [InlineData("fcc", "Co:1,Cr:1,Ni:1", "Ni", "L12", "111", null, "(poles that show it: 001, 110)")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "B2", "112", null, "pole: '112': expected 001, 111, 110")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "B2", "001", "Fe:2,Al:7", "charges: 'Al:7'")]
    [InlineData("bcc", "Fe:80,Al:20", "Al", "B2", "001", "Fe:2,Ni:1", "charges: 'Ni' is not in the composition")]
    public void Impossible_requests_name_their_option(string lattice, string composition, string element, string structure, string pole, string? charges, string message)
    {
        var e = Assert.Throws<InputException>(() => AlloySpec.Parse(lattice, 0.287, composition, element, structure, pole, charges));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_must_be_of_the_alloy()
    {
        var alloy = AlloySpec.Parse("bcc", 0.287, "Fe:80,Al:20", "Al", "B2", "001");
        var e = Assert.Throws<InputException>(() => alloy.CheckChannels([new ElementPair("Al", "Ni")]));
        Assert.StartsWith("channels: Al-Ni: 'Ni' is not in the composition", e.Message, StringComparison.Ordinal);
    }
}
