namespace MlApt.Learning;

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
