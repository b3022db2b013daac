using MlApt.Crystal;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Tests.Simulation;

public class MonteCarloTests
{
    private static readonly string[] Ternary = ["Co", "Cr", "Ni"];

    private static PairInteractions Rough(int seed)
    {
        // Arbitrary interactions on all three shells: every path of the energy code matters.
        var v = new PairInteractions(Ternary);
        var r = new SeededRandom((ulong)seed);
        for (var m = 1; m <= 3; m++)
            for (var a = 0; a < 3; a++)
                for (var b = a; b < 3; b++)
                    v.Set(m, a, b, (r.NextDouble() - 0.5) * 0.1);
        return v;
    }

    private static (PeriodicLattice Lattice, NeighbourShells Shells, byte[] Species) Random(Lattice kind, int cells, string composition, ulong seed)
    {
        var lattice = PeriodicLattice.Build(kind, cells);
        var r = new SeededRandom(seed);
        return (lattice, lattice.Neighbours(), Composition.Parse(composition).RandomOccupation(lattice.Count, ref r));
    }

    [Fact]
    public void SwapEnergy_EqualsTheChangeOfTheRecomputedTotal()
    {
        var (_, shells, species) = Random(Lattice.Fcc, 3, "Co:1,Cr:1,Ni:1", 1);
        var v = Rough(2);
        var mc = new MonteCarlo(shells, v, species, 1000, 3);
        var r = new SeededRandom(4);
        // Random pairs and, above all, neighbour pairs in each shell (whose common bond must drop out).
        var pairs = Enumerable.Range(0, 50).Select(_ => (r.NextInt(species.Length), r.NextInt(species.Length)))
            .Concat(Enumerable.Range(1, 3).SelectMany(m => shells.Of(5, m).ToArray().Select(j => (5, j))));
        foreach (var (i, j) in pairs)
        {
            var swapped = species.ToArray();
            (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
            var after = new MonteCarlo(shells, v, swapped, 1000, 0).TotalEnergy();
            Assert.Equal(after - mc.TotalEnergy(), mc.SwapEnergy(i, j), 1e-12);
        }
    }

    [Fact]
    public void SumOfAcceptedChanges_EqualsTheRecomputedTotalEnergy()
    {
        var (_, shells, species) = Random(Lattice.Fcc, 5, "Co:1,Cr:1,Ni:1", 5);
        var mc = new MonteCarlo(shells, Rough(6), species, 2000, 7);
        mc.Sweep(200);
        Assert.True(mc.Accepted > 1000);
        Assert.NotEqual(mc.InitialEnergy, mc.Energy, 3);
        Assert.Equal(mc.TotalEnergy(), mc.Energy, 1e-9);
    }

    [Fact]
    public void SameSeed_SameRun()
    {
        var (_, shells, species) = Random(Lattice.Bcc, 4, "Fe:3,Al:1", 8);
        var v = PairInteractions.Parse(["Fe", "Al"], ["Fe-Al:1=-0.03"]);
        var a = new MonteCarlo(shells, v, species, 800, 9);
        var b = new MonteCarlo(shells, v, species, 800, 9);
        var c = new MonteCarlo(shells, v, species, 800, 10);
        a.Sweep(20); b.Sweep(20); c.Sweep(20);
        Assert.Equal(a.Species.ToArray(), b.Species.ToArray());
        Assert.Equal(a.Accepted, b.Accepted);
        Assert.NotEqual(a.Species.ToArray(), c.Species.ToArray());
    }

    [Fact]
    public void Swaps_KeepTheComposition()
    {
        var (_, shells, species) = Random(Lattice.Fcc, 4, "Co:1,Cr:1,Ni:2", 11);
        var mc = new MonteCarlo(shells, Rough(12), species, 500, 13);
        mc.Sweep(10);
        for (byte s = 0; s < 3; s++)
            Assert.Equal(species.Count(x => x == s), mc.Species.ToArray().Count(x => x == s));
    }

    [Fact]
    public void ZeroTemperature_NeverRaisesTheEnergy()
    {
        var (_, shells, species) = Random(Lattice.Fcc, 4, "Co:1,Cr:1,Ni:1", 14);
        var mc = new MonteCarlo(shells, Rough(15), species, 0, 16);
        var last = mc.Energy;
        for (var k = 0; k < 2000; k++)
        {
            mc.Attempt(1);
            Assert.True(mc.Energy <= last);
            last = mc.Energy;
        }
    }

    [Fact]
    public void DetailedBalance_TwoSolutesBondAsBoltzmannSays()
    {
        // Two B atoms among 52 A on a periodic BCC 3³ crystal (54 sites), V_BB^(1) = −ε: of the
        // C(54, 2) = 1431 placements, 54 · 8 / 2 = 216 are first-neighbour bonds. Uniform proposals and
        // Metropolis acceptance must give P(bonded) = 216 e^{ε/kT} / (216 e^{ε/kT} + 1215).
        var lattice = PeriodicLattice.Build(Lattice.Bcc, 3);
        var species = new byte[lattice.Count];
        species[0] = species[27] = 1;
        const double epsilon = 0.03, temperature = 300;
        var v = PairInteractions.Parse(["A", "B"], ["B-B:1=-0.03"]);
        var mc = new MonteCarlo(lattice.Neighbours(), v, species, temperature, 17);
        var boltzmann = Math.Exp(epsilon / (MonteCarlo.Boltzmann * temperature));
        var expected = 216 * boltzmann / (216 * boltzmann + 1215);
        mc.Attempt(10_000);
        long bonded = 0;
        const int samples = 1_000_000;
        for (var k = 0; k < samples; k++)
        {
            mc.Attempt(1);
            if (mc.Energy < -epsilon / 2) bonded++;
        }
        Assert.Equal(expected, (double)bonded / samples, 0.01);
    }

    [Fact]
    public void NoInteractions_RandomAlloyHasNoShortRangeOrder()
    {
        // 10³ FCC cells, equiatomic ternary; α averaged over 40 configurations one sweep apart
        // (a single configuration scatters by about ±0.01).
        var (_, shells, species) = Random(Lattice.Fcc, 10, "Co:1,Cr:1,Ni:1", 18);
        var mc = new MonteCarlo(shells, new PairInteractions(Ternary), species, 1000, 19);
        var sum = new double[3, 3, 3];
        const int samples = 40;
        for (var k = 0; k < samples; k++)
        {
            mc.Sweep();
            var wc = WarrenCowley.Compute(mc.Species, Ternary, shells);
            for (var m = 1; m <= 3; m++)
                for (var i = 0; i < 3; i++)
                    for (var j = 0; j < 3; j++) sum[m - 1, i, j] += wc.Alpha(m, i, j) / samples;
        }
        foreach (var alpha in sum) Assert.InRange(alpha, -0.02, 0.02);
        Assert.Equal(1.0, mc.Acceptance);
    }

    [Fact]
    public void VeryHighTemperature_IsNearlyRandomDespiteStrongInteractions()
    {
        var (_, shells, species) = Random(Lattice.Fcc, 8, "Co:1,Ni:1", 20);
        var elements = new[] { "Co", "Ni" };
        var v = PairInteractions.Parse(elements, ["Co-Ni:1=-0.1"]);
        var mc = new MonteCarlo(shells, v, species, 1e7, 21);
        double alpha = 0;
        for (var k = 0; k < 40; k++)
        {
            mc.Sweep();
            alpha += WarrenCowley.Compute(mc.Species, elements, shells).Alpha(1, 0, 1) / 40;
        }
        Assert.InRange(alpha, -0.02, 0.02);
    }
}
