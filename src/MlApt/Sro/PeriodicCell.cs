using System.Globalization;

namespace MlApt.Sro;

/// <summary>
/// A periodic cell of any shape (three cell vectors): wraps positions into fractional coordinates and
/// gives minimum-image distances. Rounding fractional differences is exact for distances below half the
/// smallest perpendicular width of the cell, which is why neighbour searches must stay below it.
/// </summary>
internal sealed class PeriodicCell
{
    private readonly double[] _h;    // columns are the cell vectors: r = H s
    private readonly double[] _inv;  // s = H⁻¹ r

    public PeriodicCell(IReadOnlyList<(double X, double Y, double Z)> vectors)
    {
        if (vectors.Count != 3) throw new ArgumentException("the cell needs three vectors");
        var (a, b, c) = (vectors[0], vectors[1], vectors[2]);
        _h = [a.X, b.X, c.X, a.Y, b.Y, c.Y, a.Z, b.Z, c.Z];
        var det = _h[0] * (_h[4] * _h[8] - _h[5] * _h[7]) - _h[1] * (_h[3] * _h[8] - _h[5] * _h[6]) + _h[2] * (_h[3] * _h[7] - _h[4] * _h[6]);
        var scale = Len(a) * Len(b) * Len(c);
        if (!double.IsFinite(det) || !(Math.Abs(det) > 1e-12 * scale))
            throw new ArgumentException("the cell vectors must be finite and linearly independent");
        _inv =
        [
            (_h[4] * _h[8] - _h[5] * _h[7]) / det, (_h[2] * _h[7] - _h[1] * _h[8]) / det, (_h[1] * _h[5] - _h[2] * _h[4]) / det,
            (_h[5] * _h[6] - _h[3] * _h[8]) / det, (_h[0] * _h[8] - _h[2] * _h[6]) / det, (_h[2] * _h[3] - _h[0] * _h[5]) / det,
            (_h[3] * _h[7] - _h[4] * _h[6]) / det, (_h[1] * _h[6] - _h[0] * _h[7]) / det, (_h[0] * _h[4] - _h[1] * _h[3]) / det,
        ];
        // The width across the pair of faces spanned by the other two vectors is |det| / |their cross product|.
        Widths = [Math.Abs(det) / Len(Cross(b, c)), Math.Abs(det) / Len(Cross(c, a)), Math.Abs(det) / Len(Cross(a, b))];
    }

    /// <summary>The perpendicular widths of the cell across its three pairs of faces.</summary>
    public double[] Widths { get; }

    /// <summary>Fractional coordinates of the positions, wrapped into [0, 1).</summary>
    public (double[] U, double[] V, double[] W) Fractional(double[] x, double[] y, double[] z)
    {
        var n = x.Length;
        var (u, v, w) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            u[i] = Wrap(_inv[0] * x[i] + _inv[1] * y[i] + _inv[2] * z[i]);
            v[i] = Wrap(_inv[3] * x[i] + _inv[4] * y[i] + _inv[5] * z[i]);
            w[i] = Wrap(_inv[6] * x[i] + _inv[7] * y[i] + _inv[8] * z[i]);
        }
        return (u, v, w);
    }

    /// <summary>Squared minimum-image distance between atoms i and j of fractional coordinates (u, v, w).</summary>
    public double Distance2(double[] u, double[] v, double[] w, int i, int j)
    {
        double du = u[j] - u[i], dv = v[j] - v[i], dw = w[j] - w[i];
        du -= Math.Round(du); dv -= Math.Round(dv); dw -= Math.Round(dw);
        double dx = _h[0] * du + _h[1] * dv + _h[2] * dw;
        double dy = _h[3] * du + _h[4] * dv + _h[5] * dw;
        double dz = _h[6] * du + _h[7] * dv + _h[8] * dw;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', _h.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));

    private static double Wrap(double f)
    {
        var g = f - Math.Floor(f);
        return g >= 1 ? 0 : g;
    }

    private static (double X, double Y, double Z) Cross((double X, double Y, double Z) p, (double X, double Y, double Z) q) =>
        (p.Y * q.Z - p.Z * q.Y, p.Z * q.X - p.X * q.Z, p.X * q.Y - p.Y * q.X);

    private static double Len((double X, double Y, double Z) p) => Math.Sqrt(p.X * p.X + p.Y * p.Y + p.Z * p.Z);
}
