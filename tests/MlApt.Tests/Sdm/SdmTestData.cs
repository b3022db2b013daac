using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

/// <summary>Seeded clouds, crystals and brute-force references shared by the SDM tests.</summary>
internal static class SdmTestData
{
    /// <summary>Uniform random points in [lo, hi)³; with <paramref name="decimals"/> ≥ 0 rounded like a CSV export.</summary>
    public static (double[] X, double[] Y, double[] Z) Cloud(int seed, int n, double lo, double hi, int decimals = -1)
    {
        var rng = new Random(seed);
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            x[i] = Draw(rng, lo, hi, decimals);
            y[i] = Draw(rng, lo, hi, decimals);
            z[i] = Draw(rng, lo, hi, decimals);
        }
        return (x, y, z);
    }

    private static double Draw(Random rng, double lo, double hi, int decimals)
    {
        var v = lo + (hi - lo) * rng.NextDouble();
        if (decimals < 0) return v;
        // Parse the formatted text, as the reference reads its CSV: the double nearest the decimal.
        return double.Parse(v.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>All FCC sites with 0 ≤ x, y, z ≤ cells·a (boundary included).</summary>
    public static List<(double X, double Y, double Z)> Fcc(double a, int cells)
    {
        var sites = new HashSet<(int, int, int)>();
        for (var i = 0; i <= 2 * cells; i++)
            for (var j = 0; j <= 2 * cells; j++)
                for (var k = 0; k <= 2 * cells; k++)
                    if ((i + j + k) % 2 == 0) sites.Add((i, j, k)); // half-lattice units: FCC = even sum
        return sites.OrderBy(s => s).Select(s => (s.Item1 * a / 2, s.Item2 * a / 2, s.Item3 * a / 2)).ToList();
    }

    /// <summary>Brute-force voxel: atoms within the sphere by a full loop, then the literal pair definition, cropped.</summary>
    public static float[] BruteVoxel(double cx, double cy, double cz, double sphere, double pairRadius,
        (double[] X, double[] Y, double[] Z) a, (double[] X, double[] Y, double[] Z) b, out int centreCount)
    {
        var sa = InSphere(a, cx, cy, cz, sphere);
        var sb = InSphere(b, cx, cy, cz, sphere);
        centreCount = sa.X.Length;
        var full = new long[ZSdm.FullBinCount];
        ZSdm.AccumulatePairs(sa.X, sa.Y, sa.Z, sb.X, sb.Y, sb.Z, pairRadius, full);
        var row = new float[ZSdm.CropLength];
        for (var k = 0; k < row.Length; k++) row[k] = full[ZSdm.CropStart + k];
        return row;
    }

    private static (double[] X, double[] Y, double[] Z) InSphere((double[] X, double[] Y, double[] Z) p, double cx, double cy, double cz, double r)
    {
        var (x, y, z) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < p.X.Length; i++)
        {
            double dx = p.X[i] - cx, dy = p.Y[i] - cy, dz = p.Z[i] - cz;
            if (dx * dx + dy * dy + dz * dz <= r * r) { x.Add(p.X[i]); y.Add(p.Y[i]); z.Add(p.Z[i]); }
        }
        return ([.. x], [.. y], [.. z]);
    }
}
