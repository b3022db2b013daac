using MlApt.Crystal;
using MlApt.Numerics;

namespace MlApt.Tests.Crystal;

public class OrientationTests
{
    public static TheoryData<int, int, int> Directions => new()
    {
        { 0, 0, 1 }, { 0, 0, 2 }, { 1, 0, 1 }, { 1, 1, 0 }, { 0, 1, 1 }, { 1, 1, 1 }, { 1, 1, 2 }, { 1, 2, 3 },
        { 1, 0, 0 }, { 0, 1, 0 }, { -1, 1, 1 }, { 0, 0, -1 }, { 2, -3, 5 },
    };

    [Theory]
    [MemberData(nameof(Directions))]
    public void ToZ_IsAProperRotation(int h, int k, int l) =>
        Assert.True(Orientation.ToZ(h, k, l).IsProperRotation(1e-12));

    [Theory]
    [MemberData(nameof(Directions))]
    public void ToZ_MapsTheDirectionToPlusZ(int h, int k, int l)
    {
        var n = Math.Sqrt(h * h + k * k + l * l);
        var (x, y, z) = Orientation.ToZ(h, k, l).Apply(h / n, k / n, l / n);
        Assert.Equal(0, x, 1e-12);
        Assert.Equal(0, y, 1e-12);
        Assert.Equal(1, z, 1e-12);
    }

    [Fact]
    public void ToZ_RandomDirections_MapToPlusZ()
    {
        var r = new SeededRandom(7);
        for (var i = 0; i < 200; i++)
        {
            double h = r.NextGaussian(), k = r.NextGaussian(), l = r.NextGaussian();
            var n = Math.Sqrt(h * h + k * k + l * l);
            var m = Orientation.ToZ(h, k, l);
            Assert.True(m.IsProperRotation(1e-12));
            Assert.Equal(1, m.Apply(h / n, k / n, l / n).Z, 1e-12);
        }
    }

    [Fact]
    public void ToZ_Of001_IsTheIdentity() => Assert.Equal(Rotation.Identity, Orientation.ToZ(0, 0, 2));

    [Fact]
    public void ToZ_Of101_IsMethodsExact110Matrix()
    {
        var s = Math.Sqrt(2);
        Assert.Equal(Rotation.FromRows((1 / s, 0, -1 / s), (0, 1, 0), (1 / s, 0, 1 / s)), Orientation.ToZ(1, 0, 1));
    }

    [Fact]
    public void ToZ_Of111_IsMethodsExact111Matrix()
    {
        double s6 = Math.Sqrt(6), s2 = Math.Sqrt(2), s3 = Math.Sqrt(3);
        Assert.Equal(Rotation.FromRows((1 / s6, 1 / s6, -2 / s6), (-1 / s2, 1 / s2, 0), (1 / s3, 1 / s3, 1 / s3)), Orientation.ToZ(2, 2, 2));
    }

    [Fact]
    public void ToZ_OfZeroVector_Throws() => Assert.Throws<ArgumentException>(() => Orientation.ToZ(0, 0, 0));

    [Theory]
    [InlineData(3.0, 0.0)]
    [InlineData(5.0, 1.2)]
    [InlineData(-2.0, 4.0)]
    public void Tilt_MovesZByTheAngle(double degrees, double azimuth)
    {
        var t = Orientation.Tilt(degrees, azimuth);
        Assert.True(t.IsProperRotation(1e-12));
        var (_, _, z) = t.Apply(0, 0, 1);
        Assert.Equal(Math.Cos(degrees * Math.PI / 180), z, 1e-12);
    }
}
