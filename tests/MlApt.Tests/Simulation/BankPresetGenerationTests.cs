using MlApt.Banks;

namespace MlApt.Tests.Simulation;

public class BankPresetGenerationTests
{
    [Fact]
    public void FealReference_ThreeClassesTwoChannelsAllDefined()
    {
        var bank = BankGenerator.Generate(BankPresets.Get("feal-reference"), 42);
        Assert.Equal(9750, bank.Count);
        Assert.Equal(2, bank.ChannelCount);
        Assert.Equal([3250, 3250, 3250], Enumerable.Range(0, 3).Select(c => bank.Y.Count(y => y == c)));
        Assert.All(bank.X, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Cocrni111_CsroMeanPeaksAtTwoAOverSqrt3()
    {
        // L1₁ along ⟨111⟩: Co planes 2a/√3 ≈ 0.416 nm apart; FCC: a/√3 ≈ 0.208 nm.
        var bank = BankGenerator.Generate(BankPresets.Get("cocrni-111"), 42);
        var csro = bank.MeanProfile(1, 0);
        var fcc = bank.MeanProfile(0, 0);
        int At(double dz) => MlApt.Sdm.ZSdm.Bin(dz) - MlApt.Sdm.ZSdm.CropStart;
        var period = 2 * 0.36 / Math.Sqrt(3);
        Assert.True(csro[At(period)] > csro[At(period / 2)] + 0.2, "CSRO: no contrast between 2a/√3 and a/√3");
        Assert.True(fcc[At(period / 2)] > csro[At(period / 2)] + 0.2, "FCC should have its a/√3 plane where L1₁ has none");
    }
}
