namespace MlApt.Learning;

/// <summary>
/// 1D convolution, stride 1, valid or same padding, with bias, computed as a matrix product: the
/// input windows are unrolled (im2col) into rows of W·C values ordered (w, c), which is exactly the
/// row order of the Keras kernel [w][c][f], so output[b, t, f] = Σ cols[b·T + t, w·C + c]·K[w·C + c, f] + bias[f].
/// Tensors: input [B][C][L] (the bank's layout), output [B][T][F] (channels-last, so Flatten is a no-op).
/// </summary>
internal static class Conv1D
{
    /// <summary>Zeros added before the first bin ("same" puts the odd one at the end, as TensorFlow).</summary>
    public static int PadLeft(CnnArchitecture a) => a.Padding == Padding.Same ? (a.Width - 1) / 2 : 0;

    /// <summary>Unrolls the windows: cols[(b·T + t)·W·C + w·C + c] = x[b, c, t + w − padLeft] (0 outside).</summary>
    public static void Im2Col(ReadOnlySpan<float> x, int batch, CnnArchitecture a, Span<float> cols)
    {
        int c = a.Channels, l = a.Length, w = a.Width, t = a.ConvLength, wc = w * c, pad = PadLeft(a);
        Check(x.Length, batch * c * l, nameof(x));
        Check(cols.Length, batch * t * wc, nameof(cols));
        for (var b = 0; b < batch; b++)
        {
            var xb = x.Slice(b * c * l, c * l);
            var cb = cols.Slice(b * t * wc, t * wc);
            if (c == 1 && pad == 0)
            {
                // The common single-channel valid case: each row is a contiguous window.
                for (var i = 0; i < t; i++)
                    xb.Slice(i, w).CopyTo(cb.Slice(i * w, w));
                continue;
            }
            for (var i = 0; i < t; i++)
                for (var k = 0; k < w; k++)
                {
                    var src = i + k - pad;
                    for (var ch = 0; ch < c; ch++)
                        cb[i * wc + k * c + ch] = (uint)src < (uint)l ? xb[ch * l + src] : 0f;
                }
        }
    }

    /// <summary>output[B·T×F] = cols·kernel + bias.</summary>
    public static void Forward(ReadOnlySpan<float> cols, int batch, CnnArchitecture a, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> output)
    {
        int wc = a.Width * a.Channels, rows = batch * a.ConvLength, f = a.Filters;
        Check(kernel.Length, wc * f, nameof(kernel));
        Check(bias.Length, f, nameof(bias));
        Check(output.Length, rows * f, nameof(output));
        Gemm.Multiply(cols, wc, 1, kernel, f, output, f, rows, f, wc, bias: bias);
    }

    /// <summary>Parameter gradients: dKernel = colsᵀ·dOutput, dBias = Σ over rows of dOutput (overwritten).</summary>
    public static void BackwardParameters(ReadOnlySpan<float> cols, ReadOnlySpan<float> dOutput, int batch, CnnArchitecture a, Span<float> dKernel, Span<float> dBias)
    {
        int wc = a.Width * a.Channels, rows = batch * a.ConvLength, f = a.Filters;
        Check(dOutput.Length, rows * f, nameof(dOutput));
        Check(dKernel.Length, wc * f, nameof(dKernel));
        Check(dBias.Length, f, nameof(dBias));
        Gemm.Multiply(cols, 1, wc, dOutput, f, dKernel, f, wc, f, rows);
        ColumnSums(dOutput[..(rows * f)], f, dBias);
    }

    /// <summary>
    /// Input gradient dx[B][C][L] (overwritten): dCols = dOutput·kernelᵀ, then each window's gradient
    /// is added back to the bins it came from (col2im). <paramref name="dCols"/> is scratch of B·T·W·C.
    /// </summary>
    public static void BackwardInput(ReadOnlySpan<float> dOutput, int batch, CnnArchitecture a, ReadOnlySpan<float> kernel, Span<float> dCols, Span<float> dx)
    {
        int c = a.Channels, l = a.Length, w = a.Width, t = a.ConvLength, wc = w * c, f = a.Filters, pad = PadLeft(a);
        Check(dOutput.Length, batch * t * f, nameof(dOutput));
        Check(dCols.Length, batch * t * wc, nameof(dCols));
        Check(dx.Length, batch * c * l, nameof(dx));
        Gemm.MultiplyTransposed(dOutput, f, kernel, f, dCols, wc, batch * t, wc, f);
        dx[..(batch * c * l)].Clear();
        for (var b = 0; b < batch; b++)
            for (var i = 0; i < t; i++)
                for (var k = 0; k < w; k++)
                {
                    var src = i + k - pad;
                    if ((uint)src >= (uint)l)
                        continue;
                    for (var ch = 0; ch < c; ch++)
                        dx[b * c * l + ch * l + src] += dCols[(b * t + i) * wc + k * c + ch];
                }
    }

    /// <summary>sums[j] = Σᵢ m[i·n + j] over all complete rows of <paramref name="m"/>.</summary>
    public static void ColumnSums(ReadOnlySpan<float> m, int n, Span<float> sums)
    {
        var s = sums[..n];
        s.Clear();
        for (var i = 0; i + n <= m.Length; i += n)
            System.Numerics.Tensors.TensorPrimitives.Add(s, m.Slice(i, n), s);
    }

    internal static void Check(int actual, long needed, string name)
    {
        if (actual < needed)
            throw new ArgumentException($"span too short: {actual} < {needed}", name);
    }
}
