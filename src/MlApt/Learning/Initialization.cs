using MlApt.Numerics;
namespace MlApt.Learning;

/// <summary>Keras's default initialisation: Glorot-uniform kernels, zero biases (METHOD §6).</summary>
internal static class Initialization
{
    /// <summary>Fills <paramref name="weights"/> from <paramref name="rng"/>.</summary>
    public static void GlorotUniform(CnnWeights weights, SeededRandom rng)
    {
        var a = weights.Architecture;
        // Keras computes the conv fans from the receptive field: fan_in = W·C, fan_out = W·F.
        Fill(weights.ConvKernel, a.Width * a.Channels, a.Width * a.Filters, rng);
        Fill(weights.Dense1Kernel, a.FlatLength, a.Hidden, rng);
        Fill(weights.Dense2Kernel, a.Hidden, a.Classes, rng);
        weights.ConvBias.AsSpan().Clear();
        weights.Dense1Bias.AsSpan().Clear();
        weights.Dense2Bias.AsSpan().Clear();
    }

    /// <summary>Uniform in [−limit, limit) with limit = √(6 / (fanIn + fanOut)).</summary>
    public static void Fill(Span<float> kernel, int fanIn, int fanOut, SeededRandom rng)
    {
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (var i = 0; i < kernel.Length; i++)
            kernel[i] = (float)((2 * rng.NextDouble() - 1) * limit);
    }
}
