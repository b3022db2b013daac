using MlApt.Learning;

namespace MlApt.Tests.Learning;

/// <summary>
/// A straightforward double-precision forward pass written from METHOD §6 (loops, no blocking), the
/// yardstick for the optimised float32 engine, plus small helpers for the tests.
/// </summary>
internal static class Reference
{
    public static double[] Forward(CnnArchitecture a, CnnWeights w, ReadOnlySpan<float> x)
    {
        int c = a.Channels, l = a.Length, f = a.Filters, t = a.ConvLength, pad = a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;
        var conv = new double[t * f];
        for (var i = 0; i < t; i++)
            for (var j = 0; j < f; j++)
            {
                double s = w.ConvBias[j];
                for (var k = 0; k < a.Width; k++)
                    for (var ch = 0; ch < c; ch++)
                    {
                        var src = i + k - pad;
                        if (src >= 0 && src < l)
                            s += (double)x[ch * l + src] * w.ConvKernel[(k * c + ch) * f + j];
                    }
                conv[i * f + j] = Math.Max(s, 0);
            }
        var flat = new double[a.FlatLength];
        for (var i = 0; i < a.PooledLength; i++)
            for (var j = 0; j < f; j++)
            {
                var m = double.NegativeInfinity;
                for (var p = 0; p < a.Pool; p++)
                    m = Math.Max(m, conv[(i * a.Pool + p) * f + j]);
                flat[i * f + j] = m;
            }
        var h = new double[a.Hidden];
        for (var o = 0; o < a.Hidden; o++)
        {
            double s = w.Dense1Bias[o];
            for (var i = 0; i < flat.Length; i++)
                s += flat[i] * w.Dense1Kernel[i * a.Hidden + o];
            h[o] = Math.Max(s, 0);
        }
        var z = new double[a.Classes];
        for (var o = 0; o < a.Classes; o++)
        {
            double s = w.Dense2Bias[o];
            for (var i = 0; i < a.Hidden; i++)
                s += h[i] * w.Dense2Kernel[i * a.Classes + o];
            z[o] = s;
        }
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    public static CnnWeights RandomWeights(CnnArchitecture a, int seed, float scale = 0.2f)
    {
        var r = new Random(seed);
        var w = new CnnWeights(a);
        foreach (var (_, data, _) in w.Tensors())
            for (var i = 0; i < data.Length; i++)
                data[i] = (float)(r.NextDouble() * 2 - 1) * scale;
        return w;
    }

    public static float[] RandomFloats(int n, int seed, float lo = -1, float hi = 1)
    {
        var r = new Random(seed);
        var v = new float[n];
        for (var i = 0; i < n; i++)
            v[i] = (float)(lo + (hi - lo) * r.NextDouble());
        return v;
    }

    /// <summary>Two classes of noisy periodic curves (period 16 vs 8 bins), min–max normalised, over <paramref name="channels"/> channels.</summary>
    public static TrainingBank PeriodicBank(int n, int seed, int channels = 1, int classes = 2)
    {
        var r = new Random(seed);
        var x = new float[n * channels * 93];
        var y = new int[n];
        for (var s = 0; s < n; s++)
        {
            var c = s % classes;
            y[s] = c;
            for (var ch = 0; ch < channels; ch++)
            {
                // Class c has period 16/2^c on channel 0; other channels carry the same structure at another phase.
                var period = 16.0 / (1 << c);
                var phase = r.NextDouble() * 2 + ch;
                var row = x.AsSpan((s * channels + ch) * 93, 93);
                for (var l = 0; l < 93; l++)
                    row[l] = (float)(1 + Math.Cos(2 * Math.PI * (l - 46 + phase) / period) + 0.6 * (r.NextDouble() * 2 - 1));
                float min = row[0], max = row[0];
                foreach (var v in row) { min = Math.Min(min, v); max = Math.Max(max, v); }
                for (var l = 0; l < 93; l++)
                    row[l] = (row[l] - min) / (max - min);
            }
        }
        var names = new[] { "FCC", "CSRO", "D03" }[..classes];
        var pairs = new[] { "Fe-Fe", "Al-Al", "Fe-Al" }[..channels];
        return new TrainingBank(x, y, channels, 93, names, pairs, new Dictionary<string, string> { ["preset"] = "synthetic" });
    }
}
