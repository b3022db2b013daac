namespace MlApt.Learning;

/// <summary>
/// A Grad-CAM explanation of one sample for one class.
/// </summary>
/// <param name="Class">The explained class.</param>
/// <param name="Gradient">∂(logit of <paramref name="Class"/>)/∂A, A = the conv layer's ReLU output, [ConvLength][Filters].</param>
/// <param name="ChannelWeights">α_f = mean over positions t of the gradient, [Filters].</param>
/// <param name="ConvMap">ReLU(Σ_f α_f·A[t][f]) at the conv positions, unnormalised, [ConvLength].</param>
/// <param name="InputMap">The map over the input bins, normalised to [0, 1] (all zero when nothing contributes), [Length].</param>
public sealed record GradCamResult(int Class, double[] Gradient, double[] ChannelWeights, double[] ConvMap, double[] InputMap);

public static partial class ReferenceCnn
{
    /// <summary>
    /// Grad-CAM (Selvaraju et al.) over the conv layer's ReLU output A. The class score is the
    /// <b>pre-softmax logit</b> z_c, as in the Grad-CAM paper and the keras.io example (the softmax
    /// probability saturates at ≈ 1 for these models, and its gradient with it). Channel weights
    /// α_f = mean_t ∂z_c/∂A[t][f]; map(t) = ReLU(Σ_f α_f·A[t][f]). Conv position t sees input bins
    /// t − padLeft … t − padLeft + W − 1, so each input bin receives the <b>mean of the map over the
    /// positions whose window covers it</b> (a spread, not a stretch of 84 onto 93 points); the
    /// result is divided by its maximum to lie in [0, 1].
    /// </summary>
    public static GradCamResult GradCam(CnnWeights weights, ReadOnlySpan<double> input, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var a = weights.Architecture;
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, a.Classes);
        var forward = Forward(weights, input);
        var activation = forward.ConvRelu;
        var gradient = LogitGradient(weights, activation, forward.Hidden, classIndex);

        var alpha = new double[a.Filters];
        for (var f = 0; f < a.Filters; f++)
        {
            for (var t = 0; t < a.ConvLength; t++)
                alpha[f] += gradient[t * a.Filters + f];
            alpha[f] /= a.ConvLength;
        }
        var convMap = new double[a.ConvLength];
        for (var t = 0; t < a.ConvLength; t++)
        {
            var s = 0.0;
            for (var f = 0; f < a.Filters; f++)
                s += alpha[f] * activation[t * a.Filters + f];
            convMap[t] = Math.Max(s, 0);
        }
        return new GradCamResult(classIndex, gradient, alpha, convMap, ToInput(a, convMap));
    }

    /// <summary>
    /// Backpropagation of the logit z_c to the conv ReLU output A: through the output dense layer,
    /// the hidden ReLU (gradient 0 where the pre-activation ≤ 0), the hidden dense layer, flatten,
    /// and max-pooling (each window's gradient goes to its first maximum, as TensorFlow's MaxPoolGrad;
    /// positions past the last whole window get 0).
    /// </summary>
    internal static double[] LogitGradient(CnnWeights weights, ReadOnlySpan<double> activation, ReadOnlySpan<double> hidden, int classIndex)
    {
        var a = weights.Architecture;
        var dHidden = new double[a.Hidden];
        for (var j = 0; j < a.Hidden; j++)
            dHidden[j] = hidden[j] > 0 ? weights.Dense2Kernel[j * a.Classes + classIndex] : 0;
        var dFlat = new double[a.FlatLength];
        for (var i = 0; i < a.FlatLength; i++)
        {
            var s = 0.0;
            for (var j = 0; j < a.Hidden; j++)
                s += weights.Dense1Kernel[i * a.Hidden + j] * dHidden[j];
            dFlat[i] = s;
        }
        var gradient = new double[a.ConvLength * a.Filters];
        for (var p = 0; p < a.PooledLength; p++)
        {
            for (var f = 0; f < a.Filters; f++)
            {
                var best = p * a.Pool;
                for (var j = 1; j < a.Pool; j++)
                {
                    if (activation[(p * a.Pool + j) * a.Filters + f] > activation[best * a.Filters + f])
                        best = p * a.Pool + j;
                }
                gradient[best * a.Filters + f] = dFlat[p * a.Filters + f];
            }
        }
        return gradient;
    }

    /// <summary>Spreads a conv-position map over the input bins (mean over covering windows) and scales it to [0, 1].</summary>
    internal static double[] ToInput(CnnArchitecture a, ReadOnlySpan<double> convMap)
    {
        var padLeft = a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;
        var sum = new double[a.Length];
        var count = new int[a.Length];
        for (var t = 0; t < a.ConvLength; t++)
        {
            for (var w = 0; w < a.Width; w++)
            {
                var k = t - padLeft + w;
                if (k < 0 || k >= a.Length)
                    continue;
                sum[k] += convMap[t];
                count[k]++;
            }
        }
        var max = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum[k] = count[k] > 0 ? sum[k] / count[k] : 0;
            max = Math.Max(max, sum[k]);
        }
        if (max > 0)
        {
            for (var k = 0; k < a.Length; k++)
                sum[k] /= max;
        }
        return sum;
    }
}
