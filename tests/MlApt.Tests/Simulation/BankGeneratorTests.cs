using MlApt.Crystal;
using MlApt.Sdm;
using MlApt.Banks;

namespace MlApt.Tests.Simulation;

public class BankGeneratorTests
{
    /// <summary>A small two-class, two-channel bank (random sampling, tilt and lattice jitter).</summary>
    internal static BankSpec Small(int samples = 24)
    {
        var p = new ParameterSpace(ParameterAxis.Range(0.2, 0.6), ParameterAxis.Range(0.01, 0.05), ParameterAxis.Range(0.3, 0.6),
            ParameterAxis.Range(0, 4), ParameterAxis.Range(0.355, 0.365), samples);
        var ss = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.SolidSolution, ["Co", "Ni"]));
        var l10 = new CrystalModel(Lattice.Fcc, 3, new Occupation(Motif.L10, ["Co", "Ni"], Order: 0.9));
        return new BankSpec("custom", [new BankClass("SS", ss, p), new BankClass("L10", l10, p)],
            [new ElementPair("Co", "Co"), new ElementPair("Co", "Ni")], (0, 0, 1));
    }

    [Fact]
    public void Presets_HaveMethodsSampleCounts()
    {
        var reference = BankPresets.Get("cocrni-reference");
        Assert.Equal([3250, 1950], reference.Classes.Select(c => c.Parameters.Count));
        Assert.Equal(5200, reference.Count);
        Assert.Equal(5200, BankPresets.Get("cocrni-111").Count);
        var feal = BankPresets.Get("feal-reference");
        Assert.Equal(["BCC", "B2", "D03"], feal.Classes.Select(c => c.Name));
        Assert.Equal(["Fe-Fe", "Al-Al"], feal.Channels.Select(c => c.ToString()));
    }

    [Fact]
    public void UnknownPreset_IsRefused() => Assert.Throws<ArgumentException>(() => BankPresets.Get("nope"));

    [Fact]
    public void Generate_ShapesAndLabels()
    {
        var bank = BankGenerator.Generate(Small(), 1);
        Assert.Equal(48, bank.Count);
        Assert.Equal(2, bank.ChannelCount);
        Assert.Equal(48 * 2 * 93, bank.X.Length);
        Assert.Equal(Enumerable.Repeat(0, 24).Concat(Enumerable.Repeat(1, 24)), bank.Y);
    }

    [Fact]
    public void Generate_EverySampleIsMinMaxNormalised()
    {
        var bank = BankGenerator.Generate(Small(), 2);
        for (var s = 0; s < bank.Count; s++)
        {
            for (var c = 0; c < bank.ChannelCount; c++)
            {
                var p = bank.Profile(s, c).ToArray();
                Assert.Equal(0f, p.Min());
                Assert.Equal(1f, p.Max());
            }
        }
    }

    [Fact]
    public void Generate_IsIdenticalWhateverTheThreadCount()
    {
        var one = BankGenerator.Generate(Small(), 3, maxThreads: 1);
        var many = BankGenerator.Generate(Small(), 3, maxThreads: 4);
        Assert.Equal(one.X, many.X);
        Assert.Equal(one.Samples, many.Samples);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentBanks() =>
        Assert.NotEqual(BankGenerator.Generate(Small(4), 3).X, BankGenerator.Generate(Small(4), 4).X);

    [Fact]
    public void Generate_RandomSamplingStaysInTheRanges()
    {
        var bank = BankGenerator.Generate(Small(), 5);
        Assert.All(bank.Samples, s =>
        {
            Assert.InRange(s.SigmaXy, 0.2, 0.6);
            Assert.InRange(s.SigmaZ, 0.01, 0.05);
            Assert.InRange(s.Efficiency, 0.3, 0.6);
            Assert.InRange(s.TiltDegrees, 0, 4);
            Assert.InRange(s.LatticeParameter, 0.355, 0.365);
        });
    }

    [Fact]
    public void GridBank_VisitsEveryCombinationWithEtaInnermost()
    {
        var p = new ParameterSpace(ParameterAxis.List([0.2, 0.3]), ParameterAxis.List([0.02, 0.03]), ParameterAxis.List([0.4, 0.5]),
            ParameterAxis.Single(0), ParameterAxis.Single(0.36));
        var spec = new BankSpec("custom", [new BankClass("FCC", new CrystalModel(Lattice.Fcc, 3, Occupation.Pure("Co")), p)],
            [new ElementPair("Co", "Co")], (0, 0, 1));
        var bank = BankGenerator.Generate(spec, 6);
        Assert.Equal(8, bank.Count);
        Assert.Equal([0.4, 0.5, 0.4, 0.5], bank.Samples.Take(4).Select(s => s.Efficiency));
        Assert.Equal([0.02, 0.02, 0.03, 0.03], bank.Samples.Take(4).Select(s => s.SigmaZ));
        Assert.Equal(8, bank.Samples.Select(s => (s.SigmaXy, s.SigmaZ, s.Efficiency)).Distinct().Count());
    }

    [Fact]
    public void ChannelWithAnAbsentElement_IsRefused()
    {
        var spec = Small() with { Channels = [new ElementPair("Co", "Cr")] };
        Assert.Throws<ArgumentException>(() => BankGenerator.Generate(spec, 1));
    }

    [Fact]
    public void CocrniReference_MeanCsroProfileMatchesThePublishedBank()
    {
        var path = SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy");
        var published = PublishedBank.Import(path, 1);
        var reference = BankPresets.Get("cocrni-reference");
        var csroOnly = reference with { Classes = [reference.Classes[1]] };
        var ours = BankGenerator.Generate(csroOnly, 42).MeanProfile(0, 0);
        var theirs = published.MeanProfile(1, 0);
        var r = Pearson(ours, theirs);
        Assert.True(r >= 0.99, $"correlation {r:F4} < 0.99");
    }

    [Fact]
    public void CocrniReference_MeanProfilesOfTheClassesDiffer()
    {
        // FCC (peaks at ±a/2) and L1₂ (none there) must be told apart by their mean profiles.
        var bank = BankGenerator.Generate(BankPresets.Get("cocrni-reference"), 42);
        var fcc = bank.MeanProfile(0, 0);
        var csro = bank.MeanProfile(1, 0);
        var half = ZSdm.Bin(0.18) - ZSdm.CropStart;
        Assert.True(fcc[half] > csro[half] + 0.2, $"FCC {fcc[half]:F3} vs CSRO {csro[half]:F3} at Δz = a/2");
    }

    internal static double Pearson(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
