using MlApt.Io;
using MlApt.Sdm;
using MlApt.Validation;
using MlApt.Specimens;
using MlApt.Crystal;

namespace MlApt.Tests.Validation;

public class SpecimenBankTests
{
    [Fact]
    public void Bank_IsSeeded_Labelled_AndBalanced()
    {
        var a = SpecimenBank.Generate(1, 3);
        var b = SpecimenBank.Generate(1, 3);
        Assert.Equal(a.X, b.X);
        Assert.Equal(a.Y, b.Y);
        Assert.Equal(["matrix", "CSRO"], a.Info.ClassNames);
        var csro = a.Y.Count(y => y == 1);
        var matrix = a.Y.Count(y => y == 0);
        Assert.True(csro > 100);
        Assert.InRange(matrix / (double)csro, 2.5, 3.5); // MatrixPerCsro, drawn at random
        Assert.DoesNotContain(a.X, float.IsNaN);
        Assert.All(a.Samples, s => Assert.InRange(s.Efficiency, 0.30, 0.65));
    }

    [Fact]
    public void VoxelProfiles_AreTheMapsInputs()
    {
        // The recorded inputs equal the mapper's own z-SDMs of those voxels (here checked on one voxel by hand).
        var spec = new SpecimenSpec { Size = (5, 5, 5), Domains = 1, RadiusMin = 1.2, RadiusMax = 1.2, Seed = 4 };
        var s = SimulatedSpecimen.Generate(spec);
        var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"]), "s.rrng");
        var pair = new ElementPair("Ni", "Ni");
        var (inputs, centres) = SpecimenBank.VoxelProfiles(s.Cloud, table, [pair], spec);
        Assert.Equal(centres.Count * 93, inputs.Length);
        var (nx, ny, nz) = ElementPair.Positions(s.Cloud, table.Assign(s.Cloud), table, "Ni");
        var (cx, cy, cz) = centres[centres.Count / 2];
        List<double> sx = [], sy = [], sz = [];
        for (var i = 0; i < nx.Length; i++)
        {
            double dx = nx[i] - cx, dy = ny[i] - cy, dz = nz[i] - cz;
            if (dx * dx + dy * dy + dz * dz <= 0.5625) { sx.Add(nx[i]); sy.Add(ny[i]); sz.Add(nz[i]); }
        }
        var full = new long[200];
        ZSdm.AccumulatePairs(sx.ToArray(), sy.ToArray(), sz.ToArray(), sx.ToArray(), sy.ToArray(), sz.ToArray(), 1.5, full);
        var pre = new double[93];
        Preprocessing.Apply(full.Skip(54).Take(93).Select(c => (double)c).ToArray(), pre, SdmStage.Preprocessed);
        var got = inputs.AsSpan((centres.Count / 2) * 93, 93).ToArray();
        for (var k = 0; k < 93; k++)
            Assert.Equal(pre[k], got[k], 4);
    }
}

public class SpecimenBankLabelTests
{
    private static readonly List<(double X, double Y, double Z)> Cube = SpecimenBank.CubePoints(1.0);
    private static readonly List<(double X, double Y, double Z)> Sphere075 = SpecimenBank.SpherePoints(0.75);

    [Theory]
    // A 0.6 nm domain fills 0.9 nm³: half of the 1 nm voxel when centred on it, whatever the sphere the z-SDM is
    // taken from (a 1.25 nm sphere could never be half inside it).
    [InlineData(0.6, 0.0, true)]
    [InlineData(0.6, 0.7, false)]
    // A large domain: the voxel is CSRO while its centre is inside, matrix once it is outside.
    [InlineData(2.0, 1.9, true)]
    [InlineData(2.0, 2.1, false)]
    public void Voxel_IsCsro_WhenHalfItsCubeIsInADomain(double radius, double offset, bool expected)
    {
        var index = new DomainIndex([new SphericalDomain(offset, 0, -5, radius)]);
        Assert.Equal(expected, SpecimenBank.IsCsro(index, (0, 0, -5), Cube));
    }

    [Theory]
    // The 0.75 nm sphere (1.77 nm³) is never half inside a 0.6 nm domain (0.9 nm³), even centred on it …
    [InlineData(0.6, 0.0, false)]
    [InlineData(0.75, 0.0, true)]
    // … and for a large domain it too follows the voxel centre.
    [InlineData(2.0, 1.9, true)]
    [InlineData(2.0, 2.1, false)]
    public void Sphere075Label_IsHalfOfA075NmSphere(double radius, double offset, bool expected)
    {
        var index = new DomainIndex([new SphericalDomain(offset, 0, -5, radius)]);
        Assert.Equal(expected, SpecimenBank.IsCsro(index, (0, 0, -5), Sphere075));
    }

    [Fact]
    public void IsCsro_UndoesTheZScale()
    {
        // Stretched by 1.5 about z = −5, the domain at z = −3 is seen at z = −5 + 1.5 × 2 = −2.
        var index = new DomainIndex([new SphericalDomain(0, 0, -3, 0.8)]);
        Assert.True(SpecimenBank.IsCsro(index, (0, 0, -2), Cube, 1.5, -5));
        Assert.False(SpecimenBank.IsCsro(index, (0, 0, -2), Cube));
    }

    [Fact]
    public void EnvelopeDraws_SpanTheEnvelope_ForEveryOrderType()
    {
        foreach (var order in OrderType.BuiltIn)
        {
            var options = new SpecimenBankOptions(40, 2) { Ranges = SpecimenBankRanges.Envelope, Order = order };
            var draws = Enumerable.Range(0, 40).Select(i => SpecimenBank.SpecimenFor(options, i)).ToList();
            Assert.All(draws, d =>
            {
                Assert.InRange(d.Spec.RadiusMin, 0.5, 1.8);
                Assert.InRange(d.Spec.RadiusMax, d.Spec.RadiusMin, 2.0);
                Assert.InRange(d.Spec.Order, 0.45, 1.0);
                Assert.InRange(d.Spec.Efficiency, 0.25, 0.8);
                Assert.InRange(d.Spec.SigmaXy, 0.2, 0.7);
                Assert.InRange(d.Spec.SigmaZ, 0.02, 0.06);
                Assert.InRange(d.TiltDegrees, 0, 8);
                Assert.InRange(d.ZScale, 0.9, 1.1);
                Assert.True(d.Spec.Domains >= 3);
                Assert.Equal(order.Structure, d.Spec.Structure.ToString());
                // The pole lies the drawn tilt away from z.
                var (h, k, l) = d.Spec.Orientation;
                var (ph, pk, pl) = order.Pole;
                var cos = (h * ph + k * pk + l * pl) / Math.Sqrt((h * h + k * k + l * l) * (ph * ph + pk * pk + pl * pl));
                Assert.Equal(d.TiltDegrees, Math.Acos(Math.Min(1, cos)) * 180 / Math.PI, 6);
            });
            Assert.Contains(draws, d => d.Spec.RadiusMax < 1.0);
            Assert.Contains(draws, d => d.Spec.Composition.Select(c => c.Amount).Distinct().Count() == 3);
            Assert.Equal(0, SpecimenBank.SpecimenFor(options, 0, domainFree: true).Spec.Domains);
        }
        // The draws do not depend on the order type.
        var along001 = SpecimenBank.SpecimenFor(new SpecimenBankOptions(1, 2) { Ranges = SpecimenBankRanges.Envelope }, 5);
        var along111 = SpecimenBank.SpecimenFor(new SpecimenBankOptions(1, 2) { Ranges = SpecimenBankRanges.Envelope, Order = OrderType.L11Along111 }, 5);
        Assert.Equal(along001.Spec.Seed, along111.Spec.Seed);
        Assert.Equal(along001.TiltDegrees, along111.TiltDegrees);
    }

    [Fact]
    public void Options_RefuseAnOrderTheAlloyCannotHold()
    {
        var feAl = new SpecimenBankOptions(1, 1) { Lattice = "bcc", A = 0.287, Composition = [("Fe", 80), ("Al", 20)], Order = new OrderType("B2", "Al", (0, 0, 1)) };
        feAl.Validate();
        Assert.Equal("element", Assert.Throws<ArgumentException>(() => (feAl with { Order = new OrderType("B2", "Ni", (0, 0, 1)) }).Validate()).ParamName);
        Assert.Equal("channels", Assert.Throws<ArgumentException>(() => (feAl with { Pairs = [new ElementPair("Al", "Ni")] }).Validate()).ParamName);
        Assert.Throws<ArgumentException>(() => (feAl with { Order = new OrderType("L12", "Al", (0, 0, 1)) }).Validate());
    }

    [Fact]
    public void EnvelopeBank_OfAnyAlloy_IsSeeded_AndDomainFreeSpecimensAreMatrixOnly()
    {
        // BCC Fe–Al with B2 Al domains: the alloy, the order type and the channels come from the options.
        var options = new SpecimenBankOptions(1, 2)
        {
            DomainFree = 1, Ranges = SpecimenBankRanges.Envelope, SamplesPerSpecimen = 400,
            Lattice = "bcc", A = 0.287, Composition = [("Fe", 80), ("Al", 20)], Order = new OrderType("B2", "Al", (0, 0, 1)),
        };
        var bank = SpecimenBank.Generate(options);
        Assert.Equal(bank.Y, SpecimenBank.Generate(options).Y);
        Assert.Equal(["Al-Al"], bank.Info.Channels);
        Assert.Equal("BCC", bank.Info.Classes[1].Lattice);
        Assert.Equal("B2", bank.Info.Classes[1].Motif);
        Assert.Equal(["Al", "Fe"], bank.Info.Classes[1].Elements);
        var csro = bank.Y.Count(y => y == 1);
        Assert.InRange(csro, 1, 130); // about 400 / (1 + 3) at most, drawn at random
        Assert.InRange(bank.Count, 500, 1100); // about 400 from each specimen, drawn at random
        Assert.DoesNotContain(bank.X, float.IsNaN);
        Assert.All(bank.Samples, s => Assert.Equal(0.287, s.LatticeParameter));
    }
}
