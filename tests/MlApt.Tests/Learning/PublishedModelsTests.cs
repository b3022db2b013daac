using System.Globalization;
using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class PublishedModelsTests
{
    [Fact]
    public void Load_PublishedDirectory_IsFiveMembersOfTheReferenceArchitecture()
    {
        var e = PublishedData.Ensemble();
        Assert.Equal(5, e.Members.Count);
        Assert.Equal(CnnArchitecture.Reference(), e.Architecture);
        Assert.Equal(172_978, e.Architecture.Parameters);
    }

    [Fact]
    public void Load_PublishedDirectory_IsRecognisedWithProvenance()
    {
        var e = PublishedData.Ensemble();
        Assert.Equal(["FCC", "CSRO"], e.ClassNames);
        Assert.Equal(["Co-Co"], e.Pairs);
        Assert.Equal("2.2.4-tf", e.Metadata["keras_version"]);
        Assert.Equal("model_0.h5,model_1.h5,model_2.h5,model_3.h5,model_4.h5", e.Metadata["source_files"]);
        Assert.Contains("Li et al.", e.Metadata["source"], StringComparison.Ordinal);
        Assert.Contains("Ni-Ni", e.Metadata["pairs_note"], StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedEnsemble_ClassifiesEveryPublishedBankZsdmAsCsro()
    {
        var e = PublishedData.Ensemble();
        var (count, bank) = PublishedData.Bank();
        var p = ReferenceCnn.PredictEnsemble(e, bank, count);
        var csro = Enumerable.Range(0, count).Select(n => p.Mean[n * 2 + 1]).ToArray();
        var min = csro.Min();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} bank z-SDMs: p(CSRO) min {min:R}, mean {csro.Average():R}; largest member std {p.Std.Max():R}"));
        Assert.Equal(1950, count);
        Assert.All(csro, v => Assert.False(double.IsNaN(v)));
        Assert.True(min >= 0.99, $"lowest ensemble p(CSRO) is {min}");
        Assert.True(csro.Average() >= 0.9999, $"mean ensemble p(CSRO) is {csro.Average()}");
    }
}
