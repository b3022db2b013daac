using System.Runtime.Intrinsics;

namespace MlApt.Sdm;

/// <summary>
/// Savitzky–Golay smoothing with scipy's <c>mode="interp"</c> edges. The whole filter is the
/// window × window least-squares projection matrix P onto polynomials of degree ≤ order: row
/// window/2 holds the interior convolution coefficients; rows 0 … window/2−1 evaluate the polynomial
/// fitted to the first window points at those points (left edge) and the last rows do the same at
/// the right edge. P is computed from an orthonormal basis (modified Gram–Schmidt, applied twice) of
/// the Vandermonde columns at x = (−h … h)/h, which is stable even for window 15, order 8.
/// <para>
/// The method's filter (15, 8) reproduces scipy's arithmetic instead (<c>savgol_filter(y, 15, 8, mode="interp")</c>,
/// see docs/exactness.md): the interior is scipy.ndimage's <c>convolve1d</c> with scipy's own coefficient doubles
/// (<see cref="ScipyCoefficients15x8"/>) in the order its C loop sums them, bit for bit; each edge is numpy's
/// <c>polyfit</c> then <c>polyval</c> (Horner) at the edge positions, with polyfit's least-squares map as scipy
/// computes it (<see cref="ScipyEdgeFit15x8"/>). numpy solves each edge fit with LAPACK's SVD, whose rounding
/// cannot be reproduced, so the edges agree to about 1e-11 rather than exactly.
/// </para>
/// </summary>
internal sealed partial class SavitzkyGolay
{
    private readonly double[] _p; // window × window, row-major
    private readonly bool _scipy; // (15, 8): scipy's arithmetic

    /// <summary>Builds the filter; <paramref name="window"/> must be odd and greater than <paramref name="order"/>.</summary>
    public SavitzkyGolay(int window, int order)
    {
        if (window < 1 || window % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(window), window, "must be odd and positive");
        if (order < 0 || order >= window)
            throw new ArgumentOutOfRangeException(nameof(order), order, "must be in [0, window)");
        Window = window;
        Order = order;
        _p = Projection(window, order);
        _scipy = window == 15 && order == 8;
    }

    /// <summary>The reference filter of the method: window 15, order 8.</summary>
    public static SavitzkyGolay Reference { get; } = new(15, 8);

    /// <summary>Window length (odd).</summary>
    public int Window { get; }
    /// <summary>Polynomial order.</summary>
    public int Order { get; }
    /// <summary>Half window, window / 2.</summary>
    public int Half => Window / 2;

    /// <summary>Entry (row, column) of the projection matrix.</summary>
    public double this[int row, int column] => _p[row * Window + column];

    /// <summary>
    /// The interior convolution coefficients, as weights of y[i − h + k] (k = 0 … window − 1): row <see cref="Half"/>
    /// of the projection, or for (15, 8) scipy's own doubles in that order.
    /// </summary>
    public double[] Coefficients() => _scipy ? Enumerable.Reverse(ScipyCoefficients15x8).ToArray() : _p.AsSpan(Half * Window, Window).ToArray();

    /// <summary>The projection matrix as a new array.</summary>
    public double[,] Matrix()
    {
        var m = new double[Window, Window];
        for (var r = 0; r < Window; r++)
            for (var c = 0; c < Window; c++) m[r, c] = _p[r * Window + c];
        return m;
    }

    /// <summary>
    /// Smooths <paramref name="y"/> into <paramref name="destination"/> (same length, at least one window,
    /// not overlapping). Every output is Σₖ P[row, k]·y[start + k] summed from 0.0 for k = 0 … window−1
    /// in order (no FMA). Several outputs are computed side by side (SIMD lanes, interleaved rows), each
    /// with exactly that sequence of operations, so results never depend on the hardware.
    /// </summary>
    public void Apply(ReadOnlySpan<double> y, Span<double> destination)
    {
        var n = y.Length;
        if (destination.Length != n)
            throw new ArgumentException("destination must have the length of the input", nameof(destination));
        if (n < Window)
            throw new ArgumentException($"needs at least {Window} points, has {n}", nameof(y));
        if (y.Overlaps(destination))
            throw new ArgumentException("input and destination must not overlap", nameof(destination));
        int w = Window, h = Half;
        if (_scipy)
        {
            ScipyEdge(y[..w], 0, destination[..h]);
            ScipyInterior(y, destination, h, n - h);
            ScipyEdge(y[(n - w)..], w - h, destination[(n - h)..]);
            return;
        }
        var p = _p.AsSpan();
        Edge(p, 0, y[..w], destination[..h]);
        Interior(p.Slice(h * w, w), y, destination, h, n - h);
        Edge(p, w - h, y[(n - w)..], destination[(n - h)..]);
    }

    /// <summary>
    /// numpy.polyfit(arange(15), window, 8) as the linear map it is (coefficient r = Σₖ F[r, k]·window[k], k
    /// ascending from 0.0), then numpy.polyval at x = firstX, firstX + 1, …: Horner from the highest power.
    /// </summary>
    private static void ScipyEdge(ReadOnlySpan<double> window, int firstX, Span<double> destination)
    {
        const int w = 15, m = 9;
        Span<double> c = stackalloc double[m];
        var f = ScipyEdgeFit15x8;
        for (var r = 0; r < m; r++)
        {
            var acc = 0.0;
            for (var k = 0; k < w; k++)
                acc += f[r * w + k] * window[k];
            c[r] = acc;
        }
        for (var t = 0; t < destination.Length; t++)
        {
            double x = firstX + t, v = 0.0;
            for (var r = 0; r < m; r++)
                v = v * x + c[r];
            destination[t] = v;
        }
    }

    /// <summary>
    /// scipy.ndimage.convolve1d(y, c) in its C loop's order: convolve1d reverses the weights and correlates; the
    /// reversed (15, 8) weights are not symmetric within DBL_EPSILON, so correlate1d's general branch runs, which
    /// starts from the last term, y[i + 7]·c[0], then adds y[i − 7 + k]·c[14 − k] for k = 0 … 13. Four outputs per
    /// vector, each with exactly that sequence of operations (no FMA).
    /// </summary>
    private static unsafe void ScipyInterior(ReadOnlySpan<double> y, Span<double> destination, int start, int end)
    {
        var c = ScipyCoefficients15x8;
        const int h = 7;
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            fixed (double* pc = c, py = y, pd = destination)
            {
                for (; i + Vector256<double>.Count <= end; i += Vector256<double>.Count)
                {
                    var src = py + i - h;
                    var acc = Vector256.Load(src + 2 * h) * Vector256.Create(pc[0]);
                    for (var k = 0; k < 2 * h; k++)
                        acc += Vector256.Load(src + k) * Vector256.Create(pc[2 * h - k]);
                    acc.Store(pd + i);
                }
            }
        }
        for (; i < end; i++)
            destination[i] = ScipyInteriorAt(y, c, i);
    }

    private static double ScipyInteriorAt(ReadOnlySpan<double> y, double[] c, int i)
    {
        const int h = 7;
        var acc = y[i + h] * c[0];
        for (var k = 0; k < 2 * h; k++)
            acc += y[i - h + k] * c[2 * h - k];
        return acc;
    }

    /// <summary>Edge rows first..first+count−1 applied to one window; k outer so the rows' sums run interleaved.</summary>
    private void Edge(ReadOnlySpan<double> p, int firstRow, ReadOnlySpan<double> window, Span<double> destination)
    {
        var w = Window;
        destination.Clear(); // each sum starts from 0.0
        for (var k = 0; k < w; k++)
        {
            var yk = window[k];
            for (var r = 0; r < destination.Length; r++)
                destination[r] += p[(firstRow + r) * w + k] * yk;
        }
    }

    /// <summary>Interior outputs [start, end) with the centre row c, four outputs per vector.</summary>
    private static unsafe void Interior(ReadOnlySpan<double> c, ReadOnlySpan<double> y, Span<double> destination, int start, int end)
    {
        var w = c.Length;
        var h = w / 2;
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            fixed (double* pc = c, py = y, pd = destination)
            {
                for (; i + Vector256<double>.Count <= end; i += Vector256<double>.Count)
                {
                    var acc = Vector256<double>.Zero;
                    var src = py + i - h;
                    for (var k = 0; k < w; k++)
                        acc += Vector256.Create(pc[k]) * Vector256.Load(src + k);
                    acc.Store(pd + i);
                }
            }
        }
        for (; i < end; i++)
        {
            var acc = 0.0;
            var src = y.Slice(i - h, w);
            for (var k = 0; k < w; k++) acc += c[k] * src[k];
            destination[i] = acc;
        }
    }

    /// <summary>
    /// The plainest form of the filter, one output at a time (Σₖ from 0.0, k ascending): the definition
    /// <see cref="Apply"/> must match bit for bit.
    /// </summary>
    internal void ApplyNaive(ReadOnlySpan<double> y, Span<double> destination)
    {
        int n = y.Length, w = Window, h = Half;
        if (_scipy)
        {
            // One output at a time: the edges as polyfit + polyval, the interior as convolve1d's loop.
            Span<double> edge = stackalloc double[h];
            ScipyEdge(y[..w], 0, edge);
            edge.CopyTo(destination);
            for (var i = h; i < n - h; i++)
                destination[i] = ScipyInteriorAt(y, ScipyCoefficients15x8, i);
            ScipyEdge(y[(n - w)..], w - h, edge);
            edge.CopyTo(destination[(n - h)..]);
            return;
        }
        for (var i = 0; i < n; i++)
        {
            int row, start;
            if (i < h) { row = i; start = 0; }
            else if (i >= n - h) { row = i - (n - w); start = n - w; }
            else { row = h; start = i - h; }
            var acc = 0.0;
            for (var k = 0; k < w; k++) acc += _p[row * w + k] * y[start + k];
            destination[i] = acc;
        }
    }

    private static double[] Projection(int window, int order)
    {
        int h = window / 2, m = order + 1;
        // Columns of the Vandermonde matrix at x = (j − h) / h (scaled to [−1, 1] for conditioning).
        var q = new double[m][];
        for (var c = 0; c < m; c++)
        {
            q[c] = new double[window];
            for (var j = 0; j < window; j++)
                q[c][j] = h == 0 ? 1.0 : Math.Pow((j - h) / (double)h, c);
        }
        for (var c = 0; c < m; c++)
        {
            for (var pass = 0; pass < 2; pass++) // re-orthogonalise: "twice is enough"
            {
                for (var d = 0; d < c; d++)
                {
                    var dot = 0.0;
                    for (var j = 0; j < window; j++) dot += q[d][j] * q[c][j];
                    for (var j = 0; j < window; j++) q[c][j] -= dot * q[d][j];
                }
            }
            var norm = 0.0;
            for (var j = 0; j < window; j++) norm += q[c][j] * q[c][j];
            norm = Math.Sqrt(norm);
            for (var j = 0; j < window; j++) q[c][j] /= norm;
        }
        var p = new double[window * window];
        for (var r = 0; r < window; r++)
            for (var col = 0; col < window; col++)
            {
                var s = 0.0;
                for (var c = 0; c < m; c++) s += q[c][r] * q[c][col];
                p[r * window + col] = s;
            }
        return p;
    }
}
