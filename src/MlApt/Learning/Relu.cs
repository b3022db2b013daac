using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace MlApt.Learning;

/// <summary>Rectified linear unit, elementwise.</summary>
internal static class Relu
{
    /// <summary>y = max(x, 0) (in place allowed).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y[..x.Length]);

    /// <summary>dx = dy where the layer's output y was positive, else 0 (in place allowed).</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Conv1D.Check(dy.Length, y.Length, nameof(dy));
        Conv1D.Check(dx.Length, y.Length, nameof(dx));
        var i = 0;
        for (; i + 16 <= y.Length; i += 16)
        {
            var v = Vector512.Create(y.Slice(i, 16));
            Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<float>.Zero), Vector512.Create(dy.Slice(i, 16)), Vector512<float>.Zero).CopyTo(dx.Slice(i, 16));
        }
        for (; i < y.Length; i++)
            dx[i] = y[i] > 0f ? dy[i] : 0f;
    }
}
