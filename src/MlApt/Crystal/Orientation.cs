namespace MlApt.Crystal;

/// <summary>
/// Crystal orientations: the rotation that takes a crystal direction [hkl] of a cubic crystal to +z
/// (the analysis direction), and a small random tilt away from it. For [001], [101] and [111] these are
/// METHOD §5's reference matrices exactly (so simulated coordinates match the authors' arithmetic);
/// any other direction gets the general construction of <see cref="ToZ"/>.
/// </summary>
public static class Orientation
{
    private static readonly double S2 = Math.Sqrt(2), S3 = Math.Sqrt(3), S6 = Math.Sqrt(6);

    /// <summary>METHOD's ⟨110⟩ matrix: x' = (x − z)/√2, y' = y, z' = (x + z)/√2 (takes [101] to +z).</summary>
    public static Rotation Reference110 { get; } = Rotation.FromRows((1 / S2, 0, -1 / S2), (0, 1, 0), (1 / S2, 0, 1 / S2));

    /// <summary>METHOD's ⟨111⟩ matrix: rows (1, 1, −2)/√6, (−1, 1, 0)/√2, (1, 1, 1)/√3.</summary>
    public static Rotation Reference111 { get; } = Rotation.FromRows((1 / S6, 1 / S6, -2 / S6), (-1 / S2, 1 / S2, 0), (1 / S3, 1 / S3, 1 / S3));

    /// <summary>
    /// The proper rotation taking the direction [h k l] to +z. Positive multiples of [001] give the
    /// identity, of [101] and [111] METHOD's reference matrices. Otherwise the rows are
    /// x' = the component of x̂ perpendicular to [hkl] (of ŷ when [hkl] ∥ x̂), normalised; z' = [hkl]/|hkl|;
    /// y' = z' × x' — which reproduces the reference ⟨110⟩ matrix for [101].
    /// </summary>
    public static Rotation ToZ(double h, double k, double l)
    {
        var n = Math.Sqrt(h * h + k * k + l * l);
        if (!(n > 0) || !double.IsFinite(n))
            throw new ArgumentException($"[{h} {k} {l}] is not a direction", nameof(h));
        if (h == 0 && k == 0 && l > 0) return Rotation.Identity;
        if (h > 0 && k == 0 && h == l) return Reference110;
        if (h > 0 && h == k && k == l) return Reference111;
        (double X, double Y, double Z) z = (h / n, k / n, l / n);
        (double X, double Y, double Z) e = Math.Abs(z.X) > 1 - 1e-9 ? (0, 1, 0) : (1, 0, 0);
        var d = e.X * z.X + e.Y * z.Y + e.Z * z.Z;
        (double X, double Y, double Z) x = (e.X - d * z.X, e.Y - d * z.Y, e.Z - d * z.Z);
        var m = Math.Sqrt(x.X * x.X + x.Y * x.Y + x.Z * x.Z);
        x = (x.X / m, x.Y / m, x.Z / m);
        (double X, double Y, double Z) y = (z.Y * x.Z - z.Z * x.Y, z.Z * x.X - z.X * x.Z, z.X * x.Y - z.Y * x.X);
        return Rotation.FromRows(x, y, z);
    }

    /// <summary>
    /// A tilt of <paramref name="degrees"/> away from +z about the in-plane axis (cos φ, sin φ, 0):
    /// applied after <see cref="ToZ"/>, the crystal direction ends up <paramref name="degrees"/> off z
    /// towards azimuth φ + 90°.
    /// </summary>
    public static Rotation Tilt(double degrees, double azimuthRadians) =>
        degrees == 0 ? Rotation.Identity : Rotation.AboutAxis((Math.Cos(azimuthRadians), Math.Sin(azimuthRadians), 0), degrees * Math.PI / 180);
}
