using MlApt.Crystal;
using MlApt.Numerics;

namespace MlApt.Tests.Crystal;

public class OccupationTests
{
    private static byte[] Ideal(Lattice lattice, int cells, Motif motif) =>
        new CrystalModel(lattice, cells, new Occupation(motif, ["E", "X"])).IdealSpecies.ToArray();

    [Fact]
    public void L10_FirstElementOnIntegerZPlanes()
    {
        var cell = Supercell.Build(Lattice.Fcc, 2);
        var species = Ideal(Lattice.Fcc, 2, Motif.L10);
        for (var s = 0; s < cell.Count; s++)
            Assert.Equal(Math.Abs(cell.W[s] - Math.Round(cell.W[s])) < 1e-9, species[s] == 0);
    }

    [Fact]
    public void L11_FirstElementWhereCoordinateSumIsEven()
    {
        var cell = Supercell.Build(Lattice.Fcc, 2);
        var species = Ideal(Lattice.Fcc, 2, Motif.L11);
        for (var s = 0; s < cell.Count; s++)
            Assert.Equal((int)Math.Round(cell.U[s] + cell.V[s] + cell.W[s]) % 2 == 0, species[s] == 0);
    }

    [Fact]
    public void B2_FirstElementOnCorners()
    {
        var cell = Supercell.Build(Lattice.Bcc, 3);
        var species = Ideal(Lattice.Bcc, 3, Motif.B2);
        Assert.Equal(64, species.Count(s => s == 0));
        Assert.Equal(27, species.Count(s => s == 1));
        for (var s = 0; s < cell.Count; s++)
            Assert.Equal(Math.Abs(cell.U[s] - Math.Round(cell.U[s])) < 1e-9, species[s] == 0);
    }

    [Fact]
    public void D03_FirstElementOnAQuarterOfAPeriodicBlock()
    {
        // A 2 × 2 × 2 block without its upper boundary has exactly 16 sites; D0₃ puts 4 of them (¼) on E.
        var cell = Supercell.Build(Lattice.Bcc, 2);
        var species = Ideal(Lattice.Bcc, 2, Motif.D03);
        var inner = Enumerable.Range(0, cell.Count).Where(s => cell.U[s] < 1.99 && cell.V[s] < 1.99 && cell.W[s] < 1.99).ToArray();
        Assert.Equal(16, inner.Length);
        Assert.Equal(4, inner.Count(s => species[s] == 0));
    }

    [Theory]
    [InlineData(Motif.L12)]
    [InlineData(Motif.L10)]
    [InlineData(Motif.L11)]
    public void FccMotifOnBcc_IsRefused(Motif motif) =>
        Assert.Throws<ArgumentException>(() => new CrystalModel(Lattice.Bcc, 2, new Occupation(motif, ["E", "X"])));

    [Fact]
    public void OrderedMotifWithOneElement_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new CrystalModel(Lattice.Fcc, 2, new Occupation(Motif.L12, ["E"])));

    [Fact]
    public void PerfectOrder_UsesNoRandomNumbers()
    {
        var model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["E", "X"]));
        var r = new SeededRandom(3);
        var untouched = new SeededRandom(3);
        var atoms = model.Realise(0.36, Rotation.Identity, ref r);
        Assert.Equal(untouched.NextUInt64(), r.NextUInt64());
        Assert.Equal(model.IdealSpecies.ToArray(), atoms.Species);
    }

    [Fact]
    public void ZeroOrder_GivesTheIdealCompositionAtRandom()
    {
        var model = new CrystalModel(Lattice.Fcc, 6, new Occupation(Motif.L12, ["E", "X"], Order: 0));
        var r = new SeededRandom(5);
        var atoms = model.Realise(0.36, Rotation.Identity, ref r);
        var ideal = model.IdealSpecies.ToArray();
        var cE = ideal.Count(s => s == 0) / (double)ideal.Length;
        var corners = Enumerable.Range(0, ideal.Length).Where(s => ideal[s] == 0).ToArray();
        var eOnCorners = corners.Count(s => atoms.Species[s] == 0) / (double)corners.Length;
        // With S = 0 a corner holds E with probability c_E (≈ 0.28 here), not 1.
        Assert.InRange(eOnCorners, cE - 0.08, cE + 0.08);
        Assert.InRange(atoms.Species.Count(s => s == 0) / (double)atoms.Count, cE - 0.05, cE + 0.05);
    }

    [Fact]
    public void PartialOrder_CornersHoldEWithProbabilitySPlusRest()
    {
        const double s = 0.6;
        var model = new CrystalModel(Lattice.Fcc, 8, new Occupation(Motif.L12, ["E", "X"], Order: s));
        var r = new SeededRandom(9);
        var atoms = model.Realise(0.36, Rotation.Identity, ref r);
        var ideal = model.IdealSpecies.ToArray();
        var cE = ideal.Count(v => v == 0) / (double)ideal.Length;
        var corners = Enumerable.Range(0, ideal.Length).Where(i => ideal[i] == 0).ToArray();
        var p = corners.Count(i => atoms.Species[i] == 0) / (double)corners.Length;
        Assert.InRange(p, s + (1 - s) * cE - 0.04, s + (1 - s) * cE + 0.04);
    }

    [Fact]
    public void SolidSolution_FollowsTheComposition()
    {
        var model = new CrystalModel(Lattice.Bcc, 10, new Occupation(Motif.SolidSolution, ["Fe", "Al"], [0.75, 0.25]));
        var r = new SeededRandom(11);
        var atoms = model.Realise(0.287, Rotation.Identity, ref r);
        Assert.InRange(atoms.CountOf("Al") / (double)atoms.Count, 0.22, 0.28);
    }
}
