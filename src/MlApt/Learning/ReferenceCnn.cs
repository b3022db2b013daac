namespace MlApt.Learning;

/// <summary>
/// Every layer's output of one forward pass (inference: dropout is the identity). Index orders follow
/// Keras: per-position arrays are [t][f] (index t·F + f), so <see cref="Pool"/> is also the flattened
/// vector.
/// </summary>
/// <param name="Conv">Conv1D output before ReLU, [ConvLength][Filters].</param>
/// <param name="ConvRelu">After ReLU (the activation Grad-CAM explains), [ConvLength][Filters].</param>
/// <param name="Pool">After max-pooling, [PooledLength][Filters]; equal to the flattened vector.</param>
/// <param name="Hidden">First dense layer before ReLU, [Hidden].</param>
/// <param name="HiddenRelu">After ReLU, [Hidden].</param>
/// <param name="Logits">Output dense layer (pre-softmax class scores), [Classes].</param>
/// <param name="Probabilities">Softmax of the logits, [Classes].</param>
public sealed record ReferenceForward(double[] Conv, double[] ConvRelu, double[] Pool, double[] Hidden, double[] HiddenRelu,
    double[] Logits, double[] Probabilities)
{
    /// <summary>The flattened pooled activation (index t·F + f, as Keras's Flatten on channels-last data).</summary>
    public double[] Flatten => Pool;
}

/// <summary>
/// A deliberately plain, double-precision implementation of the ML-APT network (METHOD §6): loops
/// written exactly as the definitions, every layer's output kept. It is the yardstick for faster
/// engines and the basis of Grad-CAM, not a production path (≈0.2 MFLOP per z-SDM, no vectorisation).
/// Input layout: one sample is [channel][bin] (index c·L + t), as a (N, C, 93) array stores it.
/// </summary>
public static partial class ReferenceCnn
{
    /// <summary>The forward pass of one sample with every layer's output.</summary>
    public static ReferenceForward Forward(CnnWeights weights, ReadOnlySpan<double> input)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var a = weights.Architecture;
        if (input.Length != a.Channels * a.Length)
            throw new ArgumentException($"input has {input.Length} values; the network takes {a.Channels}×{a.Length}", nameof(input));
        var conv = Convolve(weights, input);
        var convRelu = Relu(conv);
        var (hidden, hiddenRelu, logits, pool) = Head(weights, convRelu);
        return new ReferenceForward(conv, convRelu, pool, hidden, hiddenRelu, logits, Softmax(logits));
    }

    /// <summary>The class probabilities (softmax) of one sample.</summary>
    public static double[] Predict(CnnWeights weights, ReadOnlySpan<double> input) => Forward(weights, input).Probabilities;

    /// <summary>
    /// Conv1D: out[t][f] = b[f] + Σ_w Σ_c k[w][c][f] · x[c][t + w − padLeft], zero outside the input.
    /// "same" pads (W − 1)/2 bins on the left (rounded down) and the rest on the right, as TensorFlow.
    /// </summary>
    internal static double[] Convolve(CnnWeights weights, ReadOnlySpan<double> input)
    {
        var a = weights.Architecture;
        var padLeft = a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;
        var output = new double[a.ConvLength * a.Filters];
        for (var t = 0; t < a.ConvLength; t++)
        {
            for (var f = 0; f < a.Filters; f++)
            {
                double sum = weights.ConvBias[f];
                for (var w = 0; w < a.Width; w++)
                {
                    var position = t + w - padLeft;
                    if (position < 0 || position >= a.Length)
                        continue;
                    for (var c = 0; c < a.Channels; c++)
                        sum += (double)weights.ConvKernel[(w * a.Channels + c) * a.Filters + f] * input[c * a.Length + position];
                }
                output[t * a.Filters + f] = sum;
            }
        }
        return output;
    }

    /// <summary>
    /// Everything after the convolution's ReLU: max-pool (windows of P, stride P, trailing remainder
    /// dropped), flatten, dense + ReLU, output dense. Separate so that Grad-CAM can be checked by
    /// perturbing the activation directly.
    /// </summary>
    internal static (double[] Hidden, double[] HiddenRelu, double[] Logits, double[] Pool) Head(CnnWeights weights, ReadOnlySpan<double> convRelu)
    {
        var a = weights.Architecture;
        var pool = new double[a.FlatLength];
        for (var p = 0; p < a.PooledLength; p++)
        {
            for (var f = 0; f < a.Filters; f++)
            {
                var max = double.NegativeInfinity;
                for (var j = 0; j < a.Pool; j++)
                    max = Math.Max(max, convRelu[(p * a.Pool + j) * a.Filters + f]);
                pool[p * a.Filters + f] = max;
            }
        }
        var hidden = Dense(pool, weights.Dense1Kernel, weights.Dense1Bias, a.Hidden);
        var hiddenRelu = Relu(hidden);
        var logits = Dense(hiddenRelu, weights.Dense2Kernel, weights.Dense2Bias, a.Classes);
        return (hidden, hiddenRelu, logits, pool);
    }

    /// <summary>y[o] = b[o] + Σ_i x[i] · k[i][o] (Keras kernel layout [in][out]).</summary>
    private static double[] Dense(ReadOnlySpan<double> x, float[] kernel, float[] bias, int outputs)
    {
        var y = new double[outputs];
        for (var o = 0; o < outputs; o++)
        {
            double sum = bias[o];
            for (var i = 0; i < x.Length; i++)
                sum += x[i] * kernel[i * outputs + o];
            y[o] = sum;
        }
        return y;
    }

    private static double[] Relu(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
            y[i] = x[i] > 0 ? x[i] : 0;
        return y;
    }

    /// <summary>Softmax, shifted by the maximum so that large logits do not overflow.</summary>
    internal static double[] Softmax(ReadOnlySpan<double> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
            max = Math.Max(max, z);
        var p = new double[logits.Length];
        var sum = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = Math.Exp(logits[k] - max);
            sum += p[k];
        }
        for (var k = 0; k < p.Length; k++)
            p[k] /= sum;
        return p;
    }
}
