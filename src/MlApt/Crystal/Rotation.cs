namespace MlApt.Crystal;

/// <summary>
/// A 3 × 3 rotation matrix, row-major: the rotated position is (R₀·p, R₁·p, R₂·p) with R_i the rows.
/// Applied element by element in this order (no fused multiply-add) so results are reproducible.
/// </summary>
public readonly record struct Rotation(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    /// <summary>The identity.</summary>
    public static Rotation Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Builds a matrix from its three rows.</summary>
    public static Rotation FromRows((double X, double Y, double Z) r0, (double X, double Y, double Z) r1, (double X, double Y, double Z) r2) =>
        new(r0.X, r0.Y, r0.Z, r1.X, r1.Y, r1.Z, r2.X, r2.Y, r2.Z);

    /// <summary>Row <paramref name="i"/> (0 … 2).</summary>
    public (double X, double Y, double Z) Row(int i) => i switch
    {
        0 => (M00, M01, M02),
        1 => (M10, M11, M12),
        2 => (M20, M21, M22),
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    /// <summary>R·p.</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) =>
        (M00 * x + M01 * y + M02 * z, M10 * x + M11 * y + M12 * z, M20 * x + M21 * y + M22 * z);

    /// <summary>The matrix product this · <paramref name="b"/>.</summary>
    public Rotation Times(Rotation b) => new(
        M00 * b.M00 + M01 * b.M10 + M02 * b.M20, M00 * b.M01 + M01 * b.M11 + M02 * b.M21, M00 * b.M02 + M01 * b.M12 + M02 * b.M22,
        M10 * b.M00 + M11 * b.M10 + M12 * b.M20, M10 * b.M01 + M11 * b.M11 + M12 * b.M21, M10 * b.M02 + M11 * b.M12 + M12 * b.M22,
        M20 * b.M00 + M21 * b.M10 + M22 * b.M20, M20 * b.M01 + M21 * b.M11 + M22 * b.M21, M20 * b.M02 + M21 * b.M12 + M22 * b.M22);

    /// <summary>The transpose (the inverse of a rotation).</summary>
    public Rotation Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>The determinant (+1 for a proper rotation).</summary>
    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>True when RᵀR = I within <paramref name="tolerance"/> and det R = +1 (a proper rotation).</summary>
    public bool IsProperRotation(double tolerance = 1e-12)
    {
        var p = Transpose().Times(this);
        return Math.Abs(p.M00 - 1) <= tolerance && Math.Abs(p.M11 - 1) <= tolerance && Math.Abs(p.M22 - 1) <= tolerance
            && Math.Abs(p.M01) <= tolerance && Math.Abs(p.M02) <= tolerance && Math.Abs(p.M12) <= tolerance
            && Math.Abs(p.M10) <= tolerance && Math.Abs(p.M20) <= tolerance && Math.Abs(p.M21) <= tolerance
            && Math.Abs(Determinant - 1) <= tolerance;
    }

    /// <summary>The rotation by <paramref name="angle"/> (radians, right-handed) about a unit axis (Rodrigues).</summary>
    public static Rotation AboutAxis((double X, double Y, double Z) axis, double angle)
    {
        var n = Math.Sqrt(axis.X * axis.X + axis.Y * axis.Y + axis.Z * axis.Z);
        if (!(n > 0)) throw new ArgumentException("the axis must be a non-zero vector", nameof(axis));
        double x = axis.X / n, y = axis.Y / n, z = axis.Z / n;
        double c = Math.Cos(angle), s = Math.Sin(angle), t = 1 - c;
        return new(
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c);
    }
}
