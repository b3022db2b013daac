using System.Numerics.Tensors;
using MlApt.Numerics;

namespace MlApt.Crystal;

public static partial class PoleAlignment
{
    /// <summary>Cell ranges of the coarse search, each summed by one worker (fixed: the result must not depend on the core count).</summary>
    private const int DeterministicParts = 8;

    private readonly record struct CoarseResult((double X, double Y, double Z) K, double Significance, PoleFigure Figure);

    /// <summary>
    /// Every wave vector of the cone at once: per cell and depth component kz, the ions' phasors e^{−2πi kz z}
    /// binned on a lateral grid of G × G bins (zero-padded to 2G for a step of half a peak width), one 2D FFT.
    /// </summary>
    private static CoarseResult CoarseSearch(CellSample cells, double spacing, PoleAlignmentOptions options)
    {
        var w = cells.CellSize;
        var kRef = 1 / spacing;
        var tilt = options.MaxTiltDegrees * Math.PI / 180;
        var kMin = kRef * (1 - options.SpacingTolerance);
        var kMax = kRef * (1 + options.SpacingTolerance);
        var lateralMax = kMax * Math.Sin(tilt);
        var bins = 16;
        while (bins < 2.2 * w * lateralMax) bins *= 2;
        var m = 2 * bins;
        var binSize = w / bins;
        var step = 1 / (m * binSize);
        var kzMin = kMin * Math.Cos(tilt);
        var kzCount = (int)Math.Floor((kMax - kzMin) / step) + 1;
        var kzValues = Enumerable.Range(0, kzCount).Select(i => kzMin + i * step).ToArray();

        // A fixed number of contiguous cell ranges, summed in order: the same bits whatever the threads do, so
        // every process of a split map (map --slab) finds the identical pole from the same reconstruction.
        var parts = Math.Min(DeterministicParts, Math.Max(1, cells.CellCount));
        var partial = new double[parts][];
        Parallel.For(0, parts, part =>
        {
            var worker = new CoarseWorker(m, kzCount);
            for (var c = (int)((long)cells.CellCount * part / parts); c < (int)((long)cells.CellCount * (part + 1) / parts); c++)
                worker.AddCell(cells, c, bins, binSize, kzValues);
            partial[part] = worker.Power;
        });
        var power = new double[kzCount * m * m];
        foreach (var p in partial)
            TensorPrimitives.Add(power, p, power);

        double n = cells.IonCount, pairs = cells.OrderedPairs;
        var figure = new double[m * m];
        Array.Fill(figure, double.NaN);
        double bestContrast = double.NegativeInfinity;
        (double, double, double) bestK = (0, 0, kRef);
        for (var u = 0; u < m; u++)
        for (var v = 0; v < m; v++)
        {
            var kx = (u < m / 2 ? u : u - m) * step;
            var ky = (v < m / 2 ? v : v - m) * step;
            var lateral = Math.Sqrt(kx * kx + ky * ky);
            var fu = (u + m / 2) % m;
            var fv = (v + m / 2) % m;
            for (var z = 0; z < kzCount; z++)
            {
                var kz = kzValues[z];
                var k = Math.Sqrt(lateral * lateral + kz * kz);
                if (k < kMin || k > kMax || Math.Atan2(lateral, kz) > tilt) continue;
                var contrast = (power[(z * m + u) * m + v] - n) / pairs;
                ref var cell = ref figure[fu * m + fv];
                if (double.IsNaN(cell) || contrast > cell) cell = contrast;
                if (contrast > bestContrast)
                {
                    bestContrast = contrast;
                    bestK = (kx, ky, kz);
                }
            }
        }
        var significance = double.IsFinite(bestContrast) ? Significance(cells, bestContrast) : 0;
        return new CoarseResult(bestK, significance, new PoleFigure(m, step, figure, kRef, options.MaxTiltDegrees));
    }

    /// <summary>
    /// The contrast in standard deviations of a random cloud's. Without planes each cell's |S|² is n times an
    /// exponential variable, so Σ|S|²/N is a gamma variable of shape N²/Σn² and mean 1 (heavy-tailed when there
    /// are few cells); the Wilson–Hilferty cube root makes it normal.
    /// </summary>
    internal static double Significance(CellSample cells, double contrast)
    {
        double n = cells.IonCount, squares = cells.OrderedPairs + n;
        var shape = n * n / squares;
        var ratio = 1 + contrast * cells.OrderedPairs / n;
        if (!(ratio > 0)) return double.NegativeInfinity;
        return (Math.Cbrt(ratio) - 1 + 1 / (9 * shape)) / Math.Sqrt(1 / (9 * shape));
    }

    private sealed class CoarseWorker(int m, int kzCount)
    {
        private readonly Fft2D _fft = new(m);
        private readonly double[] _re = new double[m * m];
        private readonly double[] _im = new double[m * m];
        private double[] _phRe = new double[256], _phIm = new double[256], _stRe = new double[256], _stIm = new double[256];
        private int[] _bin = new int[256];
        public double[] Power { get; } = new double[kzCount * m * m];

        public void AddCell(CellSample cells, int c, int bins, double binSize, double[] kzValues)
        {
            int s = cells.Start[c], n = cells.Start[c + 1] - s;
            if (_phRe.Length < n)
            {
                var size = Math.Max(n, 2 * _phRe.Length);
                _phRe = new double[size]; _phIm = new double[size]; _stRe = new double[size]; _stIm = new double[size]; _bin = new int[size];
            }
            var step = kzValues.Length > 1 ? kzValues[1] - kzValues[0] : 0;
            for (var t = 0; t < n; t++)
            {
                var ix = Math.Clamp((int)(cells.X[s + t] / binSize), 0, bins - 1);
                var iy = Math.Clamp((int)(cells.Y[s + t] / binSize), 0, bins - 1);
                _bin[t] = ix * m + iy;
                double z = cells.Z[s + t];
                (_phIm[t], _phRe[t]) = Math.SinCos(-2 * Math.PI * kzValues[0] * z);
                (_stIm[t], _stRe[t]) = Math.SinCos(-2 * Math.PI * step * z);
            }
            for (var k = 0; k < kzValues.Length; k++)
            {
                Array.Clear(_re);
                Array.Clear(_im);
                for (var t = 0; t < n; t++)
                {
                    _re[_bin[t]] += _phRe[t];
                    _im[_bin[t]] += _phIm[t];
                    // Next depth component: multiply by e^{−2πi Δkz z}.
                    double r = _phRe[t] * _stRe[t] - _phIm[t] * _stIm[t], i = _phRe[t] * _stIm[t] + _phIm[t] * _stRe[t];
                    _phRe[t] = r; _phIm[t] = i;
                }
                _fft.Transform(_re, _im);
                var p = Power.AsSpan(k * m * m, m * m);
                for (var q = 0; q < p.Length; q++) p[q] += _re[q] * _re[q] + _im[q] * _im[q];
            }
        }
    }

    /// <summary>
    /// Exact plane contrast at k = (kx, ky, kz) (cycles/nm): Σ_cells (|Σ e^{2πi k·p}|² − n) / Σ n(n − 1).
    /// </summary>
    internal static double Contrast(CellSample cells, double kx, double ky, double kz)
    {
        var buffers = new ContrastBuffers(cells.IonCount);
        return buffers.Contrast(cells, kx, ky, kz);
    }

    private sealed class ContrastBuffers(int n)
    {
        private readonly float[] _phase = new float[n];
        private readonly float[] _sin = new float[n];
        private readonly float[] _cos = new float[n];

        public double Contrast(CellSample cells, double kx, double ky, double kz)
        {
            var count = cells.IonCount;
            Span<float> phase = _phase.AsSpan(0, count), sin = _sin.AsSpan(0, count), cos = _cos.AsSpan(0, count);
            // SinCosPi takes half-cycles: 2 k·p.
            TensorPrimitives.Multiply(cells.X.AsSpan(0, count), (float)(2 * kx), phase);
            TensorPrimitives.MultiplyAdd(cells.Y.AsSpan(0, count), (float)(2 * ky), phase, phase);
            TensorPrimitives.MultiplyAdd(cells.Z.AsSpan(0, count), (float)(2 * kz), phase, phase);
            TensorPrimitives.SinCosPi(phase, sin, cos);
            double sum = 0;
            for (var c = 0; c < cells.CellCount; c++)
            {
                int s = cells.Start[c], len = cells.Start[c + 1] - s;
                double re = TensorPrimitives.Sum<float>(cos.Slice(s, len)), im = TensorPrimitives.Sum<float>(sin.Slice(s, len));
                sum += re * re + im * im;
            }
            return (sum - count) / cells.OrderedPairs;
        }
    }

    /// <summary>
    /// Rounds of a 5 × 5 lateral grid at fixed kz then 5 depth steps, each followed by a parabola through the
    /// best point and its neighbours on each axis, the step halving from <paramref name="firstStep"/> down to
    /// <paramref name="lastStep"/> (cycles/nm).
    /// </summary>
    private static (double X, double Y, double Z) Refine(CellSample cells, (double X, double Y, double Z) k, double firstStep, double lastStep)
    {
        var step = firstStep;
        var (kx, ky, kz) = k;
        for (; step >= lastStep * 0.999; step /= 2)
        {
            var lateral = new (double X, double Y, double Z)[25];
            for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
                lateral[i * 5 + j] = (kx + (i - 2) * step, ky + (j - 2) * step, kz);
            var scores = Evaluate(cells, lateral);
            var best = Array.IndexOf(scores, scores.Max());
            int bi = best / 5, bj = best % 5;
            kx = lateral[best].X + step * Vertex(bi is > 0 and < 4 ? scores[best - 5] : double.NaN, scores[best], bi is > 0 and < 4 ? scores[best + 5] : double.NaN);
            ky = lateral[best].Y + step * Vertex(bj is > 0 and < 4 ? scores[best - 1] : double.NaN, scores[best], bj is > 0 and < 4 ? scores[best + 1] : double.NaN);
            var depth = Enumerable.Range(0, 5).Select(i => (kx, ky, kz + (i - 2) * step)).ToArray();
            var zs = Evaluate(cells, depth);
            var bz = Array.IndexOf(zs, zs.Max());
            kz = depth[bz].Item3 + step * Vertex(bz is > 0 and < 4 ? zs[bz - 1] : double.NaN, zs[bz], bz is > 0 and < 4 ? zs[bz + 1] : double.NaN);
        }
        return (kx, ky, kz);
    }

    /// <summary>The |k| (cycles/nm) of the largest contrast along <paramref name="direction"/> from 0.7 to 1.3 × <paramref name="kRef"/>.</summary>
    private static double StrongestSpacing(CellSample cells, (double X, double Y, double Z) direction, double kRef)
    {
        var step = 1 / (2 * cells.CellSize);
        var count = (int)(0.6 * kRef / step) + 1;
        var ks = Enumerable.Range(0, count).Select(i => 0.7 * kRef + i * step).ToArray();
        var scores = Evaluate(cells, ks.Select(k => (k * direction.X, k * direction.Y, k * direction.Z)).ToArray());
        return ks[Array.IndexOf(scores, scores.Max())];
    }

    /// <summary>Offset (in steps, within ±½) of the vertex of the parabola through (−1, a), (0, b), (1, c); 0 at an edge.</summary>
    private static double Vertex(double a, double b, double c)
    {
        var curvature = a - 2 * b + c;
        if (!double.IsFinite(curvature) || curvature >= 0) return 0;
        return Math.Clamp(0.5 * (a - c) / curvature, -0.5, 0.5);
    }

    private static double[] Evaluate(CellSample cells, (double X, double Y, double Z)[] ks)
    {
        var scores = new double[ks.Length];
        Parallel.For(0, ks.Length, () => new ContrastBuffers(cells.IonCount), (i, _, buffers) =>
        {
            scores[i] = buffers.Contrast(cells, ks[i].X, ks[i].Y, ks[i].Z);
            return buffers;
        }, _ => { });
        return scores;
    }
}
