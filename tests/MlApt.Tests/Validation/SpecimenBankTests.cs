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
