using System.Runtime.Intrinsics;

namespace MlApt.Learning;

/// <summary>
/// Adam with Keras's defaults and update: with t the step count,
/// α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); m += (g − m)(1 − β1); v += (g² − v)(1 − β2); θ −= α·m/(√v + ε)
/// (ε is added outside the bias correction, as Keras does).
/// </summary>
internal sealed class Adam
{
    private readonly CnnWeights _m;
    private readonly CnnWeights _v;
    private long _t;

    /// <summary>Zero moments for parameters of <paramref name="architecture"/>.</summary>
    public Adam(CnnArchitecture architecture, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
    {
        _m = new CnnWeights(architecture);
        _v = new CnnWeights(architecture);
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    public double LearningRate { get; }
    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }

    /// <summary>Steps taken so far.</summary>
    public long Steps => _t;

    /// <summary>One update of <paramref name="parameters"/> with <paramref name="gradients"/>.</summary>
    public void Step(CnnWeights parameters, CnnWeights gradients)
    {
        _t++;
        var alpha = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, _t)) / (1 - Math.Pow(Beta1, _t)));
        using var p = parameters.Tensors().GetEnumerator();
        using var g = gradients.Tensors().GetEnumerator();
        using var m = _m.Tensors().GetEnumerator();
        using var v = _v.Tensors().GetEnumerator();
        while (p.MoveNext() && g.MoveNext() && m.MoveNext() && v.MoveNext())
            Update(p.Current.Data, g.Current.Data, m.Current.Data, v.Current.Data, alpha, (float)(1 - Beta1), (float)(1 - Beta2), (float)Epsilon);
    }

    private static void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float alpha, float oneMinusB1, float oneMinusB2, float eps)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(alpha);
            var vb1 = Vector512.Create(oneMinusB1);
            var vb2 = Vector512.Create(oneMinusB2);
            var ve = Vector512.Create(eps);
            for (; i + 16 <= p.Length; i += 16)
            {
                var gi = Vector512.Create(g.Slice(i, 16));
                var mi = Vector512.Create(m.Slice(i, 16));
                var vi = Vector512.Create(v.Slice(i, 16));
                mi += (gi - mi) * vb1;
                vi += (gi * gi - vi) * vb2;
                mi.CopyTo(m.Slice(i, 16));
                vi.CopyTo(v.Slice(i, 16));
                (Vector512.Create(p.Slice(i, 16)) - mi * va / (Vector512.Sqrt(vi) + ve)).CopyTo(p.Slice(i, 16));
            }
        }
        for (; i < p.Length; i++)
        {
            m[i] += (g[i] - m[i]) * oneMinusB1;
            v[i] += (g[i] * g[i] - v[i]) * oneMinusB2;
            p[i] -= m[i] * alpha / (MathF.Sqrt(v[i]) + eps);
        }
    }
}
