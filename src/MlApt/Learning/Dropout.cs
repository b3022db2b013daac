using System.Numerics.Tensors;
using MlApt.Numerics;

namespace MlApt.Learning;

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
    public static void FillMask(Span<float> mask, double rate, SeededRandom rng)
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
