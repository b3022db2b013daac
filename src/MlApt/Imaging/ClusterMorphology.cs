namespace MlApt.Imaging;

/// <summary>
/// Size and shape of one cluster of ions, as APT cluster analyses report them (IVAS / AP Suite,
/// Karnesky et al. 2007 best-fit ellipsoids): centroid, radius of gyration in total and per axis,
/// Guinier radius √(5/3)·Rg (the radius of a uniform sphere with that Rg) and the ellipsoid of the
/// same second moments, whose semi-axes a ≥ b ≥ c are √(5 λ) of the gyration tensor's eigenvalues.
/// </summary>
/// <param name="Count">Ions in the cluster.</param>
/// <param name="Centroid">Mean position (nm).</param>
/// <param name="RadiusOfGyration">Rg = √(mean squared distance from the centroid) (nm).</param>
/// <param name="RadiusOfGyrationAxes">√(mean squared deviation) along x, y and z (nm); Rg² is their squares' sum.</param>
/// <param name="SemiAxes">Semi-axes a ≥ b ≥ c of the equivalent uniform ellipsoid (nm).</param>
internal readonly record struct ClusterShape(int Count, (double X, double Y, double Z) Centroid, double RadiusOfGyration,
    (double X, double Y, double Z) RadiusOfGyrationAxes, (double A, double B, double C) SemiAxes)
{
    /// <summary>Guinier radius √(5/3)·Rg (nm).</summary>
    public double GuinierRadius => Math.Sqrt(5.0 / 3.0) * RadiusOfGyration;

    /// <summary>Longest over shortest semi-axis, a/c ≥ 1 (1 = sphere); NaN when c is 0.</summary>
    public double AspectRatio => SemiAxes.C > 0 ? SemiAxes.A / SemiAxes.C : double.NaN;

    /// <summary>Middle over shortest semi-axis, b/c ≥ 1: near 1 for a rod (prolate), near a/c for a plate (oblate).</summary>
    public double Oblateness => SemiAxes.C > 0 ? SemiAxes.B / SemiAxes.C : double.NaN;

    /// <summary>A cluster without ions: every value NaN.</summary>
    public static ClusterShape Empty => new(0, (double.NaN, double.NaN, double.NaN), double.NaN,
        (double.NaN, double.NaN, double.NaN), (double.NaN, double.NaN, double.NaN));
}

/// <summary>Cluster shapes of labelled point sets, two passes over the points (centroids, then moments about them).</summary>
internal static class ClusterMorphology
{
    /// <summary>
    /// The shape of every cluster 0 … <paramref name="clusters"/>−1; points labelled outside that range
    /// (noise, −1) are ignored. Moments are taken about each centroid, so coordinates far from the
    /// origin lose no precision.
    /// </summary>
    public static ClusterShape[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z,
        ReadOnlySpan<int> labels, int clusters)
    {
        if (y.Length != x.Length || z.Length != x.Length || labels.Length != x.Length)
            throw new ArgumentException("x, y, z and labels must have the same length");
        ArgumentOutOfRangeException.ThrowIfNegative(clusters);
        var n = new int[clusters];
        var c = new double[clusters, 3];
        for (var i = 0; i < x.Length; i++)
        {
            var l = labels[i];
            if ((uint)l >= (uint)clusters) continue;
            n[l]++;
            c[l, 0] += x[i]; c[l, 1] += y[i]; c[l, 2] += z[i];
        }
        for (var l = 0; l < clusters; l++)
        {
            if (n[l] == 0) continue;
            c[l, 0] /= n[l]; c[l, 1] /= n[l]; c[l, 2] /= n[l];
        }
        // Second moments about the centroid: xx, yy, zz, xy, xz, yz.
        var m = new double[clusters, 6];
        for (var i = 0; i < x.Length; i++)
        {
            var l = labels[i];
            if ((uint)l >= (uint)clusters) continue;
            double dx = x[i] - c[l, 0], dy = y[i] - c[l, 1], dz = z[i] - c[l, 2];
            m[l, 0] += dx * dx; m[l, 1] += dy * dy; m[l, 2] += dz * dz;
            m[l, 3] += dx * dy; m[l, 4] += dx * dz; m[l, 5] += dy * dz;
        }
        var shapes = new ClusterShape[clusters];
        for (var l = 0; l < clusters; l++)
        {
            if (n[l] == 0)
            {
                shapes[l] = ClusterShape.Empty;
                continue;
            }
            double k = 1.0 / n[l];
            double xx = m[l, 0] * k, yy = m[l, 1] * k, zz = m[l, 2] * k, xy = m[l, 3] * k, xz = m[l, 4] * k, yz = m[l, 5] * k;
            var (l1, l2, l3) = SymmetricEigenvalues(xx, yy, zz, xy, xz, yz);
            shapes[l] = new ClusterShape(n[l], (c[l, 0], c[l, 1], c[l, 2]), Math.Sqrt(xx + yy + zz),
                (Math.Sqrt(xx), Math.Sqrt(yy), Math.Sqrt(zz)),
                (Math.Sqrt(5 * Math.Max(l1, 0)), Math.Sqrt(5 * Math.Max(l2, 0)), Math.Sqrt(5 * Math.Max(l3, 0))));
        }
        return shapes;
    }

    /// <summary>
    /// Eigenvalues λ1 ≥ λ2 ≥ λ3 of the symmetric 3 × 3 matrix [[xx, xy, xz], [xy, yy, yz], [xz, yz, zz]]
    /// by the trigonometric solution of the characteristic cubic (Smith 1961), exact for diagonal input.
    /// </summary>
    public static (double L1, double L2, double L3) SymmetricEigenvalues(double xx, double yy, double zz, double xy, double xz, double yz)
    {
        var off = xy * xy + xz * xz + yz * yz;
        if (off == 0)
        {
            Span<double> d = [xx, yy, zz];
            d.Sort();
            return (d[2], d[1], d[0]);
        }
        var q = (xx + yy + zz) / 3;
        double a = xx - q, b = yy - q, c = zz - q;
        var p = Math.Sqrt((a * a + b * b + c * c + 2 * off) / 6);
        // det((A − qI) / p) / 2, clamped against rounding to [−1, 1].
        var det = (a * (b * c - yz * yz) - xy * (xy * c - yz * xz) + xz * (xy * yz - b * xz)) / (p * p * p);
        var r = Math.Clamp(det / 2, -1, 1);
        var phi = Math.Acos(r) / 3;
        var l1 = q + 2 * p * Math.Cos(phi);
        var l3 = q + 2 * p * Math.Cos(phi + 2 * Math.PI / 3);
        return (l1, 3 * q - l1 - l3, l3);
    }
}
