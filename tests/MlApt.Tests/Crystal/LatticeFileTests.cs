using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Tests.Crystal;

public class LatticeFileTests
{
    private const string Ni3Al = """
        { "name": "Ni3Al", "vectors": [[1,0,0],[0,1,0],[0,0,1]],
          "basis": [ { "position": [0,0,0], "element": "Al" }, { "position": [0.5,0.5,0], "element": "Ni" },
                     { "position": [0.5,0,0.5], "element": "Ni" }, { "position": [0,0.5,0.5], "element": "Ni" } ] }
        """;

    [Fact]
    public void Parse_ReadsVectorsAndBasis()
    {
        var lattice = LatticeFile.Parse(Ni3Al, "cell.json");
        Assert.Equal("Ni3Al", lattice.Name);
        Assert.Equal(LatticeKind.Custom, lattice.Kind);
        Assert.Equal(4, lattice.Basis.Count);
        Assert.Equal("Al", lattice.Basis[0].Element);
    }

    [Fact]
    public void BasisOccupation_ReproducesL12()
    {
        var custom = new CrystalModel(LatticeFile.Parse(Ni3Al, "cell.json"), 3, new Occupation(Motif.Basis, ["Al", "Ni"]));
        var l12 = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["Al", "Ni"]));
        Assert.Equal(l12.IdealSpecies.ToArray(), custom.IdealSpecies.ToArray());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{ "vectors": [[1,0,0],[0,1,0]], "basis": [ { "position": [0,0,0] } ] }""", "\"vectors\"")]
    [InlineData("""{ "vectors": [[1,0,0],[0,1,0],[0,0,1]], "basis": [] }""", "\"basis\"")]
    [InlineData("""{ "vectors": [[1,0,0],[0,1,0],[0,0,1]], "basis": [ { "position": [0,0] } ] }""", "basis[0].position")]
    [InlineData("""{ "vectors": [[1,0,0],[2,0,0],[0,0,1]], "basis": [ { "position": [0,0,0] } ] }""", "linearly independent")]
    public void Parse_BadInput_NamesTheSourceAndPlace(string json, string fragment)
    {
        var e = Assert.Throws<InputException>(() => LatticeFile.Parse(json, "cell.json"));
        Assert.StartsWith("cell.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }
}
