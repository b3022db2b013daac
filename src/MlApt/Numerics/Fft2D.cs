namespace MlApt.Numerics;

/// <summary>
/// A square two-dimensional complex FFT of a fixed power-of-two size n (radix 2, in place,
/// forward sign: F[u, v] = Σ f[i, j] e^{−2πi (u i + v j)/n}). Row-major: element (i, j) at i·n + j.
/// The twiddles and the bit-reversal table are built once per size, so one instance serves many
/// transforms; an instance is not thread-safe (it holds a column buffer): use one per thread.
/// </summary>
internal sealed class Fft2D
{
    private readonly int[] _reverse;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double[] _columnRe;
    private readonly double[] _columnIm;

    /// <summary>Prepares the transform of an <paramref name="n"/> × <paramref name="n"/> grid.</summary>
    public Fft2D(int n)
    {
        if (n < 2 || (n & (n - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "expected a power of two ≥ 2");
        Size = n;
        var bits = System.Numerics.BitOperations.Log2((uint)n);
        _reverse = new int[n];
        for (var i = 0; i < n; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
                r |= ((i >> b) & 1) << (bits - 1 - b);
            _reverse[i] = r;
        }
        _cos = new double[n / 2];
        _sin = new double[n / 2];
        for (var k = 0; k < n / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / n);
            _sin[k] = -Math.Sin(2 * Math.PI * k / n);
        }
        _columnRe = new double[n];
        _columnIm = new double[n];
    }

    /// <summary>The side n.</summary>
    public int Size { get; }

    /// <summary>Transforms the n × n grid in place (rows, then columns).</summary>
    public void Transform(Span<double> re, Span<double> im)
    {
        var n = Size;
        if (re.Length != n * n || im.Length != n * n)
            throw new ArgumentException($"expected {n}×{n} = {n * n} values, got {re.Length} and {im.Length}");
        for (var i = 0; i < n; i++)
            Transform1D(re.Slice(i * n, n), im.Slice(i * n, n));
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                _columnRe[i] = re[i * n + j];
                _columnIm[i] = im[i * n + j];
            }
            Transform1D(_columnRe, _columnIm);
            for (var i = 0; i < n; i++)
            {
                re[i * n + j] = _columnRe[i];
                im[i * n + j] = _columnIm[i];
            }
        }
    }

    /// <summary>The one-dimensional transform of n values in place.</summary>
    public void Transform1D(Span<double> re, Span<double> im)
    {
        var n = Size;
        if (re.Length != n || im.Length != n)
            throw new ArgumentException($"expected {n} values, got {re.Length} and {im.Length}");
        for (var i = 0; i < n; i++)
        {
            var r = _reverse[i];
            if (r > i)
            {
                (re[i], re[r]) = (re[r], re[i]);
                (im[i], im[r]) = (im[r], im[i]);
            }
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var half = length >> 1;
            var step = n / length;
            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = _sin[k * step];
                    int a = start + k, b = a + half;
                    double tr = wr * re[b] - wi * im[b], ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
