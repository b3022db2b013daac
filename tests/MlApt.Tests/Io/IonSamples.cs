using MlApt.Io;

namespace MlApt.Tests.Io;

/// <summary>Seeded clouds for round trips.</summary>
internal static class IonSamples
{
    public static IonCloud Random(int n, int seed, bool epos = false)
    {
        var r = new Random(seed);
        float[] x = new float[n], y = new float[n], z = new float[n], m = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(r.NextDouble() * 40 - 20);
            y[i] = (float)(r.NextDouble() * 40 - 20);
            z[i] = (float)(-r.NextDouble() * 120);
            m[i] = (float)(r.NextDouble() * 100);
        }
        EposExtras? e = null;
        if (epos)
        {
            e = new EposExtras(n);
            for (var i = 0; i < n; i++)
            {
                e.Tof[i] = (float)(r.NextDouble() * 1000);
                e.VDc[i] = (float)(r.NextDouble() * 8000);
                e.VPulse[i] = (float)(r.NextDouble() * 1000);
                e.DetX[i] = (float)(r.NextDouble() * 80 - 40);
                e.DetY[i] = (float)(r.NextDouble() * 80 - 40);
                e.PulseDelta[i] = (uint)r.Next(0, 10000);
                e.IonsPerPulse[i] = (uint)r.Next(0, 4);
            }
        }
        return new IonCloud(x, y, z, m, e);
    }

    public static void AssertSame(IonCloud expected, IonCloud actual)
    {
        Assert.Equal(expected.X, actual.X);
        Assert.Equal(expected.Y, actual.Y);
        Assert.Equal(expected.Z, actual.Z);
        Assert.Equal(expected.M, actual.M);
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
