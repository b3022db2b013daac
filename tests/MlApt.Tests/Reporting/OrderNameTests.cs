using MlApt.Reporting;

namespace MlApt.Tests.Reporting;

public class OrderNameTests
{
    private const string SixPairs = "[\"Ni-Ni\",\"Co-Co\",\"Cr-Cr\",\"Ni-Co\",\"Ni-Cr\",\"Co-Cr\"]";

    /// <summary>The metadata the default model's bank records (classes and orientation), abridged.</summary>
    private static Dictionary<string, string> BankMetadata(string csroMotif = "L12", string element = "Ni", string hkl = "[\n 0,\n 0,\n 1\n]") => new()
    {
        ["bank.classes"] = $$"""
            [{"name": "matrix", "lattice": "FCC", "motif": "SolidSolution", "elements": ["Co", "Cr", "Ni"]},
             {"name": "CSRO", "lattice": "FCC", "motif": "{{csroMotif}}", "elements": ["{{element}}", "Co", "Cr"]}]
            """,
        ["bank.orientation_hkl"] = hkl,
        ["bank.channels"] = SixPairs,
    };

    private static readonly string[] Six = ["Ni-Ni", "Co-Co", "Cr-Cr", "Ni-Co", "Ni-Cr", "Co-Cr"];

    [Fact]
    public void DefaultModelLikeMetadata_NamesTheOrderNotThePairs()
    {
        Assert.Equal("L1₂-type Ni order along ⟨001⟩", OrderName.FromModel(BankMetadata(), Six, Six));
        Assert.Equal("L1₀-type Fe order along ⟨111⟩", OrderName.FromModel(BankMetadata("L10", "Fe", "[1, 1, 1]"), ["Fe-Fe"], ["Fe-Fe"]));
        Assert.Equal("B2-type Al order along ⟨1̄10⟩", OrderName.FromModel(BankMetadata("B2", "Al", "-1,1,0"), ["Al-Al"], ["Al-Al"]));
    }

    [Fact]
    public void ExplicitOrderKeys_WinOverTheBank()
    {
        var m = BankMetadata();
        m["order.structure"] = "D03";
        m["order.element"] = "Al";
        m["order.pole"] = "110";
        Assert.Equal("D0₃-type Al order along ⟨110⟩", OrderName.FromModel(m, Six, Six));
    }

    [Fact]
    public void OneChannelModelOnAnotherPair_LooksForItsOrderInThatElement()
    {
        Assert.Equal("L1₂-type Cr order along ⟨001⟩", OrderName.FromModel(BankMetadata(), ["Ni-Ni"], ["Cr-Cr"]));
        Assert.Equal("L1₂-type Co–Cr order along ⟨001⟩", OrderName.FromModel(BankMetadata(), ["Ni-Ni"], ["Co-Cr"]));
    }

    [Fact]
    public void WithoutMetadata_FallsBackOnThePairs()
    {
        var none = new Dictionary<string, string>();
        Assert.Equal("Co–Co CSRO", OrderName.FromModel(none, ["Co-Co"], ["Co-Co"]));
        Assert.Equal("CSRO from 6 pair z-SDMs", OrderName.FromModel(none, Six, Six));
        Assert.Equal("Ni–Ni CSRO", OrderName.FromModel(new Dictionary<string, string> { ["bank.classes"] = "not json" }, ["Ni-Ni"], ["Ni-Ni"]));
    }
}
