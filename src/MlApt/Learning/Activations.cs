using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

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
        var i = 0;
        for (; i + 16 <= y.Length; i += 16)
        {
            var v = Vector512.Create(y.Slice(i, 16));
            Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<float>.Zero), Vector512.Create(dy.Slice(i, 16)), Vector512<float>.Zero).CopyTo(dx.Slice(i, 16));
        }
        for (; i < y.Length; i++)
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
        var threshold = (int)Math.Round(rate * 65536.0);
        var i = 0;
        for (; i + 4 <= mask.Length; i += 4)
        {
            var r = rng.NextUInt64();
            mask[i] = Keep((int)(r & 0xFFFF), threshold) * scale;
            mask[i + 1] = Keep((int)((r >> 16) & 0xFFFF), threshold) * scale;
            mask[i + 2] = Keep((int)((r >> 32) & 0xFFFF), threshold) * scale;
            mask[i + 3] = Keep((int)(r >> 48), threshold) * scale;
        }
        for (; i < mask.Length; i++)
            mask[i] = Keep((int)(rng.NextUInt64() >> 48), threshold) * scale;
    }

    /// <summary>1 when u ≥ threshold, else 0, without a branch (a random branch mispredicts half the time).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Keep(int u, int threshold) => ((u - threshold) >> 31) + 1;

    /// <summary>y = x·mask (in place allowed).</summary>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> mask, Span<float> y) => TensorPrimitives.Multiply(x, mask[..x.Length], y[..x.Length]);

    /// <summary>dx = dy·mask (in place allowed).</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx) => TensorPrimitives.Multiply(dy, mask[..dy.Length], dx[..dy.Length]);
}

/// <summary>
/// Max pooling along time, size = stride = P, channels-last tensors [B][T][F] → [B][T/P][F] (floor, as
/// Keras: a trailing partial window is dropped). The backward pass finds each window's winner again
/// by comparing with the pooled maximum (the first on ties), which vectorises where an argmax would
/// need a data-dependent branch per element.
/// </summary>
internal static class MaxPool1D
{
    /// <summary>y[b, i, f] = max over p &lt; P of x[b, i·P + p, f].</summary>
    public static void Forward(ReadOnlySpan<float> x, int batch, int length, int filters, int pool, Span<float> y)
    {
        var outLen = length / pool;
        Conv1D.Check(x.Length, batch * length * filters, nameof(x));
        Conv1D.Check(y.Length, batch * outLen * filters, nameof(y));
        for (var b = 0; b < batch; b++)
            for (var i = 0; i < outLen; i++)
            {
                var win = x.Slice((b * length + i * pool) * filters, pool * filters);
                var o = y.Slice((b * outLen + i) * filters, filters);
                var f = 0;
                for (; f + 16 <= filters; f += 16)
                {
                    var m = Vector512.Create(win.Slice(f, 16));
                    for (var p = 1; p < pool; p++)
                        m = Vector512.Max(m, Vector512.Create(win.Slice(p * filters + f, 16)));
                    m.CopyTo(o.Slice(f, 16));
                }
                for (; f < filters; f++)
                {
                    var m = win[f];
                    for (var p = 1; p < pool; p++)
                        m = MathF.Max(m, win[p * filters + f]);
                    o[f] = m;
                }
            }
    }

    /// <summary>dx ([B][T][F], overwritten) gets dy at each window's first maximal input and 0 elsewhere.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, int batch, int length, int filters, int pool, Span<float> dx)
    {
        var outLen = length / pool;
        Conv1D.Check(x.Length, batch * length * filters, nameof(x));
        Conv1D.Check(y.Length, batch * outLen * filters, nameof(y));
        Conv1D.Check(dy.Length, batch * outLen * filters, nameof(dy));
        Conv1D.Check(dx.Length, batch * length * filters, nameof(dx));
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < outLen; i++)
            {
                var at = (b * length + i * pool) * filters;
                var win = x.Slice(at, pool * filters);
                var dwin = dx.Slice(at, pool * filters);
                var o = (b * outLen + i) * filters;
                var f = 0;
                for (; f + 16 <= filters; f += 16)
                {
                    var m = Vector512.Create(y.Slice(o + f, 16));
                    var g = Vector512.Create(dy.Slice(o + f, 16));
                    var taken = Vector512<float>.Zero;
                    for (var p = 0; p < pool; p++)
                    {
                        var hit = Vector512.AndNot(Vector512.Equals(Vector512.Create(win.Slice(p * filters + f, 16)), m), taken);
                        (g & hit).CopyTo(dwin.Slice(p * filters + f, 16));
                        taken |= hit;
                    }
                }
                for (; f < filters; f++)
                {
                    var done = false;
                    for (var p = 0; p < pool; p++)
                    {
                        var hit = !done && win[p * filters + f] == y[o + f];
                        dwin[p * filters + f] = hit ? dy[o + f] : 0f;
                        done |= hit;
                    }
                }
            }
            // Bins past the last whole window get no gradient.
            dx.Slice((b * length + outLen * pool) * filters, (length - outLen * pool) * filters).Clear();
        }
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
