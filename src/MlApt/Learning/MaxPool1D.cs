using System.Runtime.Intrinsics;

namespace MlApt.Learning;

/// <summary>
/// Max pooling along time, size = stride = P, channels-last tensors [B][T][F] → [B][T/P][F] (floor, as
/// Keras: a trailing partial window is dropped). The backward pass finds each window's winner again
/// by comparing with the pooled maximum (the first on ties), which vectorises where an argmax would
/// need a data-dependent branch per element.
/// </summary>
internal static class MaxPool1D
{
    /// <summary>y[b, i, f] = max over p &lt; P of x[b, i·P + p, f].</summary>
    public static void Forward(ReadOnlySpan<float> x, int batch, int length, int filters, int pool, Span<float> y)
    {
        var outLen = length / pool;
        Conv1D.Check(x.Length, batch * length * filters, nameof(x));
        Conv1D.Check(y.Length, batch * outLen * filters, nameof(y));
        for (var b = 0; b < batch; b++)
            for (var i = 0; i < outLen; i++)
            {
                var win = x.Slice((b * length + i * pool) * filters, pool * filters);
                var o = y.Slice((b * outLen + i) * filters, filters);
                var f = 0;
                for (; f + 16 <= filters; f += 16)
                {
                    var m = Vector512.Create(win.Slice(f, 16));
                    for (var p = 1; p < pool; p++)
                        m = Vector512.Max(m, Vector512.Create(win.Slice(p * filters + f, 16)));
                    m.CopyTo(o.Slice(f, 16));
                }
                for (; f < filters; f++)
                {
                    var m = win[f];
                    for (var p = 1; p < pool; p++)
                        m = MathF.Max(m, win[p * filters + f]);
                    o[f] = m;
                }
            }
    }

    /// <summary>dx ([B][T][F], overwritten) gets dy at each window's first maximal input and 0 elsewhere.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, int batch, int length, int filters, int pool, Span<float> dx)
    {
        var outLen = length / pool;
        Conv1D.Check(x.Length, batch * length * filters, nameof(x));
        Conv1D.Check(y.Length, batch * outLen * filters, nameof(y));
        Conv1D.Check(dy.Length, batch * outLen * filters, nameof(dy));
        Conv1D.Check(dx.Length, batch * length * filters, nameof(dx));
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < outLen; i++)
            {
                var at = (b * length + i * pool) * filters;
                var win = x.Slice(at, pool * filters);
                var dwin = dx.Slice(at, pool * filters);
                var o = (b * outLen + i) * filters;
                var f = 0;
                for (; f + 16 <= filters; f += 16)
                {
                    var m = Vector512.Create(y.Slice(o + f, 16));
                    var g = Vector512.Create(dy.Slice(o + f, 16));
                    var taken = Vector512<float>.Zero;
                    for (var p = 0; p < pool; p++)
                    {
                        var hit = Vector512.AndNot(Vector512.Equals(Vector512.Create(win.Slice(p * filters + f, 16)), m), taken);
                        (g & hit).CopyTo(dwin.Slice(p * filters + f, 16));
                        taken |= hit;
                    }
                }
                for (; f < filters; f++)
                {
                    var done = false;
                    for (var p = 0; p < pool; p++)
                    {
                        var hit = !done && win[p * filters + f] == y[o + f];
                        dwin[p * filters + f] = hit ? dy[o + f] : 0f;
                        done |= hit;
                    }
                }
            }
            // Bins past the last whole window get no gradient.
            dx.Slice((b * length + outLen * pool) * filters, (length - outLen * pool) * filters).Clear();
        }
    }
}
