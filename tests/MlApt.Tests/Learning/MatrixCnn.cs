using MlApt.Learning;

namespace MlApt.Tests.Learning;

/// <summary>
/// A second, independently written forward pass in matrix form, to check <see cref="ReferenceCnn"/>
/// layer by layer: the convolution as im2col (rows = output positions, columns = (w, c) taps, zero
/// rows for padding) times the kernel matrix; max-pool over a [P][pool][F] view; dense layers as
/// row-vector × matrix products; softmax by log-sum-exp.
/// </summary>
internal static class MatrixCnn
{
    public sealed record Layers(double[,] Conv, double[,] ConvRelu, double[] Flat, double[] Hidden, double[] HiddenRelu, double[] Logits, double[] Softmax);

    public static Layers Run(CnnWeights w, double[] x)
    {
        var a = w.Architecture;
        var left = a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;
        // im2col: patch[t, w·C + c] = x[c][t − left + w] (0 outside), the row a kernel column meets.
        var patches = new double[a.ConvLength, a.Width * a.Channels];
        for (var t = 0; t < a.ConvLength; t++)
            for (var tap = 0; tap < a.Width * a.Channels; tap++)
            {
                var (wi, c) = Math.DivRem(tap, a.Channels);
                var src = t - left + wi;
                patches[t, tap] = src >= 0 && src < a.Length ? x[c * a.Length + src] : 0;
            }
        var conv = AddRow(MatMul(patches, Matrix(w.ConvKernel, a.Width * a.Channels, a.Filters)), w.ConvBias);
        var relu = Map(conv, v => Math.Max(v, 0));
        var flat = Enumerable.Range(0, a.PooledLength)
            .SelectMany(p => Enumerable.Range(0, a.Filters).Select(f => Enumerable.Range(0, a.Pool).Max(j => relu[p * a.Pool + j, f])))
            .ToArray();
        var hidden = Row(AddRow(MatMul(RowMatrix(flat), Matrix(w.Dense1Kernel, a.FlatLength, a.Hidden)), w.Dense1Bias));
        var hiddenRelu = hidden.Select(v => Math.Max(v, 0)).ToArray();
        var logits = Row(AddRow(MatMul(RowMatrix(hiddenRelu), Matrix(w.Dense2Kernel, a.Hidden, a.Classes)), w.Dense2Bias));
        var max = logits.Max();
        var logSum = max + Math.Log(logits.Sum(z => Math.Exp(z - max)));
        return new Layers(conv, relu, flat, hidden, hiddenRelu, logits, logits.Select(z => Math.Exp(z - logSum)).ToArray());
    }

    private static double[,] Matrix(float[] flat, int rows, int cols)
    {
        var m = new double[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                m[r, c] = flat[r * cols + c];
        return m;
    }

    private static double[,] RowMatrix(double[] v)
    {
        var m = new double[1, v.Length];
        for (var i = 0; i < v.Length; i++) m[0, i] = v[i];
        return m;
    }

    private static double[] Row(double[,] m) => Enumerable.Range(0, m.GetLength(1)).Select(c => m[0, c]).ToArray();

    private static double[,] MatMul(double[,] x, double[,] y)
    {
        int n = x.GetLength(0), k = x.GetLength(1), m = y.GetLength(1);
        var r = new double[n, m];
        for (var i = 0; i < n; i++)
            for (var p = 0; p < k; p++)
            {
                var xv = x[i, p];
                for (var j = 0; j < m; j++)
                    r[i, j] += xv * y[p, j];
            }
        return r;
    }

    private static double[,] AddRow(double[,] m, float[] bias)
    {
        for (var i = 0; i < m.GetLength(0); i++)
            for (var j = 0; j < m.GetLength(1); j++)
                m[i, j] += bias[j];
        return m;
    }

    private static double[,] Map(double[,] m, Func<double, double> f)
    {
        var r = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
            for (var j = 0; j < m.GetLength(1); j++)
                r[i, j] = f(m[i, j]);
        return r;
    }
}
