using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class InferenceTests
{
    [Theory]
    [InlineData(1, 2, Padding.Valid, 16, 70)]
    [InlineData(2, 3, Padding.Same, 64, 37)]
    [InlineData(1, 2, Padding.Valid, 5, 3)]
    public void Ensemble_mean_and_std_match_a_straightforward_double_forward_pass(int channels, int classes, Padding padding, int filters, int n)
    {
        var a = new CnnArchitecture(channels, 93, filters, 10, padding, 2, 256, classes);
        var members = Enumerable.Range(0, 3).Select(i => Reference.RandomWeights(a, 10 + i, 0.1f)).ToArray();
        var e = new CnnEnsemble(a, members, [.. Enumerable.Range(0, classes).Select(i => $"c{i}")], [.. Enumerable.Range(0, channels).Select(i => $"p{i}")]);
        var x = Reference.RandomFloats(n * channels * 93, 4, 0, 1);
        var mean = new float[n * classes];
        var std = new float[n * classes];
        CnnInference.Predict(e, x, mean, std);
        for (var s = 0; s < n; s++)
        {
            var outs = members.Select(w => Reference.Forward(a, w, x.AsSpan(s * channels * 93, channels * 93))).ToArray();
            for (var k = 0; k < classes; k++)
            {
                var mu = outs.Average(o => o[k]);
                var sd = Math.Sqrt(outs.Average(o => (o[k] - mu) * (o[k] - mu)));
                Assert.Equal(mu, mean[s * classes + k], 1e-5);
                Assert.Equal(sd, std[s * classes + k], 1e-4);
            }
        }
    }

    [Fact]
    public void Undefined_inputs_give_NaN_and_leave_the_others_alone()
    {
        var a = CnnArchitecture.Reference();
        var e = new CnnEnsemble(a, [Reference.RandomWeights(a, 1, 0.1f)], ["FCC", "CSRO"], ["Co-Co"]);
        var x = Reference.RandomFloats(4 * 93, 2, 0, 1);
        var clean = new float[8];
        CnnInference.Predict(e, x, clean, default);
        x.AsSpan(93, 93).Fill(float.NaN);
        x[2 * 93 + 50] = float.NaN;
        var mean = new float[8];
        var std = new float[8];
        CnnInference.Predict(e, x, mean, std);
        Assert.True(float.IsNaN(mean[2]) && float.IsNaN(mean[3]) && float.IsNaN(mean[4]) && float.IsNaN(std[5]));
        Assert.Equal(clean[0], mean[0]);
        Assert.Equal(clean[7], mean[7]);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var a = CnnArchitecture.Reference();
        var e = new CnnEnsemble(a, [Reference.RandomWeights(a, 1, 0.1f), Reference.RandomWeights(a, 2, 0.1f)], ["FCC", "CSRO"], ["Co-Co"]);
        var x = Reference.RandomFloats(1000 * 93, 3, 0, 1);
        var one = new float[2000];
        var two = new float[2000];
        new CnnInference(e, 1).Predict(x, one, default);
        new CnnInference(e, 2).Predict(x, two, default);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Inference_agrees_with_the_training_forward_pass_without_dropout()
    {
        var a = CnnArchitecture.Reference(classes: 3);
        var w = Reference.RandomWeights(a, 5, 0.1f);
        var x = Reference.RandomFloats(32 * 93, 6, 0, 1);
        var net = new Network(a, 32);
        var train = net.Forward(x, 32, w, null).ToArray();
        var infer = new float[32 * 3];
        CnnInference.Predict(new CnnEnsemble(a, [w], ["a", "b", "c"], ["Co-Co"]), x, infer, default);
        for (var i = 0; i < infer.Length; i++)
            Assert.Equal(train[i], infer[i], 1e-6f);
    }

    [Fact]
    public void Predict_rejects_inputs_that_are_not_whole_samples()
    {
        var a = CnnArchitecture.Reference();
        var e = new CnnEnsemble(a, [new CnnWeights(a)], ["FCC", "CSRO"], ["Co-Co"]);
        Assert.Throws<ArgumentException>(() => CnnInference.Predict(e, new float[100], new float[2], default));
    }
}
