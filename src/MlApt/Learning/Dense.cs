namespace MlApt.Learning;

/// <summary>
/// Fully connected layer on row-major batches: y[B×out] = x[B×in]·W[in×out] + b (Keras kernel layout).
/// Flatten needs no layer of its own: the convolution's output is already stored [B][T][F], whose
/// rows are the Keras channels-last flattening (index t·F + f).
/// </summary>
internal static class Dense
{
    /// <summary>y = x·W + b.</summary>
    public static void Forward(ReadOnlySpan<float> x, int batch, int inputs, int outputs, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y)
    {
        Conv1D.Check(kernel.Length, (long)inputs * outputs, nameof(kernel));
        Conv1D.Check(bias.Length, outputs, nameof(bias));
        Gemm.Multiply(x, inputs, 1, kernel, outputs, y, outputs, batch, outputs, inputs, bias: bias);
    }

    /// <summary>dW = xᵀ·dy and db = Σ_b dy (overwritten); dx = dy·Wᵀ unless <paramref name="dx"/> is empty.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, int batch, int inputs, int outputs, ReadOnlySpan<float> kernel,
        Span<float> dKernel, Span<float> dBias, Span<float> dx)
    {
        Conv1D.Check(dKernel.Length, (long)inputs * outputs, nameof(dKernel));
        Gemm.Multiply(x, 1, inputs, dy, outputs, dKernel, outputs, inputs, outputs, batch);
        Conv1D.ColumnSums(dy[..(batch * outputs)], outputs, dBias);
        if (!dx.IsEmpty)
            Gemm.MultiplyTransposed(dy, outputs, kernel, outputs, dx, inputs, batch, inputs, outputs);
    }
}
