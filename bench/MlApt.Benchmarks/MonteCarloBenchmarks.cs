using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MlApt.Crystal;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Benchmarks;

/// <summary>
/// Swap attempts of the lattice Monte Carlo on one core: equiatomic CoCrNi on a 10³-cell FCC crystal
/// (4000 sites) at 1000 K, with interactions on shell 1 only or on shells 1–3 (42 neighbours per site).
/// The target is ≥ 5 million attempted swaps per second: ≤ 200 ns per attempt.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MonteCarloBenchmarks
{
    private const int AttemptsPerInvoke = 1_000_000;
    private MonteCarlo _mc = null!;

    /// <summary>Interaction shells.</summary>
    [Params(1, 3)]
    public int Shells { get; set; }

    [GlobalSetup]
    public void Setup() => _mc = MonteCarloQuick.CoCrNi(Shells, 1000);

    /// <summary>One attempt (BenchmarkDotNet reports the time per attempt).</summary>
    [Benchmark(OperationsPerInvoke = AttemptsPerInvoke)]
    public long Attempt()
    {
        _mc.Attempt(AttemptsPerInvoke);
        return _mc.Accepted;
    }
}

/// <summary>A stopwatch version of <see cref="MonteCarloBenchmarks"/> (<c>quick-mc</c>).</summary>
public static class MonteCarloQuick
{
    /// <summary>Equiatomic CoCrNi, 10³ FCC cells, literature-style interactions on shells 1 … <paramref name="shells"/>.</summary>
    public static MonteCarlo CoCrNi(int shells, double temperature)
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 10);
        var composition = Composition.Parse("Co:1,Cr:1,Ni:1");
        var random = new SeededRandom(7);
        var species = composition.RandomOccupation(lattice.Count, ref random);
        string[] terms = ["Co-Cr:1=-0.02", "Cr-Cr:1=0.03", "Cr-Ni:1=-0.01", "Co-Co:2=0.005", "Cr-Cr:2=-0.01", "Co-Ni:3=0.002"];
        var interactions = PairInteractions.Parse(composition.Elements, terms.Where(t => t[t.IndexOf(':', StringComparison.Ordinal) + 1] - '0' <= shells));
        return new MonteCarlo(lattice.Neighbours(), interactions, species, temperature, 1);
    }

    /// <summary>Prints attempted swaps per second for shells 1 and 3.</summary>
    public static int Run()
    {
        foreach (var shells in new[] { 1, 3 })
        {
            var mc = CoCrNi(shells, 1000);
            mc.Attempt(2_000_000);
            var sw = Stopwatch.StartNew();
            const long attempts = 20_000_000;
            mc.Attempt(attempts);
            var s = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"shells {shells}: {attempts / s / 1e6:F2} M attempts/s ({s * 1e9 / attempts:F1} ns each), acceptance {mc.Acceptance:F3}"));
        }
        return 0;
    }

    /// <summary>
    /// The ordering curve of OrderingTests: A50B50 FCC (8³ cells), V_AB^(1) = −0.04 eV, cooled from 5000 K
    /// to 100 K (300 sweeps to settle, α_AB^(1) averaged over 100 more at each temperature).
    /// </summary>
    public static int Order()
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 8);
        var shells = lattice.Neighbours();
        var r = new SeededRandom(30);
        string[] elements = ["A", "B"];
        var species = Composition.Parse("A:1,B:1").RandomOccupation(lattice.Count, ref r);
        var mc = new MonteCarlo(shells, PairInteractions.Parse(elements, ["A-B:1=-0.04"]), species, 5000, 31);
        foreach (var t in new double[] { 5000, 2000, 1000, 700, 500, 400, 300, 200, 100 })
        {
            mc.Temperature = t;
            mc.Sweep(300);
            double alpha = 0;
            for (var k = 0; k < 100; k++)
            {
                mc.Sweep();
                alpha += WarrenCowley.Compute(mc.Species, elements, shells, 1).Alpha(1, 0, 1) / 100;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,6} K: alpha_AB(1) = {alpha:F4}, energy {mc.Energy / mc.Sites:F5} eV/atom"));
        }
        return 0;
    }
}
