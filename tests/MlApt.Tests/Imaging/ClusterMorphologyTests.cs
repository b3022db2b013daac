using MlApt.Imaging;

namespace MlApt.Tests.Imaging;

public class ClusterMorphologyTests
{
    private static (double[] X, double[] Y, double[] Z, int[] Labels) RandomClusters(int seed, int n, int clusters)
    {
        var r = new Random(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = r.Next(-1, clusters);
            // Far from the origin, as APT coordinates are (z down to −120 nm and beyond).
            x[i] = 40 + labels[i] + r.NextDouble() * 2;
            y[i] = -30 + r.NextDouble() * (1 + labels[i] % 3);
            z[i] = -150 + 0.5 * labels[i] + r.NextDouble() * 3;
        }
        return (x, y, z, labels);
    }

    [Fact]
    public void Compute_MatchesPairwiseDefinitions()
    {
        var (x, y, z, labels) = RandomClusters(3, 900, 7);
        var shapes = ClusterMorphology.Compute(x, y, z, labels, 8);
        for (var c = 0; c < 8; c++)
        {
            var members = Enumerable.Range(0, x.Length).Where(i => labels[i] == c).ToArray();
            Assert.Equal(members.Length, shapes[c].Count);
            if (members.Length == 0)
            {
                Assert.True(double.IsNaN(shapes[c].RadiusOfGyration));
                continue;
            }
            // Brute force: Rg² = Σ_i Σ_j |r_i − r_j|² / (2 n²), no centroid involved.
            double sxx = 0, syy = 0, szz = 0;
            foreach (var i in members)
            foreach (var j in members)
            {
                sxx += (x[i] - x[j]) * (x[i] - x[j]);
                syy += (y[i] - y[j]) * (y[i] - y[j]);
                szz += (z[i] - z[j]) * (z[i] - z[j]);
            }
            var n2 = 2.0 * members.Length * members.Length;
            Assert.Equal(Math.Sqrt(sxx / n2), shapes[c].RadiusOfGyrationAxes.X, 1e-9);
            Assert.Equal(Math.Sqrt(syy / n2), shapes[c].RadiusOfGyrationAxes.Y, 1e-9);
            Assert.Equal(Math.Sqrt(szz / n2), shapes[c].RadiusOfGyrationAxes.Z, 1e-9);
            Assert.Equal(Math.Sqrt((sxx + syy + szz) / n2), shapes[c].RadiusOfGyration, 1e-9);
            Assert.Equal(Math.Sqrt(5.0 / 3.0) * shapes[c].RadiusOfGyration, shapes[c].GuinierRadius, 12);
            Assert.Equal(members.Average(i => x[i]), shapes[c].Centroid.X, 1e-9);
            Assert.Equal(members.Average(i => z[i]), shapes[c].Centroid.Z, 1e-9);
            // The ellipsoid's second moments add up to the same Rg²: (a² + b² + c²) / 5 = Rg².
            var (a, b, cc) = shapes[c].SemiAxes;
            Assert.True(a >= b && b >= cc);
            Assert.Equal(shapes[c].RadiusOfGyration * shapes[c].RadiusOfGyration, (a * a + b * b + cc * cc) / 5, 1e-9);
        }
    }

    [Fact]
    public void SymmetricEigenvalues_SatisfyTheCharacteristicEquation()
    {
        var r = new Random(11);
        for (var t = 0; t < 200; t++)
        {
            double xx = r.NextDouble() * 4, yy = r.NextDouble() * 4, zz = r.NextDouble() * 4;
            double xy = r.NextDouble() - 0.5, xz = r.NextDouble() - 0.5, yz = r.NextDouble() - 0.5;
            var (l1, l2, l3) = ClusterMorphology.SymmetricEigenvalues(xx, yy, zz, xy, xz, yz);
            Assert.True(l1 >= l2 && l2 >= l3);
            Assert.Equal(xx + yy + zz, l1 + l2 + l3, 1e-9);
            foreach (var l in new[] { l1, l2, l3 })
            {
                double a = xx - l, b = yy - l, c = zz - l;
                var det = a * (b * c - yz * yz) - xy * (xy * c - yz * xz) + xz * (xy * yz - b * xz);
                Assert.True(Math.Abs(det) < 1e-9, $"det(A − {l} I) = {det}");
            }
        }
    }

    [Theory]
    [InlineData(3.0, 2.0, 1.0)]
    [InlineData(2.0, 2.0, 1.0)]
    [InlineData(1.5, 1.5, 1.5)]
    public void UniformEllipsoid_RecoversSemiAxesAspectAndOblateness(double a, double b, double c)
    {
        var r = new Random(5);
        var (x, y, z) = (new List<double>(), new List<double>(), new List<double>());
        // A rotated ellipsoid: rotation about z by 30° then about x by 50°.
        var (c1, s1, c2, s2) = (Math.Cos(0.5236), Math.Sin(0.5236), Math.Cos(0.8727), Math.Sin(0.8727));
        while (x.Count < 40000)
        {
            double u = r.NextDouble() * 2 - 1, v = r.NextDouble() * 2 - 1, w = r.NextDouble() * 2 - 1;
            if (u * u + v * v + w * w > 1) continue;
            double px = u * a, py = v * b, pz = w * c;
            double qx = c1 * px - s1 * py, qy = s1 * px + c1 * py;
            x.Add(10 + qx); y.Add(-5 + c2 * qy - s2 * pz); z.Add(-80 + s2 * qy + c2 * pz);
        }
        var s = ClusterMorphology.Compute(x.ToArray(), y.ToArray(), z.ToArray(), new int[x.Count], 1)[0];
        Assert.Equal(a, s.SemiAxes.A, a * 0.02);
        Assert.Equal(b, s.SemiAxes.B, b * 0.02);
        Assert.Equal(c, s.SemiAxes.C, c * 0.02);
        Assert.Equal(a / c, s.AspectRatio, a / c * 0.04);
        Assert.Equal(b / c, s.Oblateness, b / c * 0.04);
        if (a == b && b == c)
            Assert.Equal(a, s.GuinierRadius, a * 0.02);   // the Guinier radius of a uniform sphere is its radius
    }

    [Fact]
    public void Envelope_MatchesBruteForceNearestClusteredPoint()
    {
        var (x, y, z, labels) = RandomClusters(8, 600, 5);
        var r = new Random(9);
        var m = 800;
        double[] qx = new double[m], qy = new double[m], qz = new double[m];
        for (var q = 0; q < m; q++)
        {
            // Some queries lie outside the clustered points' box.
            qx[q] = 38 + r.NextDouble() * 12; qy[q] = -32 + r.NextDouble() * 8; qz[q] = -152 + r.NextDouble() * 10;
        }
        const double radius = 0.4;
        var result = new int[m];
        ClusterEnvelope.Assign(x, y, z, labels, qx, qy, qz, radius, result);
        var assigned = 0;
        for (var q = 0; q < m; q++)
        {
            var best = -1;
            var bestD2 = double.PositiveInfinity;
            for (var i = 0; i < x.Length; i++)
            {
                if (labels[i] < 0) continue;
                double dx = x[i] - qx[q], dy = y[i] - qy[q], dz = z[i] - qz[q];
                var d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= radius * radius && d2 < bestD2)
                    (best, bestD2) = (i, d2);
            }
            Assert.Equal(best < 0 ? -1 : labels[best], result[q]);
            if (best >= 0) assigned++;
        }
        Assert.InRange(assigned, 20, m - 20);   // the test exercises both outcomes
    }
}
