using System.Numerics.Tensors;

namespace MlApt.Geometry;

/// <summary>An axis-aligned bounding box of points (nm).</summary>
/// <param name="Min">Smallest x, y, z.</param>
/// <param name="Max">Largest x, y, z.</param>
public readonly record struct Bounds3((double X, double Y, double Z) Min, (double X, double Y, double Z) Max)
{
    /// <summary>
    /// The bounds of float32 coordinates (SIMD min/max); null when there are no points. Each value
    /// is the double nearest the float's shortest decimal form (−10.038f gives −10.038, not
    /// −10.038000106811523), which is what the file's writer meant.
    /// </summary>
    public static Bounds3? Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z)
    {
        if (x.IsEmpty)
            return null;
        return new Bounds3(
            (Decimal(TensorPrimitives.Min(x)), Decimal(TensorPrimitives.Min(y)), Decimal(TensorPrimitives.Min(z))),
            (Decimal(TensorPrimitives.Max(x)), Decimal(TensorPrimitives.Max(y)), Decimal(TensorPrimitives.Max(z))));
    }

    /// <summary>The bounds of double coordinates; null when there are no points.</summary>
    public static Bounds3? Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        if (x.IsEmpty)
            return null;
        return new Bounds3(
            (TensorPrimitives.Min(x), TensorPrimitives.Min(y), TensorPrimitives.Min(z)),
            (TensorPrimitives.Max(x), TensorPrimitives.Max(y), TensorPrimitives.Max(z)));
    }

    private static double Decimal(float f) =>
        double.Parse(f.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Edge lengths along x, y, z.</summary>
    public (double X, double Y, double Z) Size => (Max.X - Min.X, Max.Y - Min.Y, Max.Z - Min.Z);
}
