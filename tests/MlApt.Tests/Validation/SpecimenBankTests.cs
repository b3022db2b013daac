using MlApt.Io;
using MlApt.Sdm;
using MlApt.Validation;
using MlApt.Specimens;

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

    [Fact]
    public void IsCsro_UndoesTheZScale()
    {
        // Stretched by 1.5 about z = −5, the domain at z = −3 is seen at z = −5 + 1.5 × 2 = −2.
        var index = new DomainIndex([new SphericalDomain(0, 0, -3, 0.8)]);
        Assert.True(SpecimenBank.IsCsro(index, (0, 0, -2), Cube, 1.5, -5));
        Assert.False(SpecimenBank.IsCsro(index, (0, 0, -2), Cube));
    }

    [Fact]
    public void EnvelopeBank_DrawsTheEnvelope_AndDomainFreeSpecimensAreMatrixOnly()
    {
        var draws = Enumerable.Range(0, 40).Select(i => SpecimenBank.SpecimenFor(2, i, SpecimenBankRanges.Envelope)).ToList();
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
        });
        Assert.Contains(draws, d => d.Spec.RadiusMax < 1.0);
        Assert.Contains(draws, d => d.Spec.Composition.Select(c => c.Amount).Distinct().Count() == 3);
        Assert.Equal(0, SpecimenBank.SpecimenFor(2, 0, SpecimenBankRanges.Envelope, domainFree: true).Spec.Domains);

        var options = new SpecimenBankOptions(1, 2) { DomainFree = 1, Ranges = SpecimenBankRanges.Envelope, SamplesPerSpecimen = 400 };
        var bank = SpecimenBank.Generate(options);
        Assert.Equal(bank.Y, SpecimenBank.Generate(options).Y);
        var csro = bank.Y.Count(y => y == 1);
        Assert.InRange(csro, 1, 130); // about 400 / (1 + 3) at most, drawn at random
        Assert.InRange(bank.Count, 500, 1100); // about 400 from each specimen, drawn at random
        Assert.DoesNotContain(bank.X, float.IsNaN);
    }
}
