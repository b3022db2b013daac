using MlApt.Crystal;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Tests.Crystal;

public class PoleAlignmentTests(ITestOutputHelper output)
{
    /// <summary>
    /// A simulated specimen whose crystal direction [hkl] lies <paramref name="tiltDegrees"/> off z towards a
    /// seeded random azimuth, and where that direction points in the specimen frame.
    /// </summary>
    internal static (SimulatedSpecimen Specimen, (double X, double Y, double Z) Pole) Tilted(
        (int H, int K, int L) pole, double tiltDegrees, int seed, double sigmaXy = 0.2, (double X, double Y, double Z)? size = null)
    {
        var random = new Random(seed);
        double h = pole.H, k = pole.K, l = pole.L;
        var n = Math.Sqrt(h * h + k * k + l * l);
        // A random axis perpendicular to [hkl]; the orientation is [hkl] turned about it by the tilt.
        var any = Math.Abs(l / n) < 0.9 ? (0.0, 0.0, 1.0) : (1.0, 0.0, 0.0);
        var e1 = Normalise(Cross((h / n, k / n, l / n), any));
        var e2 = Cross((h / n, k / n, l / n), e1);
        var phi = 2 * Math.PI * random.NextDouble();
        var axis = (e1.X * Math.Cos(phi) + e2.X * Math.Sin(phi), e1.Y * Math.Cos(phi) + e2.Y * Math.Sin(phi), e1.Z * Math.Cos(phi) + e2.Z * Math.Sin(phi));
        var orientation = tiltDegrees == 0 ? (h, k, l) : Rotation.AboutAxis(axis, tiltDegrees * Math.PI / 180).Apply(h, k, l);
        var spec = new SpecimenSpec
        {
            Size = size ?? (14, 14, 16),
            Domains = 0,
            SigmaXy = sigmaXy,
            Orientation = orientation,
            Seed = seed,
        };
        var specimen = SimulatedSpecimen.Generate(spec);
        // The simulator places crystal point p at R·p and then flips z (specimen z runs from 0 down to −Z).
        var q = Orientation.ToZ(orientation.Item1, orientation.Item2, orientation.Item3).Apply(h / n, k / n, l / n);
        var d = (q.X, q.Y, -q.Z);
        if (d.Item3 < 0) d = (-d.Item1, -d.Item2, -d.Item3);
        return (specimen, d);
    }

    /// <summary>
    /// <paramref name="n"/> ions uniformly in x, y ∈ [−side/2, side/2], z ∈ [−depth, 0], all of mass <paramref name="mass"/>:
    /// no lattice, so no pole.
    /// </summary>
    internal static IonCloud RandomCloud(int n, double side, double depth, float mass, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[n], y = new float[n], z = new float[n], m = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(random.NextDouble() * side - side / 2); y[i] = (float)(random.NextDouble() * side - side / 2);
            z[i] = (float)(-random.NextDouble() * depth); m[i] = mass;
        }
        return new IonCloud(x, y, z, m);
    }

    private static (double X, double Y, double Z) Cross((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        (a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    private static (double X, double Y, double Z) Normalise((double X, double Y, double Z) a)
    {
        var n = Math.Sqrt(a.X * a.X + a.Y * a.Y + a.Z * a.Z);
        return (a.X / n, a.Y / n, a.Z / n);
    }

    private static double AngleDegrees((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        Math.Acos(Math.Clamp(a.X * b.X + a.Y * b.Y + a.Z * b.Z, -1, 1)) * 180 / Math.PI;

    public static TheoryData<int, double, int> Cases => new()
    {
        { 1, 0, 11 }, { 1, 4, 12 }, { 1, 9, 13 }, { 1, 15, 14 }, { 1, 20, 15 },
        { 111, 0, 21 }, { 111, 6, 22 }, { 111, 13, 23 }, { 111, 20, 24 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_RecoversTheKnownPole_WithinHalfADegree(int family, double tilt, int seed)
    {
        var pole = family == 1 ? (0, 0, 1) : (1, 1, 1);
        var (specimen, expected) = Tilted(pole, tilt, seed);
        var options = new PoleAlignmentOptions { Pole = new PlaneFamily(pole.Item1, pole.Item2, pole.Item3) };
        var found = PoleAlignment.Find(specimen.Cloud, [], options, out var best);
        Assert.NotNull(best);
        output.WriteLine($"tilt {tilt}: found {best.TiltDegrees:F3}° az {best.AzimuthDegrees:F2}°, error {AngleDegrees(best.Direction, expected):F3}°, " +
            $"d {best.SpacingNm:F4} (expected {best.ExpectedSpacingNm:F4}), contrast {best.Contrast:F4}, significance {best.Significance:F1}");
        Assert.NotNull(found);
        Assert.True(AngleDegrees(found.Direction, expected) <= 0.5, $"error {AngleDegrees(found.Direction, expected):F3}°");
        Assert.Equal(found.ExpectedSpacingNm, found.SpacingNm, 0.01);
        var onZ = found.Rotation.Apply(found.Direction.X, found.Direction.Y, found.Direction.Z);
        Assert.Equal(1, onZ.Z, 1e-12);
        Assert.True(found.Rotation.IsProperRotation(1e-12));
    }

    [Fact]
    public void Find_OnASample_MatchesTheAllIonPole_WithinATenthOfADegree()
    {
        // The search scores a seeded sample of whole cells; here a quarter of the ions (coarse) and an eighth
        // (refinement) of a ~430k-ion specimen, each sample seed against every ion.
        var (specimen, _) = Tilted((0, 0, 1), 12, 51, size: (20, 20, 24));
        var all = PoleAlignment.Find(specimen.Cloud, [], new PoleAlignmentOptions { IonBudget = int.MaxValue, RefineIonBudget = int.MaxValue }, out _);
        Assert.NotNull(all);
        var budget = specimen.Cloud.Count / 4;
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var sampled = PoleAlignment.Find(specimen.Cloud, [], new PoleAlignmentOptions { IonBudget = budget, RefineIonBudget = budget / 2, Seed = seed }, out _);
            Assert.NotNull(sampled);
            Assert.True(sampled.IonsUsed < specimen.Cloud.Count / 2, $"{sampled.IonsUsed} of {specimen.Cloud.Count} ions: not a sample");
            var angle = AngleDegrees(sampled.Direction, all.Direction);
            output.WriteLine($"seed {seed}: {sampled.IonsUsed} ions, {angle:F4}° from the all-ion pole (tilt {all.TiltDegrees:F3}°)");
            Assert.True(angle <= 0.1, $"seed {seed}: {angle:F3}° from the all-ion pole");
        }
    }

    [Fact]
    public void Rotate_RoundTrips()
    {
        var random = new Random(3);
        var n = 1000;
        float[] x = new float[n], y = new float[n], z = new float[n], m = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(random.NextDouble() * 20 - 10); y[i] = (float)(random.NextDouble() * 20 - 10);
            z[i] = (float)(-random.NextDouble() * 40); m[i] = (float)(random.NextDouble() * 60);
        }
        var cloud = new IonCloud(x, y, z, m);
        var r = PoleAlignment.ToZ(Normalise((0.2, -0.1, 0.95)));
        var c = PoleAlignment.Centroid(cloud);
        var back = PoleAlignment.Rotate(PoleAlignment.Rotate(cloud, r, c), r.Transpose(), c);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(x[i], back.X[i], 1e-4f);
            Assert.Equal(y[i], back.Y[i], 1e-4f);
            Assert.Equal(z[i], back.Z[i], 1e-4f);
            Assert.Equal(m[i], back.M[i]);
        }
        // The centre stays in place.
        var (cx, cy, cz) = r.Apply(0, 0, 0);
        Assert.Equal((0.0, 0.0, 0.0), (cx, cy, cz));
    }

    [Fact]
    public void ToZ_TakesTheDirectionToZ_WithoutSpin()
    {
        var d = Normalise((0.3, 0.1, 0.9));
        var r = PoleAlignment.ToZ(d);
        var (x, y, z) = r.Apply(d.X, d.Y, d.Z);
        Assert.Equal(0, x, 1e-12);
        Assert.Equal(0, y, 1e-12);
        Assert.Equal(1, z, 1e-12);
        // The rotation axis is horizontal: a vector along it is unchanged.
        var axis = Normalise((d.Y, -d.X, 0));
        var a = r.Apply(axis.X, axis.Y, axis.Z);
        Assert.Equal(axis.X, a.X, 1e-12);
        Assert.Equal(axis.Y, a.Y, 1e-12);
    }

    [Fact]
    public void Find_RandomCloud_FindsNoPole()
    {
        var found = PoleAlignment.Find(RandomCloud(200_000, 14, 16, 30, 5), [], new PoleAlignmentOptions(), out var best);
        output.WriteLine($"best significance {best?.Significance:F2}, contrast {best?.Contrast:F5}");
        Assert.Null(found);
        Assert.NotNull(best);
        Assert.True(best.Significance < new PoleAlignmentOptions().MinSignificance);
    }

    [Fact]
    public void Find_PoleOutsideTheCone_FindsNone()
    {
        // ⟨111⟩ poles lie 54.7° from the ⟨001⟩ put on z: none within 20°.
        var (specimen, _) = Tilted((0, 0, 1), 0, 31);
        Assert.Null(PoleAlignment.Find(specimen.Cloud, [], new PoleAlignmentOptions { Pole = new PlaneFamily(1, 1, 1) }, out _));
    }
}
