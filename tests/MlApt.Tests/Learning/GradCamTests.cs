using MlApt.Learning;
using static MlApt.Tests.Learning.KerasTestFiles;

namespace MlApt.Tests.Learning;

public class GradCamTests
{
    private static double[] RandomInput(int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => rng.NextDouble()).ToArray();
    }

    /// <summary>Central differences of the class logit with respect to each entry of the conv ReLU output.</summary>
    private static void AssertGradientMatchesFiniteDifferences(CnnWeights w, double[] x, int classIndex)
    {
        var a = w.Architecture;
        var forward = ReferenceCnn.Forward(w, x);
        var gradient = ReferenceCnn.GradCam(w, x, classIndex).Gradient;
        const double h = 1e-6;
        var worst = 0.0;
        var ties = 0;
        for (var i = 0; i < forward.ConvRelu.Length; i++)
        {
            var up = (double[])forward.ConvRelu.Clone();
            var down = (double[])forward.ConvRelu.Clone();
            up[i] += h;
            down[i] -= h;
            var zUp = ReferenceCnn.Head(w, up).Logits[classIndex];
            var zDown = ReferenceCnn.Head(w, down).Logits[classIndex];
            if (AtPoolTie(a, forward.ConvRelu, i))
            {
                // The gradient there must be one of the one-sided slopes (the logit is piecewise linear in A).
                var z = forward.Logits[classIndex];
                ties++;
                worst = Math.Max(worst, Math.Min(Math.Abs((zUp - z) / h - gradient[i]), Math.Abs((z - zDown) / h - gradient[i])));
                continue;
            }
            worst = Math.Max(worst, Math.Abs((zUp - zDown) / (2 * h) - gradient[i]));
        }
        Assert.True(worst < 1e-6, $"largest |finite difference − gradient| = {worst}");
        Assert.Contains(gradient, g => g != 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"{ties} of {forward.ConvRelu.Length} entries at max-pool ties (checked one-sided)");
    }

    /// <summary>
    /// Max-pool is not differentiable where an entry ties with another for its window's maximum (e.g. two
    /// zeros after ReLU): a nudge up moves the max to it, a nudge down does not, so central differences
    /// give half the slope there.
    /// </summary>
    private static bool AtPoolTie(CnnArchitecture a, double[] activation, int i)
    {
        var (t, f) = Math.DivRem(i, a.Filters);
        var p = t / a.Pool;
        if (p >= a.PooledLength)
            return false;
        var window = Enumerable.Range(p * a.Pool, a.Pool).Select(u => activation[u * a.Filters + f]).ToArray();
        return activation[i] == window.Max() && window.Count(v => v == activation[i]) > 1;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Gradient_RandomNetwork_MatchesFiniteDifferences(int classIndex)
    {
        var a = CnnArchitecture.Reference();
        AssertGradientMatchesFiniteDifferences(RandomWeights(a, 21), RandomInput(93, 22), classIndex);
    }

    [Fact]
    public void Gradient_PublishedModel_MatchesFiniteDifferences()
    {
        var (_, bank) = PublishedData.Bank();
        AssertGradientMatchesFiniteDifferences(PublishedData.Ensemble().Members[0], bank.AsSpan(0, 93).ToArray(), 1);
    }

    [Fact]
    public void ChannelWeights_AreMeanGradientOverPositions()
    {
        var a = CnnArchitecture.Reference();
        var r = ReferenceCnn.GradCam(RandomWeights(a, 3), RandomInput(93, 4), 1);
        for (var f = 0; f < a.Filters; f++)
            Assert.Equal(Enumerable.Range(0, a.ConvLength).Average(t => r.Gradient[t * a.Filters + f]), r.ChannelWeights[f], 1e-14);
    }

    [Fact]
    public void InputMap_IsWithinZeroOneWithMaximumOne()
    {
        var a = CnnArchitecture.Reference();
        var map = ReferenceCnn.GradCam(RandomWeights(a, 5), RandomInput(93, 6), 1).InputMap;
        Assert.Equal(93, map.Length);
        Assert.All(map, v => Assert.InRange(v, 0, 1));
        Assert.Equal(1, map.Max());
    }

    [Fact]
    public void ToInput_ValidPadding_SpreadsAPositionOverItsWindow()
    {
        var a = CnnArchitecture.Reference();
        var conv = new double[a.ConvLength];
        conv[0] = 2;
        var map = ReferenceCnn.ToInput(a, conv);
        // Bin k is covered by positions max(0, k − 9) … min(k, 83); position 0 alone covers bins 0 … 9 with weight 1/(k + 1).
        for (var k = 0; k < 10; k++)
            Assert.Equal(1.0 / (k + 1) / 1.0, map[k], 1e-15);
        Assert.All(map.Skip(10), v => Assert.Equal(0, v));
    }

    [Fact]
    public void ToInput_ZeroMap_StaysZero()
    {
        var map = ReferenceCnn.ToInput(CnnArchitecture.Reference(), new double[84]);
        Assert.All(map, v => Assert.Equal(0, v));
    }

    [Fact]
    public void GradCamEnsemble_PublishedCsroSample_FindsEvidence()
    {
        var (_, bank) = PublishedData.Bank();
        var map = ReferenceCnn.GradCamEnsemble(PublishedData.Ensemble(), bank.AsSpan(0, 93), 1);
        Assert.Equal(1, map.Max(), 1e-15);
        Assert.All(map, v => Assert.InRange(v, 0, 1));
    }
}
