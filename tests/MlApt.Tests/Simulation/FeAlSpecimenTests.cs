using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Tests.Simulation;

/// <summary>Fe–Al specimens: B2 and D0₃ domains, Fe²⁺ and Al⁺ ions, and the range file a ranger of real data would make.</summary>
public class FeAlSpecimenTests
{
    private static SpecimenSpec FeAl(DomainStructure structure, int domains = 1) => new()
    {
        Size = (8, 8, 8), Lattice = "bcc", A = 0.287, Composition = [("Fe", 80), ("Al", 20)], Element = "Al", Structure = structure,
        Domains = domains, RadiusMin = 3, RadiusMax = 3, Order = 1, Efficiency = 1, SigmaXy = 0, SigmaZ = 0, MassNoise = 0,
        Charges = [("Fe", 2), ("Al", 1)], Seed = 5,
    };

    /// <summary>Al share of the ions inside and outside the domains (Al⁺ at 26.98 Da; ⁵⁴Fe²⁺ at 26.97 told apart without mass noise).</summary>
    private static (double Inside, double Outside) AlShares(SimulatedSpecimen s)
    {
        var index = new DomainIndex(s.Domains);
        long inAl = 0, inAll = 0, outAl = 0, outAll = 0;
        for (var i = 0; i < s.Cloud.Count; i++)
        {
            var al = Math.Abs(s.Cloud.M[i] - 26.982) < 0.005;
            if (index.Contains(s.Cloud.X[i], s.Cloud.Y[i], s.Cloud.Z[i])) { inAll++; if (al) inAl++; }
            else { outAll++; if (al) outAl++; }
        }
        return ((double)inAl / inAll, (double)outAl / outAll);
    }

    [Theory]
    // B2 (FeAl): Al on every corner site, half the sites. D0₃ (Fe₃Al): Al on half the corners, a quarter.
    [InlineData(DomainStructure.B2, 0.5)]
    [InlineData(DomainStructure.D03, 0.25)]
    public void Domains_hold_their_structures_stoichiometry_in_a_matrix_of_the_nominal_one(DomainStructure structure, double inside)
    {
        var (i, o) = AlShares(SimulatedSpecimen.Generate(FeAl(structure)));
        Assert.InRange(i, inside - 0.02, inside + 0.02);
        Assert.InRange(o, 0.18, 0.22);
    }

    [Fact]
    public void D03_puts_Al_on_alternate_corners_only()
    {
        var s = SimulatedSpecimen.Generate(FeAl(DomainStructure.D03) with { Composition = [("Fe", 1), ("Al", 1)], Orientation = (0, 0, 1) });
        var index = new DomainIndex(s.Domains);
        var a = 0.287;
        // Positions are exact (no noise): a site at cell (i, j, k) of the corner sublattice has Al only when i + j + k is even.
        for (var n = 0; n < s.Cloud.Count; n++)
        {
            double x = s.Cloud.X[n] + 4, y = s.Cloud.Y[n] + 4, z = -s.Cloud.Z[n];
            if (!index.Contains(s.Cloud.X[n], s.Cloud.Y[n], s.Cloud.Z[n]) || Math.Abs(s.Cloud.M[n] - 26.982) > 0.005) continue;
            double i = x / a, j = y / a, k = z / a;
            Assert.True(Math.Abs(i - Math.Round(i)) < 1e-3 && Math.Abs(j - Math.Round(j)) < 1e-3 && Math.Abs(k - Math.Round(k)) < 1e-3, "Al on a corner");
            Assert.Equal(0, ((long)Math.Round(i) + (long)Math.Round(j) + (long)Math.Round(k)) & 1);
        }
    }

    [Fact]
    public void Fe54_doubly_charged_lands_on_Al_singly_charged_and_is_ranged_as_Al()
    {
        var spec = FeAl(DomainStructure.B2, 0) with { MassNoise = 0.02 };
        var s = SimulatedSpecimen.Generate(spec);
        var table = RangeTable.Parse(SpecimenRanges.Rrng(spec), "feal.rrng");
        var species = table.Assign(s.Cloud);
        var counts = table.Count(species);
        Assert.Equal(0, counts[0]); // every ion ranged: Fe²⁺ at 28.0, 27.0, 28.5, 29.0 Da; Al⁺ at 27.0 Da
        var al = table.Species.Select((sp, k) => (sp, k)).Single(p => p.sp.Name == "Al").k;
        var fe = table.Species.Select((sp, k) => (sp, k)).Single(p => p.sp.Name == "Fe").k;
        // Al 20 %, plus the 5.8 % ⁵⁴Fe of the 80 % Fe: about 24.7 % of the ions are called Al.
        var calledAl = (double)counts[al] / s.Cloud.Count;
        Assert.InRange(calledAl, 0.2 + 0.8 * 0.0585 - 0.01, 0.2 + 0.8 * 0.0585 + 0.01);
        Assert.InRange((double)counts[fe] / s.Cloud.Count, 0.8 * (1 - 0.0585) - 0.01, 0.8 * (1 - 0.0585) + 0.01);
        // With every ion 2+ (Al²⁺ at 13.5 Da) nothing is shared.
        var doubly = spec with { Charges = null };
        Assert.Equal(SpecimenRanges.Rrng(["Fe", "Al"], 2), SpecimenRanges.Rrng(doubly));
    }

    [Fact]
    public void Charges_go_into_the_truth_file_and_back()
    {
        using var dir = new TempDir();
        var s = SimulatedSpecimen.Generate(FeAl(DomainStructure.B2) with { Size = (6, 6, 6), RadiusMin = 1, RadiusMax = 1 });
        var (files, _) = SpecimenFiles.Write(dir.File("s.pos"), s);
        var (spec, _) = SpecimenTruth.Load(files.Truth);
        Assert.Equal([("Fe", 2), ("Al", 1)], spec.Charges);
        Assert.Equal(1, spec.ChargeOf("Al"));
        Assert.Contains("Al:1", File.ReadAllText(files.Ranges), StringComparison.Ordinal);
    }

    [Fact]
    public void A_charge_outside_the_composition_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => (FeAl(DomainStructure.B2) with { Charges = [("Ni", 2)] }).Validate());
        Assert.Contains("charges: 'Ni' is not in the composition", e.Message, StringComparison.Ordinal);
    }
}
