using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Tests.Learning;

public class OptimizerTests
{
    [Fact]
    public void Adam_follows_the_Keras_update_for_two_steps()
    {
        var a = new CnnArchitecture(1, 12, 2, 3, Padding.Valid, 2, 3, 2);
        var w = Reference.RandomWeights(a, 1);
        var g1 = Reference.RandomWeights(a, 2);
        var g2 = Reference.RandomWeights(a, 3);
        var before = w.Clone();
        var adam = new Adam(a);
        adam.Step(w, g1);
        adam.Step(w, g2);
        for (var i = 0; i < w.Dense1Kernel.Length; i++)
        {
            // Keras: m += (g − m)(1 − β1), v += (g² − v)(1 − β2), θ −= lr·√(1 − β2ᵗ)/(1 − β1ᵗ)·m/(√v + ε).
            double theta = before.Dense1Kernel[i], m = 0, v = 0;
            double[] grads = [g1.Dense1Kernel[i], g2.Dense1Kernel[i]];
            for (var t = 1; t <= 2; t++)
            {
                var g = grads[t - 1];
                m += (g - m) * 0.1;
                v += (g * g - v) * 0.001;
                theta -= 0.001 * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(0.9, t)) * m / (Math.Sqrt(v) + 1e-7);
            }
            Assert.Equal(theta, w.Dense1Kernel[i], 1e-6);
        }
    }

    [Fact]
    public void Glorot_uniform_uses_Keras_fans_and_zero_biases()
    {
        var a = CnnArchitecture.Reference();
        var w = new CnnWeights(a);
        Initialization.GlorotUniform(w, new SeededRandom(5));
        var convLimit = Math.Sqrt(6.0 / (10 * 1 + 10 * 16));
        var denseLimit = Math.Sqrt(6.0 / (672 + 256));
        Assert.All(w.ConvKernel, v => Assert.InRange(Math.Abs(v), 0, convLimit));
        Assert.True(w.ConvKernel.Max(Math.Abs) > 0.8 * convLimit);
        Assert.All(w.Dense1Kernel, v => Assert.InRange(Math.Abs(v), 0, denseLimit));
        Assert.InRange(w.Dense1Kernel.Average(), -0.01, 0.01);
        Assert.All(w.ConvBias.Concat(w.Dense1Bias).Concat(w.Dense2Bias), v => Assert.Equal(0f, v));
    }
}
