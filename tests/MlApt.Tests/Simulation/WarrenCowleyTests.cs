using MlApt.Crystal;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Tests.Simulation;

public class WarrenCowleyTests
{
    [Fact]
    public void PerfectB2_UnlikeFirstNeighboursOnly()
    {
        var lattice = PeriodicLattice.Build(Lattice.Bcc, 4);
        var elements = new[] { "Fe", "Al" };
        var species = lattice.Ideal(new Occupation(Motif.B2, elements));
        var wc = WarrenCowley.Compute(species, elements, lattice.Neighbours());
        Assert.Equal(-1, wc.Alpha(1, "Fe", "Al"), 12);
        Assert.Equal(-1, wc.Alpha(1, "Al", "Fe"), 12);
        Assert.Equal(1, wc.Alpha(1, "Fe", "Fe"), 12);
        Assert.Equal(1, wc.Alpha(2, "Fe", "Al"), 12);
        Assert.Equal(1, wc.Alpha(3, "Al", "Fe"), 12);
        Assert.Equal(-1, wc.Alpha(2, "Al", "Al"), 12);
    }

    [Fact]
    public void PerfectL12_MinusOneThirdOnTheFirstShell()
    {
        // Al on the cube corners, Ni on the face centres (Ni₃Al): each Al has 12 Ni neighbours,
        // each Ni 4 Al of 12; the second shell joins sites of the same sublattice.
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 3);
        var elements = new[] { "Al", "Ni" };
        var species = lattice.Ideal(new Occupation(Motif.L12, elements));
        var wc = WarrenCowley.Compute(species, elements, lattice.Neighbours());
        Assert.Equal(0.25, wc.Concentrations[0], 12);
        Assert.Equal(-1.0 / 3, wc.Alpha(1, "Al", "Ni"), 12);
        Assert.Equal(-1.0 / 3, wc.Alpha(1, "Ni", "Al"), 12);
        Assert.Equal(1, wc.Alpha(2, "Al", "Ni"), 12);
        Assert.Equal(1, wc.Alpha(2, "Ni", "Al"), 12);
    }

    [Fact]
    public void PerfectL10_MinusOneThirdOnTheFirstShell()
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 3);
        var elements = new[] { "Fe", "Pt" };
        var wc = WarrenCowley.Compute(lattice.Ideal(new Occupation(Motif.L10, elements)), elements, lattice.Neighbours());
        Assert.Equal(-1.0 / 3, wc.Alpha(1, "Fe", "Pt"), 12);
    }

    [Fact]
    public void Pairs_ListEveryOrderedPairInElementOrder()
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 3);
        var elements = new[] { "Co", "Cr", "Ni" };
        var species = new byte[lattice.Count];
        for (var i = 0; i < species.Length; i++) species[i] = (byte)(i % 3);
        var wc = WarrenCowley.Compute(species, elements, lattice.Neighbours());
        Assert.Equal(["Co-Co", "Co-Cr", "Co-Ni", "Cr-Co", "Cr-Cr", "Cr-Ni", "Ni-Co", "Ni-Cr", "Ni-Ni"], wc.Pairs(1).Select(p => p.Pair));
    }

    [Fact]
    public void AbsentSpecies_IsNaN()
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 3);
        var wc = WarrenCowley.Compute(new byte[lattice.Count], ["Co", "Ni"], lattice.Neighbours());
        Assert.Equal(0, wc.Alpha(1, "Co", "Co"), 12);
        Assert.True(double.IsNaN(wc.Alpha(1, "Co", "Ni")));
    }

    [Fact]
    public void SumRule_ConcentrationWeightedAlphasVanish()
    {
        // Σ_j c_j α_ij = 1 − Σ_j p_ij = 0 for every i and shell: a check on the counting.
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 4);
        var c = Composition.Parse("Co:1,Cr:2,Ni:3");
        var r = new SeededRandom(3);
        var wc = WarrenCowley.Compute(c.RandomOccupation(lattice.Count, ref r), c.Elements, lattice.Neighbours());
        for (var m = 1; m <= 3; m++)
            for (var i = 0; i < 3; i++)
                Assert.Equal(0, Enumerable.Range(0, 3).Sum(j => wc.Concentrations[j] * wc.Alpha(m, i, j)), 12);
    }

    [Fact]
    public void Average_IsTheMeanOfTheAlphas()
    {
        var lattice = PeriodicLattice.Build(Lattice.Bcc, 3);
        string[] elements = ["Fe", "Al"];
        var ordered = WarrenCowley.Compute(lattice.Ideal(new Occupation(Motif.B2, elements)), elements, lattice.Neighbours());
        var r = new SeededRandom(1);
        var random = WarrenCowley.Compute(Composition.Parse("Fe:1,Al:1").RandomOccupation(lattice.Count, ref r), elements, lattice.Neighbours());
        var mean = WarrenCowleyTable.Average([ordered, random]);
        Assert.Equal((ordered.Alpha(1, 0, 1) + random.Alpha(1, 0, 1)) / 2, mean.Alpha(1, 0, 1), 1e-15);
    }
}
