using MlApt.Numerics;
namespace MlApt.Learning;

/// <summary>
/// Shift augmentation (METHOD §5): every sample gets one shifted copy, the shift k drawn uniformly
/// from [min, max]. k ≥ 0 drops the first k bins and pads k zeros at the end; k &lt; 0 pads −k zeros
/// at the start and drops the last −k bins. All channels of a sample shift together.
/// </summary>
internal static class ShiftAugmentation
{
    /// <summary>Shifts every channel of one sample ([C][L]) by <paramref name="k"/> bins into <paramref name="destination"/>.</summary>
    public static void Shift(ReadOnlySpan<float> sample, int channels, int k, Span<float> destination)
    {
        if (channels < 1 || sample.Length % channels != 0 || destination.Length != sample.Length)
            throw new ArgumentException("sample and destination must both hold channels × length values");
        var l = sample.Length / channels;
        if (Math.Abs(k) >= l)
            throw new ArgumentOutOfRangeException(nameof(k), $"shift {k} is not smaller than the length {l}");
        for (var c = 0; c < channels; c++)
        {
            var src = sample.Slice(c * l, l);
            var dst = destination.Slice(c * l, l);
            if (k >= 0)
            {
                src[k..].CopyTo(dst);
                dst[(l - k)..].Clear();
            }
            else
            {
                src[..(l + k)].CopyTo(dst[(-k)..]);
                dst[..(-k)].Clear();
            }
        }
    }

    /// <summary>
    /// The originals followed by one shifted copy of each (2N samples; copy i of source i, so sample
    /// j comes from source j mod N) with shifts drawn from <paramref name="rng"/>.
    /// </summary>
    internal static TrainingBank Augment(TrainingBank bank, int minShift, int maxShift, SeededRandom rng)
    {
        if (minShift > maxShift)
            throw new ArgumentException($"shift range [{minShift}, {maxShift}] is empty");
        var n = bank.Count;
        var size = bank.SampleSize;
        var x = new float[2 * bank.X.Length];
        bank.X.CopyTo(x, 0);
        for (var i = 0; i < n; i++)
        {
            var k = minShift + rng.NextIntFast(maxShift - minShift + 1);
            Shift(bank.X.AsSpan(i * size, size), bank.Channels, k, x.AsSpan((n + i) * size, size));
        }
        var y = new int[2 * n];
        bank.Y.CopyTo(y, 0);
        bank.Y.CopyTo(y, n);
        return new TrainingBank(x, y, bank.Channels, bank.Length, bank.Classes, bank.Pairs, bank.Metadata);
    }
}
