using MlApt.Learning;
using static MlApt.Tests.Learning.KerasTestFiles;

namespace MlApt.Tests.Learning;

public class ReferenceCnnTests
{
    private const double Tolerance = 1e-12;

    private static double[] RandomInput(CnnArchitecture a, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, a.Channels * a.Length).Select(_ => rng.NextDouble()).ToArray();
    }

    /// <summary>Compares every layer of <see cref="ReferenceCnn.Forward"/> with <see cref="MatrixCnn"/>.</summary>
    private static void AssertLayersAgree(CnnWeights w, double[] x)
    {
        var a = w.Architecture;
        var r = ReferenceCnn.Forward(w, x);
        var m = MatrixCnn.Run(w, x);
        for (var t = 0; t < a.ConvLength; t++)
            for (var f = 0; f < a.Filters; f++)
            {
                Assert.Equal(m.Conv[t, f], r.Conv[t * a.Filters + f], Tolerance);
                Assert.Equal(m.ConvRelu[t, f], r.ConvRelu[t * a.Filters + f], Tolerance);
            }
        AssertClose(m.Flat, r.Flatten);
        AssertClose(m.Hidden, r.Hidden);
        AssertClose(m.HiddenRelu, r.HiddenRelu);
        AssertClose(m.Logits, r.Logits);
        AssertClose(m.Softmax, r.Probabilities);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], Tolerance * Math.Max(1, Math.Abs(expected[i])));
    }

    [Fact]
    public void Forward_PublishedModels_AgreeWithMatrixFormLayerByLayer()
    {
        var ensemble = PublishedData.Ensemble();
        var (count, bank) = PublishedData.Bank();
        foreach (var member in ensemble.Members)
        {
            for (var n = 0; n < count; n += 97)
                AssertLayersAgree(member, bank.AsSpan(n * 93, 93).ToArray());
        }
    }

    [Fact]
    public void Forward_RandomReferenceNetwork_AgreesWithMatrixForm() =>
        AssertLayersAgree(RandomWeights(CnnArchitecture.Reference(), 1), RandomInput(CnnArchitecture.Reference(), 2));

    [Fact]
    public void Forward_SamePaddingTwoChannels_AgreesWithMatrixForm()
    {
        var a = new CnnArchitecture(2, 93, 5, 10, Padding.Same, 2, 12, 3);
        AssertLayersAgree(RandomWeights(a, 3), RandomInput(a, 4));
    }

    [Fact]
    public void Forward_PoolWithRemainder_AgreesWithMatrixForm()
    {
        // 84 conv positions in windows of 5: 16 windows, the last 4 positions are dropped (Keras floor).
        var a = new CnnArchitecture(1, 93, 3, 10, Padding.Valid, 5, 7, 2);
        AssertLayersAgree(RandomWeights(a, 5), RandomInput(a, 6));
    }

    [Fact]
    public void Forward_SoftmaxSumsToOne()
    {
        var a = CnnArchitecture.Reference(classes: 4);
        var p = ReferenceCnn.Predict(RandomWeights(a, 7, scale: 2), RandomInput(a, 8));
        Assert.Equal(1, p.Sum(), 1e-15);
    }

    [Fact]
    public void Forward_WrongInputLength_Throws()
    {
        var w = RandomWeights(CnnArchitecture.Reference(), 1);
        Assert.Throws<ArgumentException>(() => ReferenceCnn.Forward(w, new double[92]));
    }

    [Fact]
    public void PredictEnsemble_IsMeanAndPopulationStdOfMembers()
    {
        var a = CnnArchitecture.Reference();
        var members = new[] { RandomWeights(a, 1, 1), RandomWeights(a, 2, 1), RandomWeights(a, 3, 1) };
        var ensemble = new CnnEnsemble(a, members, ["FCC", "CSRO"], ["Co-Co"]);
        var x = RandomInput(a, 9);
        var p = ReferenceCnn.PredictEnsemble(ensemble, x, 1);
        var each = members.Select(m => ReferenceCnn.Predict(m, x)[1]).ToArray();
        var mean = each.Average();
        Assert.Equal(mean, p.Mean[1], 1e-15);
        Assert.Equal(Math.Sqrt(each.Sum(v => (v - mean) * (v - mean)) / 3), p.Std[1], 1e-15);
    }

    [Fact]
    public void PredictEnsemble_NaNSample_GivesNaNOnlyForIt()
    {
        var a = CnnArchitecture.Reference();
        var ensemble = new CnnEnsemble(a, [RandomWeights(a, 1)], ["FCC", "CSRO"], ["Co-Co"]);
        var x = RandomInput(a, 1).Concat(RandomInput(a, 2)).ToArray();
        x[93 + 50] = double.NaN;
        var p = ReferenceCnn.PredictEnsemble(ensemble, x, 2);
        Assert.All(p.Mean.Take(2), v => Assert.False(double.IsNaN(v)));
        Assert.All(p.Mean.Skip(2).Concat(p.Std.Skip(2)), v => Assert.True(double.IsNaN(v)));
    }
}
