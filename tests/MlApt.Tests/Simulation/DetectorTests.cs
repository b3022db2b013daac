using MlApt.Crystal;
using MlApt.Sdm;
using MlApt.Numerics;
using MlApt.Specimens;

namespace MlApt.Tests.Simulation;

public class DetectorTests
{
    private static Atoms Reference(out CrystalModel model)
    {
        model = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L12, ["Co", "X"]));
        var r = new SeededRandom(0);
        return model.Realise(0.36, Rotation.Identity, ref r);
    }

    [Theory]
    [InlineData(0.2, 34)]
    [InlineData(0.25, 43)]
    [InlineData(0.65, 111)]
    [InlineData(1.0, 172)]
    [InlineData(0.0, 0)]
    public void KeepsFloorOfNTimesEta(double eta, int kept)
    {
        var atoms = Reference(out _);
        var r = new SeededRandom(1);
        Assert.Equal(kept, Detector.Apply(atoms, new DetectorParameters(0.3, 0.03, eta), ref r).Count);
    }

    [Fact]
    public void Subset_HasNoRepeatedAtom()
    {
        var atoms = Reference(out _);
        var r = new SeededRandom(2);
        var d = Detector.Apply(atoms, new DetectorParameters(0, 0, 0.5), ref r);
        var set = Enumerable.Range(0, d.Count).Select(i => (d.X[i], d.Y[i], d.Z[i])).ToHashSet();
        Assert.Equal(d.Count, set.Count);
    }

    [Fact]
    public void Subset_IsUniform()
    {
        var atoms = Reference(out _);
        var hits = new int[atoms.Count];
        for (var t = 0; t < 4000; t++)
        {
            var r = SeededRandom.ForSample(3, t);
            var d = Detector.Apply(atoms, new DetectorParameters(0, 0, 0.25), ref r);
            // Without noise every kept atom is exactly one site.
            for (var i = 0; i < d.Count; i++)
                for (var k = 0; k < atoms.Count; k++)
                    if (atoms.X[k] == d.X[i] && atoms.Y[k] == d.Y[i] && atoms.Z[k] == d.Z[i]) hits[k]++;
        }
        // Each site is kept with probability 43/172 = 0.25: 1000 ± ~27 of 4000.
        Assert.All(hits, h => Assert.InRange(h, 850, 1150));
    }

    [Fact]
    public void Noise_HasTheRequestedStandardDeviations()
    {
        var atoms = Reference(out _);
        double sx = 0, sz = 0;
        var n = 0;
        for (var t = 0; t < 300; t++)
        {
            var r = SeededRandom.ForSample(4, t);
            var d = Detector.Apply(atoms, new DetectorParameters(0.5, 0.05, 1.0), ref r);
            for (var i = 0; i < d.Count; i++)
            {
                sx += (d.X[i] - atoms.X[i]) * (d.X[i] - atoms.X[i]);
                sz += (d.Z[i] - atoms.Z[i]) * (d.Z[i] - atoms.Z[i]);
                n++;
            }
        }
        Assert.InRange(Math.Sqrt(sx / n), 0.49, 0.51);
        Assert.InRange(Math.Sqrt(sz / n), 0.049, 0.051);
    }

    [Fact]
    public void Efficiency_ScalesPairCountsByEtaSquared()
    {
        // Expected pairs among k of N atoms: pairs(N)·k(k−1)/(N(N−1)) ≈ η²·pairs(N).
        var atoms = Reference(out _);
        static double MeanPairs(Atoms atoms, double eta)
        {
            long total = 0;
            const int trials = 400;
            for (var t = 0; t < trials; t++)
            {
                var r = SeededRandom.ForSample(5, t);
                var d = Detector.Apply(atoms, new DetectorParameters(0.3, 0.03, eta), ref r);
                var (x, y, z) = d.Select("Co");
                var full = new long[ZSdm.FullBinCount];
                ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, full);
                total += full.Sum();
            }
            return total / (double)trials;
        }
        var all = MeanPairs(atoms, 1.0);
        foreach (var eta in new[] { 0.3, 0.5 })
        {
            var ratio = MeanPairs(atoms, eta) / all;
            Assert.InRange(ratio, eta * eta * 0.93, eta * eta * 1.07);
        }
    }

    [Fact]
    public void BadParameters_AreRefused()
    {
        var atoms = Reference(out _);
        var r = new SeededRandom(6);
        Assert.Throws<ArgumentException>(() => Detector.Apply(atoms, new DetectorParameters(0.3, 0.03, 1.5), ref r));
        Assert.Throws<ArgumentException>(() => Detector.Apply(atoms, new DetectorParameters(-0.1, 0.03, 0.5), ref r));
    }
}
