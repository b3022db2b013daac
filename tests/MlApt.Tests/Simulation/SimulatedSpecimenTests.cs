using MlApt.Io;
using MlApt.Specimens;
using MlApt.Sdm;
using MlApt.Tests.Crystal;

namespace MlApt.Tests.Simulation;

public class SimulatedSpecimenTests
{
    private static SpecimenSpec Small(int seed = 3, int domains = 4) => new()
    {
        Size = (8, 8, 10), Domains = domains, RadiusMin = 1.0, RadiusMax = 1.5, Seed = seed,
    };

    [Fact]
    public void SameSpec_SameIons()
    {
        var a = SimulatedSpecimen.Generate(Small());
        var b = SimulatedSpecimen.Generate(Small());
        Assert.Equal(a.Cloud.X, b.Cloud.X);
        Assert.Equal(a.Cloud.M, b.Cloud.M);
        Assert.Equal(a.Domains, b.Domains);
        Assert.NotEqual(a.Cloud.X, SimulatedSpecimen.Generate(Small(seed: 4)).Cloud.X);
    }

    [Fact]
    public void Domains_LieInsideAndDoNotOverlap()
    {
        var s = SimulatedSpecimen.Generate(Small(domains: 6));
        Assert.Equal(6, s.Domains.Count);
        foreach (var d in s.Domains)
        {
            Assert.InRange(d.Radius, 1.0, 1.5);
            Assert.InRange(d.X, -4 + d.Radius, 4 - d.Radius);
            Assert.InRange(d.Y, -4 + d.Radius, 4 - d.Radius);
            Assert.InRange(d.Z, -10 + d.Radius, -d.Radius);
            foreach (var e in s.Domains.Where(e => e != d))
                Assert.True(Math.Sqrt(Math.Pow(d.X - e.X, 2) + Math.Pow(d.Y - e.Y, 2) + Math.Pow(d.Z - e.Z, 2)) >= d.Radius + e.Radius - 1e-9);
        }
        Assert.Equal(s.Domains.Sum(d => d.Volume) / 640, s.TrueVolumeFraction, 12);
    }

    [Fact]
    public void Geometry_EfficiencyAndCentredAxes()
    {
        var s = SimulatedSpecimen.Generate(Small() with { SigmaXy = 0, SigmaZ = 0, Efficiency = 0.5 });
        // FCC: 4 sites per a³; half of them detected.
        var expected = 640 / Math.Pow(0.356, 3) * 4 * 0.5;
        Assert.InRange(s.Cloud.Count, expected * 0.95, expected * 1.05);
        Assert.InRange(s.Cloud.X.Min(), -4.0, -3.9);
        Assert.InRange(s.Cloud.X.Max(), 3.6, 4.0);
        Assert.InRange(s.Cloud.Z.Max(), -1e-6, 0.0);
        Assert.InRange(s.Cloud.Z.Min(), -10.0, -9.6);
    }

    [Fact]
    public void L12Domains_HoldTheElementOnCornersOnly()
    {
        // No noise, one big domain: inside, Ni sits exactly on the cube-corner sublattice (z multiples of a).
        var spec = new SpecimenSpec { Size = (6, 6, 6), Domains = 1, RadiusMin = 2.5, RadiusMax = 2.5, SigmaXy = 0, SigmaZ = 0, MassNoise = 0, Seed = 2 };
        var s = SimulatedSpecimen.Generate(spec);
        var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"]), "s.rrng");
        var species = table.Assign(s.Cloud);
        var ni = table.SingleAtomSpecies("Ni");
        var d = s.Domains[0];
        int inside = 0, corner = 0, niInside = 0;
        for (var i = 0; i < s.Cloud.Count; i++)
        {
            if (!d.Contains(s.Cloud.X[i], s.Cloud.Y[i], s.Cloud.Z[i])) continue;
            inside++;
            if (species[i] != ni) continue;
            niInside++;
            var u = (s.Cloud.X[i] + 3) / 0.356;
            var w = -s.Cloud.Z[i] / 0.356;
            if (Math.Abs(u - Math.Round(u)) < 1e-3 && Math.Abs(w - Math.Round(w)) < 1e-3) corner++;
        }
        Assert.Equal(niInside, corner);
        Assert.InRange(niInside / (double)inside, 0.2, 0.3); // 1 of 4 sites
    }

    [Fact]
    public void L11DomainAlong111_ElementZSdmRepeatsEveryTwoPlanes()
    {
        // No noise, one big L1₁ Ni domain, [111] along z: inside it Ni fills every other (111) plane, so its
        // z-SDM has peaks at multiples of 2·d₁₁₁ = 2a/√3 only; the Co+Cr planes between fill the odd multiples.
        var spec = new SpecimenSpec
        {
            Size = (7, 7, 7), Domains = 1, RadiusMin = 3.0, RadiusMax = 3.0, SigmaXy = 0, SigmaZ = 0, MassNoise = 0, Seed = 5,
            Structure = DomainStructure.L11, Orientation = (1, 1, 1), Efficiency = 0.6,
        };
        var s = SimulatedSpecimen.Generate(spec);
        var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"]), "s.rrng");
        var species = table.Assign(s.Cloud);
        var d = s.Domains[0];
        (double[] X, double[] Y, double[] Z) Inside(Func<int, bool> keep)
        {
            var idx = Enumerable.Range(0, s.Cloud.Count).Where(i => keep(species[i]) && d.Contains(s.Cloud.X[i], s.Cloud.Y[i], s.Cloud.Z[i])).ToArray();
            return (idx.Select(i => (double)s.Cloud.X[i]).ToArray(), idx.Select(i => (double)s.Cloud.Y[i]).ToArray(), idx.Select(i => (double)s.Cloud.Z[i]).ToArray());
        }
        long[] Cropped((double[] X, double[] Y, double[] Z) p)
        {
            var full = new long[ZSdm.FullBinCount];
            ZSdm.AccumulatePairs(p.X, p.Y, p.Z, p.X, p.Y, p.Z, ZSdm.DefaultPairRadius, full);
            return full.AsSpan(ZSdm.CropStart, ZSdm.CropLength).ToArray();
        }
        var d111 = spec.A / Math.Sqrt(3);
        var ni = Inside(sp => sp == table.SingleAtomSpecies("Ni"));
        var niSdm = Cropped(ni);
        CrystalTestData.AssertPlanesOnlyAt(niSdm, 2 * d111, zeroPlaneAllowed: true);
        Assert.Equal(0, CrystalTestData.Around(niSdm, d111));
        Assert.Equal(0, CrystalTestData.Around(niSdm, -d111));
        // The other elements hold the odd planes: their z-SDM with Ni peaks at odd multiples of d₁₁₁.
        var all = Inside(_ => true);
        Assert.InRange(ni.X.Length / (double)all.X.Length, 0.45, 0.55); // one plane in two
        var coCr = Inside(sp => sp != table.SingleAtomSpecies("Ni"));
        var cross = new long[ZSdm.FullBinCount];
        ZSdm.AccumulatePairs(ni.X, ni.Y, ni.Z, coCr.X, coCr.Y, coCr.Z, ZSdm.DefaultPairRadius, cross);
        var crossCropped = cross.AsSpan(ZSdm.CropStart, ZSdm.CropLength).ToArray();
        Assert.True(CrystalTestData.Around(crossCropped, d111) > 0);
        Assert.Equal(0, CrystalTestData.Around(crossCropped, 2 * d111));
    }

    [Fact]
    public void L11_IsRefusedOnBcc()
    {
        var e = Assert.Throws<ArgumentException>(() => (Small() with { Lattice = "bcc", A = 0.287, Structure = DomainStructure.L11 }).Validate());
        Assert.Contains("L11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainFreeTwin_SharesTheMatrix()
    {
        var s = SimulatedSpecimen.Generate(Small(domains: 3));
        var twin = SimulatedSpecimen.Generate(Small(domains: 3) with { Domains = 0 });
        Assert.Empty(twin.Domains);
        Assert.Equal(s.Cloud.X, twin.Cloud.X);
        var index = new DomainIndex(s.Domains);
        var differ = 0;
        for (var i = 0; i < s.Cloud.Count; i++)
        {
            if (s.Cloud.M[i] != twin.Cloud.M[i])
            {
                differ++;
                // Only sites inside a domain (before noise: allow the noise margin) may differ.
                var (x, y, z) = (s.Cloud.X[i], s.Cloud.Y[i], s.Cloud.Z[i]);
                Assert.Contains(s.Domains, d => Math.Pow(x - d.X, 2) + Math.Pow(y - d.Y, 2) + Math.Pow(z - d.Z, 2) <= Math.Pow(d.Radius + 2, 2));
            }
        }
        Assert.True(differ > 0);
        Assert.False(index.Contains(100, 100, 100));
    }

    [Fact]
    public void RangeFile_RangesEveryIon_AndLeavesSharedPeaksOut()
    {
        var s = SimulatedSpecimen.Generate(Small());
        var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"]), "s.rrng");
        Assert.Equal(0, table.Count(table.Assign(s.Cloud))[0]);
        // ⁵⁸Fe and ⁵⁸Ni (and ⁵⁴Fe/⁵⁴Cr) coincide: neither is ranged.
        var feni = SpecimenRanges.Rrng(["Fe", "Ni", "Cr"]);
        Assert.DoesNotContain("28.8665", feni, StringComparison.Ordinal);
        Assert.Contains("Fe:1", feni, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherLatticesAndOrientations_Work()
    {
        var b2 = SimulatedSpecimen.Generate(new SpecimenSpec
        {
            Size = (6, 6, 6), Lattice = "bcc", A = 0.287, Composition = [("Fe", 3), ("Al", 1)], Element = "Al", Structure = DomainStructure.B2,
            Domains = 2, RadiusMin = 1, RadiusMax = 1.2, Orientation = (1, 1, 1),
        });
        var expected = 216 / Math.Pow(0.287, 3) * 2 * 0.5;
        Assert.InRange(b2.Cloud.Count, expected * 0.95, expected * 1.05);
        Assert.InRange(b2.Cloud.X.Min(), -4.5, -2.9); // box −3 … 3 plus σxy noise
    }

    [Theory]
    [InlineData("lattice")]
    [InlineData("structure")]
    [InlineData("element")]
    [InlineData("radius")]
    [InlineData("crowded")]
    public void BadSpecs_AreRefused(string what)
    {
        var spec = what switch
        {
            "lattice" => Small() with { Lattice = "hcp" },
            "structure" => Small() with { Structure = DomainStructure.B2 },
            "element" => Small() with { Element = "Fe" },
            "radius" => Small() with { RadiusMin = 2, RadiusMax = 1 },
            _ => Small() with { Domains = 500 },
        };
        Assert.Throws<ArgumentException>(() => SimulatedSpecimen.Generate(spec));
    }

    [Fact]
    public void Truth_RoundTrips()
    {
        using var dir = new TempDir();
        var s = SimulatedSpecimen.Generate(Small() with { Order = 0.9, Orientation = (1, 1, 0) });
        var path = dir.File("s.truth.json");
        File.WriteAllText(path, SpecimenTruth.ToJson(s));
        var (spec, domains) = SpecimenTruth.Load(path);
        Assert.Equal(s.Spec with { Composition = [] }, spec with { Composition = [] });
        Assert.Equal(s.Spec.Composition, spec.Composition);
        Assert.Equal(s.Domains.Count, domains.Count);
        Assert.Equal(s.Domains[0].Radius, domains[0].Radius, 6);
        File.WriteAllText(path, "{\"format\": \"other\"}");
        Assert.Throws<InputException>(() => SpecimenTruth.Load(path));
    }
}
