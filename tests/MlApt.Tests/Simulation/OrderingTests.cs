using MlApt.Crystal;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Tests.Simulation;

/// <summary>The physics check: an unlike-pair attraction orders a binary FCC alloy (L1₀-like at 50/50).</summary>
public class OrderingTests
{
    private static readonly string[] Elements = ["A", "B"];

    /// <summary>
    /// Cools an A50B50 FCC crystal (8³ cells) with V_AB^(1) = −0.04 eV (ordering near 400 K) from
    /// 5000 K to 100 K and returns the mean α_AB^(1) at each temperature, highest first.
    /// </summary>
    private static (double T, double Alpha)[] Cool(double[] temperatures)
    {
        var lattice = PeriodicLattice.Build(Lattice.Fcc, 8);
        var shells = lattice.Neighbours();
        var r = new SeededRandom(30);
        var species = Composition.Parse("A:1,B:1").RandomOccupation(lattice.Count, ref r);
        var v = PairInteractions.Parse(Elements, ["A-B:1=-0.04"]);
        var mc = new MonteCarlo(shells, v, species, temperatures[0], 31);
        var result = new List<(double, double)>();
        foreach (var t in temperatures)
        {
            mc.Temperature = t;
            mc.Sweep(300);
            double alpha = 0;
            const int samples = 100;
            for (var k = 0; k < samples; k++)
            {
                mc.Sweep();
                alpha += WarrenCowley.Compute(mc.Species, Elements, shells, 1).Alpha(1, 0, 1) / samples;
            }
            result.Add((t, alpha));
        }
        return [.. result];
    }

    private static readonly Lazy<(double T, double Alpha)[]> Run =
        new(() => Cool([5000, 2000, 1000, 700, 500, 400, 300, 200, 100]));

    [Fact]
    public void WellBelowTheTransition_AlphaApproachesPerfectL10()
    {
        var (_, alpha) = Run.Value[^1];
        Assert.InRange(alpha, -1.0 / 3, -0.31);
    }

    [Fact]
    public void OrderWeakensMonotonicallyAsTemperatureRises()
    {
        var magnitudes = Run.Value.Reverse().Select(p => Math.Abs(p.Alpha)).ToArray();
        for (var k = 1; k < magnitudes.Length; k++)
            Assert.True(magnitudes[k] < magnitudes[k - 1], string.Join(", ", Run.Value.Select(p => $"{p.T} K: {p.Alpha:F4}")));
    }
}
