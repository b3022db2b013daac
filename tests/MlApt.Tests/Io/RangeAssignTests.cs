using System.Globalization;
using System.Text;
using MlApt.Io;

namespace MlApt.Tests.Io;

/// <summary>The fast lookup against the definition: the first range in file order with lo ≤ m ≤ hi.</summary>
public class RangeAssignTests(ITestOutputHelper output)
{
    private static byte BruteForce(RangeTable t, double m)
    {
        foreach (var r in t.Ranges)
        {
            if (r.Lo <= m && m <= r.Hi)
                return r.Species;
        }
        return 0;
    }

    // Float masses are compared with the bounds rounded to float.
    private static byte BruteForce(RangeTable t, float m)
    {
        foreach (var r in t.Ranges)
        {
            if ((float)r.Lo <= m && m <= (float)r.Hi)
                return r.Species;
        }
        return 0;
    }

    // Random overlapping ranges with endpoints on a coarse grid (many shared end points), some exactly
    // representable as float so that float masses hit them exactly.
    private static RangeTable RandomTable(Random rng, int n, out List<double> ends)
    {
        var sb = new StringBuilder("[Ions]\nNumber=4\nIon1=Ni\nIon2=Co\nIon3=Cr\nIon4=O\n[Ranges]\n");
        sb.Append(CultureInfo.InvariantCulture, $"Number={n}\n");
        string[] comps = ["Ni:1", "Co:1", "Cr:1", "O:1", "Cr:1 O:1", "Ni:2", "O:2", "Co:1 O:1"];
        ends = [];
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Round(rng.NextDouble() * 100, rng.Next(2) == 0 ? 1 : 3);
            var hi = lo + Math.Round(0.001 + rng.NextDouble() * (rng.Next(10) == 0 ? 10 : 0.8), 3);
            if (rng.Next(4) == 0)
                (lo, hi) = (Math.Round(lo * 4) / 4, Math.Round(lo * 4) / 4 + 0.25 * (1 + rng.Next(3)));   // float-exact
            ends.Add(lo);
            ends.Add(hi);
            sb.Append(CultureInfo.InvariantCulture, $"Range{i + 1}={lo:R} {hi:R} {comps[rng.Next(comps.Length)]}\n");
        }
        return RangeTable.Parse(sb.ToString(), "random.rrng", RangeFileKind.Rrng);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 60)]
    [InlineData(3, 400)]
    public void Assign_matches_brute_force_on_100k_masses(int seed, int ranges)
    {
        var rng = new Random(seed);
        var t = RandomTable(rng, ranges, out var ends);
        var mass = new float[100_000];
        for (var i = 0; i < mass.Length; i++)
        {
            mass[i] = rng.Next(5) switch
            {
                0 => (float)ends[rng.Next(ends.Count)],                              // on (the float nearest to) an end point
                1 => MathF.BitIncrement((float)ends[rng.Next(ends.Count)]),
                2 => MathF.BitDecrement((float)ends[rng.Next(ends.Count)]),
                _ => (float)(rng.NextDouble() * 115 - 5),
            };
        }
        mass[0] = float.NaN;
        mass[1] = float.PositiveInfinity;
        mass[2] = float.NegativeInfinity;
        mass[3] = -0f;

        var species = t.Assign(mass);
        for (var i = 0; i < mass.Length; i++)
            Assert.True(BruteForce(t, mass[i]) == species[i], $"mass {mass[i]:R}: expected {BruteForce(t, mass[i])}, got {species[i]}");

        // The same masses as doubles go through the double lookup.
        var asDouble = Array.ConvertAll(mass, m => (double)m);
        var speciesD = new byte[mass.Length];
        t.Assign(asDouble, speciesD);
        for (var i = 0; i < mass.Length; i++)
            Assert.True(BruteForce(t, asDouble[i]) == speciesD[i], $"mass {asDouble[i]:R}: expected {BruteForce(t, asDouble[i])}, got {speciesD[i]}");

        // Exact double end points too (they are not float-representable in general).
        foreach (var e in ends)
        {
            Assert.Equal(BruteForce(t, e), t.SpeciesOf(e));
            Assert.Equal(BruteForce(t, Math.BitIncrement(e)), t.SpeciesOf(Math.BitIncrement(e)));
            Assert.Equal(BruteForce(t, Math.BitDecrement(e)), t.SpeciesOf(Math.BitDecrement(e)));
        }

        var counts = t.Count(species);
        Assert.Equal(t.SpeciesCount + 1, counts.Length);
        Assert.Equal(mass.Length, counts.Sum());
        for (var s = 0; s < counts.Length; s++)
            Assert.Equal(species.Count(x => x == s), counts[s]);
    }

    [Fact]
    public void Parallel_path_matches_serial_lookup()
    {
        var rng = new Random(7);
        var t = RandomTable(rng, 100, out _);
        var mass = new float[1_500_001];
        for (var i = 0; i < mass.Length; i++)
            mass[i] = (float)(rng.NextDouble() * 110);
        var species = t.Assign(mass);
        for (var i = 0; i < mass.Length; i += 7)
            Assert.Equal(t.SpeciesOf(mass[i]), species[i]);
        Assert.Equal(t.SpeciesOf(mass[^1]), species[^1]);

        var asDouble = Array.ConvertAll(mass, m => m * 1.0000001);
        var speciesD = new byte[mass.Length];
        t.Assign(asDouble, speciesD);
        for (var i = 0; i < mass.Length; i += 7)
            Assert.Equal(t.SpeciesOf(asDouble[i]), speciesD[i]);
        Assert.Equal(t.SpeciesOf(asDouble[^1]), speciesD[^1]);
    }

    [Fact]
    public void Float_masses_use_bounds_rounded_to_float()
    {
        var t = RangeTable.Parse("[Ions]\nNumber=1\nIon1=Co\n[Ranges]\nNumber=1\nRange1=29.91 30.62 Co:1\n", "co.rrng");
        // (float)29.91 < 29.91 and (float)30.62 > 30.62 as doubles, yet masses written 29.91 and 30.62 are on the bounds.
        Assert.True((double)29.91f < 29.91);
        Assert.True((double)30.62f > 30.62);
        Assert.Equal(0, t.SpeciesOf((double)29.91f));
        Assert.Equal(0, t.SpeciesOf((double)30.62f));
        Assert.Equal(1, t.SpeciesOf(29.91f));
        Assert.Equal(1, t.SpeciesOf(30.62f));
        Assert.Equal(0, t.SpeciesOf(MathF.BitIncrement(30.62f)));
        Assert.Equal(0, t.SpeciesOf(MathF.BitDecrement(29.91f)));
        Assert.Equal([1, 1], t.Assign([29.91f, 30.62f]));
        Assert.True(t.Ranges[0].Contains(30.62f));
        Assert.False(t.Ranges[0].Contains((double)30.62f));
    }

    [Fact]
    public void Length_mismatch_and_foreign_indices_are_refused()
    {
        var t = RangeTable.Parse("[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:1\n", "a.rrng");
        Assert.Throws<ArgumentException>(() => t.Assign(new float[3], new byte[2]));
        Assert.Throws<ArgumentException>(() => t.Assign(new double[1], new byte[2]));
        Assert.Throws<ArgumentException>(() => t.Count([0, 1, 2]));
        Assert.Equal([1L, 2L], t.Count([0, 1, 1]));
    }

    [Fact]
    public void Ten_million_ions_on_a_real_range_file_match_brute_force()
    {
        // The chunked parallel path over a real laboratory range file; its speed is measured by the IoBenchmarks
        // ("read and range a 10M-ion POS" in docs/performance.md), not asserted here.
        var path = SharedData.Require("range-files/R31_06365-v02.rrng");
        var t = RangeTable.Load(path);
        var rng = new Random(11);
        var mass = new float[10_000_000];
        for (var i = 0; i < mass.Length; i++)
            mass[i] = (float)(rng.NextDouble() * 80);
        var species = new byte[mass.Length];
        t.Assign(mass, species);
        for (var i = 0; i < mass.Length; i += 97)
            Assert.True(BruteForce(t, mass[i]) == species[i], FormattableString.Invariant($"ion {i}, mass {mass[i]:R}: expected {BruteForce(t, mass[i])}, got {species[i]}"));
        output.WriteLine(FormattableString.Invariant($"10M ions, {t.Ranges.Count} ranges, {species.Count(s => s != 0)} ranged"));
    }
}
