using MlApt.Crystal;
using MlApt.Numerics;

namespace MlApt.Tests.Crystal;

public class SupercellTests
{
    [Fact]
    public void ReferenceCrystal_Has172SitesAnd64Corners()
    {
        var model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["Co", "X"]));
        Assert.Equal(172, model.Count);
        Assert.Equal(64, model.IdealSpecies.ToArray().Count(s => s == 0));
        Assert.Equal(108, model.IdealSpecies.ToArray().Count(s => s == 1));
    }

    [Fact]
    public void ReferenceCrystal_SitesLieInTheClosedCube()
    {
        var cell = Supercell.Build(Lattice.Fcc, 3);
        Assert.All(cell.U.Concat(cell.V).Concat(cell.W), f => Assert.InRange(f, 0, 3));
        var distinct = Enumerable.Range(0, cell.Count).Select(s => (cell.U[s], cell.V[s], cell.W[s])).Distinct().Count();
        Assert.Equal(cell.Count, distinct);
    }

    [Theory]
    [InlineData(1, 9)]
    [InlineData(3, 91)]
    [InlineData(4, 189)]
    public void Bcc_HasCornersPlusBodyCentres(int cells, int sites) =>
        Assert.Equal(sites, Supercell.Build(Lattice.Bcc, cells).Count);

    [Fact]
    public void BasisSitesEqualModuloACell_AreOneSite()
    {
        var lattice = new Lattice("dup", LatticeKind.Custom, (1, 0, 0), (0, 1, 0), (0, 0, 1), [new(0, 0, 0), new(1, 0, 0)]);
        Assert.Equal(27, Supercell.Build(lattice, 2).Count);
    }

    [Fact]
    public void ReferenceCrystal_MatchesTheAuthorsCrystalFileWithoutDuplicates()
    {
        var path = SharedData.Require("reference-ml-apt/crystals/ggoutputFile_L12_X3Co_1nm_a_0.36.txt");
        var rows = File.ReadAllLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .Select(v => (X: Math.Round(v[0], 6), Y: Math.Round(v[1], 6), Z: Math.Round(v[2], 6), Label: (int)v[3])).Distinct().ToList();
        var model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["Co", "X"]));
        var random = new SeededRandom(1);
        var atoms = model.Realise(0.36, Rotation.Identity, ref random);
        var ours = Enumerable.Range(0, atoms.Count)
            .Select(i => (X: Math.Round(atoms.X[i], 6), Y: Math.Round(atoms.Y[i], 6), Z: Math.Round(atoms.Z[i], 6), Label: atoms.Species[i] == 0 ? 59 : 64))
            .ToHashSet();
        Assert.Equal(ours.Count, rows.Count);
        Assert.All(rows, r => Assert.Contains(r, ours));
    }
}
