using System.Numerics.Tensors;

namespace MlApt.Sdm;

/// <summary>Which z-SDM a pipeline stage hands on (the CLI's <c>--stage</c>).</summary>
public enum SdmStage
{
    /// <summary>Raw cropped pair counts.</summary>
    Raw,
    /// <summary>Min–max normalised counts (what the simulated bank uses).</summary>
    Normalized,
    /// <summary>Min–max → Savitzky–Golay(15, 8, interp) → background clipping → min–max (METHOD §4).</summary>
    Preprocessed,
}

/// <summary>
/// Preprocessing of measured z-SDMs (METHOD §4). A curve whose min–max is undefined (max == min, e.g.
/// no pairs at all) becomes all NaN and is reported as undefined — never guessed. The scalar
/// <see cref="Apply(ReadOnlySpan{double}, Span{double})"/> is the reference; the batched
/// <see cref="ApplyBatch"/> runs curves in SIMD lanes and is bit-identical to it.
/// </summary>
public static partial class Preprocessing
{
    /// <summary>Curve length of the batched API: the 93 cropped bins.</summary>
    public const int Length = ZSdm.CropLength;

    /// <summary>
    /// v' = (v − min) / (max − min) into <paramref name="destination"/> (may be the input). Returns false
    /// and writes NaN everywhere when max == min (or a value is NaN): the curve is undefined.
    /// </summary>
    public static bool MinMax(ReadOnlySpan<double> values, Span<double> destination)
    {
        if (destination.Length != values.Length)
            throw new ArgumentException("destination must have the length of the input", nameof(destination));
        if (values.IsEmpty) return false;
        // TensorPrimitives: SIMD, and element-wise IEEE subtract/divide are bit-identical to a scalar loop.
        // Min/Max propagate NaN, so a NaN input fails the max > min test and makes the curve undefined.
        var min = TensorPrimitives.Min(values);
        var max = TensorPrimitives.Max(values);
        if (!(max > min))
        {
            destination.Fill(double.NaN);
            return false;
        }
        // The reference's arithmetic: (v − min) / (max − min), a true division (not a reciprocal multiply).
        TensorPrimitives.Subtract(values, min, destination);
        TensorPrimitives.Divide(destination, max - min, destination);
        return true;
    }

    /// <summary>The full preprocessing of one raw curve (any length ≥ 15 that fits the clipping window); false if undefined.</summary>
    public static bool Apply(ReadOnlySpan<double> raw, Span<double> destination) =>
        Apply(raw, destination, SdmStage.Preprocessed);

    /// <summary>The full preprocessing of one raw float32 curve (e.g. a voxel-scan row); false if undefined.</summary>
    public static bool Apply(ReadOnlySpan<float> raw, Span<double> destination) =>
        Apply(raw, destination, SdmStage.Preprocessed);

    /// <summary>One float32 curve to the given stage; false if undefined (then all NaN).</summary>
    public static bool Apply(ReadOnlySpan<float> raw, Span<double> destination, SdmStage stage)
    {
        Span<double> d = raw.Length <= 256 ? stackalloc double[raw.Length] : new double[raw.Length];
        TensorPrimitives.ConvertTruncating(raw, d); // float → double is exact
        return Apply(d, destination, stage);
    }

    /// <summary>
    /// One curve to the given stage (scalar reference): <see cref="SdmStage.Raw"/> copies,
    /// <see cref="SdmStage.Normalized"/> is min–max only, <see cref="SdmStage.Preprocessed"/> is
    /// min–max → SG(15, 8, interp) → background clipping → min–max(s − b). Returns false if undefined
    /// (then all NaN; a raw copy is always defined).
    /// </summary>
    public static bool Apply(ReadOnlySpan<double> raw, Span<double> destination, SdmStage stage)
    {
        if (destination.Length != raw.Length)
            throw new ArgumentException("destination must have the length of the input", nameof(destination));
        switch (stage)
        {
            case SdmStage.Raw:
                raw.CopyTo(destination);
                return true;
            case SdmStage.Normalized:
                return MinMax(raw, destination);
            case SdmStage.Preprocessed:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }
        var n = raw.Length;
        var scratch = n <= 256 ? stackalloc double[3 * n] : new double[3 * n];
        Span<double> y = scratch[..n], s = scratch.Slice(n, n), b = scratch.Slice(2 * n, n);
        if (!MinMax(raw, y))
        {
            destination.Fill(double.NaN);
            return false;
        }
        SavitzkyGolay.Reference.Apply(y, s);
        BackgroundClipping.Compute(s, b);
        return Finish(s, b, destination);
    }

    /// <summary>min–max(s − b) into destination; false (all NaN) if undefined.</summary>
    internal static bool Finish(ReadOnlySpan<double> s, ReadOnlySpan<double> b, Span<double> destination)
    {
        TensorPrimitives.Subtract(s, b, destination);
        return MinMax(destination, destination);
    }
}
