using System.Numerics.Tensors;

namespace MlApt.Learning;

/// <summary>Rectified linear unit, elementwise.</summary>
internal static class Relu
{
    /// <summary>y = max(x, 0) (in place allowed).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y[..x.Length]);

    /// <summary>dx = dy where the layer's output y was positive, else 0 (in place allowed).</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Conv1D.Check(dy.Length, y.Length, nameof(dy));
        Conv1D.Check(dx.Length, y.Length, nameof(dx));
        for (var i = 0; i < y.Length; i++)
            dx[i] = y[i] > 0f ? dy[i] : 0f;
    }
}

/// <summary>
/// Inverted dropout (training only): each unit is kept with probability 1 − rate and then scaled by
/// 1/(1 − rate), so inference needs no rescaling. The mask holds 0 or the scale per unit.
/// </summary>
internal static class Dropout
{
    /// <summary>
    /// Draws a mask from <paramref name="rng"/>: four 16-bit uniforms per 64-bit draw (a resolution of
    /// 1/65536 on the rate is plenty, and the mask is ~40k units per batch).
    /// </summary>
    public static void FillMask(Span<float> mask, double rate, Rng rng)
    {
        var scale = (float)(1.0 / (1.0 - rate));
        var threshold = (uint)Math.Round(rate * 65536.0);
        var i = 0;
        for (; i + 4 <= mask.Length; i += 4)
        {
            var r = rng.NextUInt64();
            mask[i] = (uint)(r & 0xFFFF) >= threshold ? scale : 0f;
            mask[i + 1] = (uint)((r >> 16) & 0xFFFF) >= threshold ? scale : 0f;
            mask[i + 2] = (uint)((r >> 32) & 0xFFFF) >= threshold ? scale : 0f;
            mask[i + 3] = (uint)(r >> 48) >= threshold ? scale : 0f;
        }
        for (; i < mask.Length; i++)
            mask[i] = (uint)(rng.NextUInt64() >> 48) >= threshold ? scale : 0f;
    }

    /// <summary>y = x·mask (in place allowed).</summary>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> mask, Span<float> y) => TensorPrimitives.Multiply(x, mask[..x.Length], y[..x.Length]);

    /// <summary>dx = dy·mask (in place allowed).</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx) => TensorPrimitives.Multiply(dy, mask[..dy.Length], dx[..dy.Length]);
}

/// <summary>
/// Max pooling along time, size = stride = P, channels-last tensors [B][T][F] → [B][T/P][F] (floor, as
/// Keras: a trailing partial window is dropped). The forward pass records which input won.
/// </summary>
internal static class MaxPool1D
{
    /// <summary>y[b, i, f] = max over p &lt; P of x[b, i·P + p, f]; argmax gets the flat index of the winner.</summary>
    public static void Forward(ReadOnlySpan<float> x, int batch, int length, int filters, int pool, Span<float> y, Span<int> argmax)
    {
        var outLen = length / pool;
        Conv1D.Check(x.Length, batch * length * filters, nameof(x));
        Conv1D.Check(y.Length, batch * outLen * filters, nameof(y));
        Conv1D.Check(argmax.Length, batch * outLen * filters, nameof(argmax));
        for (var b = 0; b < batch; b++)
            for (var i = 0; i < outLen; i++)
                for (var f = 0; f < filters; f++)
                {
                    var src = (b * length + i * pool) * filters + f;
                    var best = x[src];
                    var at = src;
                    for (var p = 1; p < pool; p++)
                    {
                        var v = x[src + p * filters];
                        if (v > best)
                        {
                            best = v;
                            at = src + p * filters;
                        }
                    }
                    var o = (b * outLen + i) * filters + f;
                    y[o] = best;
                    argmax[o] = at;
                }
    }

    /// <summary>dx (overwritten, [B][T][F]) gets dy at each window's winner and 0 elsewhere.</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<int> argmax, int inputSize, Span<float> dx)
    {
        Conv1D.Check(argmax.Length, dy.Length, nameof(argmax));
        dx[..inputSize].Clear();
        for (var o = 0; o < dy.Length; o++)
            dx[argmax[o]] += dy[o];
    }
}

/// <summary>Softmax over each row of K logits and categorical cross-entropy against integer labels.</summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>Probabilities clipped like Keras (1e−7) before the logarithm.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>probs[b, k] = softmax(logits[b, :])[k], stable (the row maximum is subtracted).</summary>
    public static void Softmax(ReadOnlySpan<float> logits, int batch, int classes, Span<float> probs)
    {
        for (var b = 0; b < batch; b++)
            Row(logits.Slice(b * classes, classes), probs.Slice(b * classes, classes));
    }

    /// <summary>Softmax of one row; NaN logits give NaN probabilities.</summary>
    public static void Row(ReadOnlySpan<float> z, Span<float> p)
    {
        var max = z[0];
        for (var k = 1; k < z.Length; k++)
            max = MathF.Max(max, z[k]);
        var sum = 0f;
        for (var k = 0; k < z.Length; k++)
            sum += p[k] = MathF.Exp(z[k] - max);
        var inv = 1f / sum;
        for (var k = 0; k < z.Length; k++)
            p[k] *= inv;
    }

    /// <summary>Σ_b weight_b · −log(clip(p[b, label_b])) in double; weights empty means 1.</summary>
    public static double Loss(ReadOnlySpan<float> probs, ReadOnlySpan<int> labels, int classes, ReadOnlySpan<float> weights)
    {
        var s = 0.0;
        for (var b = 0; b < labels.Length; b++)
        {
            var p = Math.Clamp(probs[b * classes + labels[b]], Epsilon, 1f - Epsilon);
            s -= (weights.IsEmpty ? 1.0 : weights[b]) * Math.Log(p);
        }
        return s;
    }

    /// <summary>
    /// Gradient of scale · Σ_b weight_b · CE_b with respect to the logits: scale · weight_b · (p − onehot).
    /// Keras's mean over the batch is scale = 1/B.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> probs, ReadOnlySpan<int> labels, int classes, ReadOnlySpan<float> weights, float scale, Span<float> dLogits)
    {
        for (var b = 0; b < labels.Length; b++)
        {
            var w = scale * (weights.IsEmpty ? 1f : weights[b]);
            for (var k = 0; k < classes; k++)
                dLogits[b * classes + k] = w * (probs[b * classes + k] - (k == labels[b] ? 1f : 0f));
        }
    }
}
