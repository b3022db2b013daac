using System.Numerics.Tensors;

namespace MlApt.Geometry;

/// <summary>An axis-aligned bounding box of points (nm).</summary>
/// <param name="Min">Smallest x, y, z.</param>
/// <param name="Max">Largest x, y, z.</param>
public readonly record struct Bounds3((double X, double Y, double Z) Min, (double X, double Y, double Z) Max)
{
    /// <summary>The bounds of float32 coordinates (SIMD min/max); null when there are no points.</summary>
    public static Bounds3? Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z)
    {
        if (x.IsEmpty)
            return null;
        return new Bounds3(
            (TensorPrimitives.Min(x), TensorPrimitives.Min(y), TensorPrimitives.Min(z)),
            (TensorPrimitives.Max(x), TensorPrimitives.Max(y), TensorPrimitives.Max(z)));
    }

    /// <summary>Edge lengths along x, y, z.</summary>
    public (double X, double Y, double Z) Size => (Max.X - Min.X, Max.Y - Min.Y, Max.Z - Min.Z);
}
