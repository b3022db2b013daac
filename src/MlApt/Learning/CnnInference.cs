using System.Runtime.Intrinsics;
using MlApt.Numerics;

namespace MlApt.Learning;

/// <summary>
/// Fast batched float32 inference of an ensemble: the mean of the members' softmax outputs and their
/// (population) standard deviation, per input. Inputs are processed in chunks of
/// <see cref="ChunkSize"/> samples spread over threads; each thread allocates its buffers once per call,
/// nothing per sample. An input with any NaN value (an undefined z-SDM) gives NaN outputs.
/// </summary>
public sealed class CnnInference
{
    /// <summary>Samples per work item: 32 keeps the chunk's activations (86 kB) and the dense kernel in L2.</summary>
    public const int ChunkSize = 32;

    private readonly CnnEnsemble _ensemble;

    /// <summary>Prepares inference of <paramref name="ensemble"/> on up to <paramref name="threads"/> threads (0: <see cref="Parallelism.Threads"/>).</summary>
    public CnnInference(CnnEnsemble ensemble, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ensemble.Architecture.Validate();
        _ensemble = ensemble;
        Threads = threads == 0 ? Parallelism.Threads : threads;
    }

    /// <summary>Worker threads used.</summary>
    public int Threads { get; }

    /// <summary>Floating-point operations per sample and member (multiply-adds count 2).</summary>
    public static long FlopsPerSample(CnnArchitecture a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return 2L * a.ConvLength * a.Filters * a.Width * a.Channels + 2L * a.FlatLength * a.Hidden + 2L * a.Hidden * a.Classes;
    }

    /// <summary>One-shot convenience: <c>new CnnInference(ensemble).Predict(...)</c>.</summary>
    public static void Predict(CnnEnsemble ensemble, ReadOnlySpan<float> inputs, Span<float> meanProbabilities, Span<float> std) =>
        new CnnInference(ensemble).Predict(inputs, meanProbabilities, std);

    /// <summary>
    /// The fast float32 engine on double inputs (<paramref name="count"/> samples), widened to the reference's result
    /// type so that the two are interchangeable (they agree to about 1e-6).
    /// </summary>
    public static EnsemblePrediction PredictEnsemble(CnnEnsemble ensemble, double[] inputs, int count)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(inputs);
        var k = ensemble.Architecture.Classes;
        var mean = new float[count * k];
        var std = new float[count * k];
        Predict(ensemble, Array.ConvertAll(inputs, v => (float)v), mean, std);
        return new EnsemblePrediction(count, k, Array.ConvertAll(mean, v => (double)v), Array.ConvertAll(std, v => (double)v));
    }

    /// <summary>
    /// inputs: N·C·L values ([N][C][L]); meanProbabilities: N·K; std: N·K or empty (not computed).
    /// </summary>
    public unsafe void Predict(ReadOnlySpan<float> inputs, Span<float> meanProbabilities, Span<float> std)
    {
        var a = _ensemble.Architecture;
        var per = a.Channels * a.Length;
        if (inputs.Length % per != 0)
            throw new ArgumentException($"{inputs.Length} input values are not a whole number of {a.Channels}×{a.Length} samples", nameof(inputs));
        var n = inputs.Length / per;
        if (meanProbabilities.Length != n * a.Classes)
            throw new ArgumentException($"need {n * a.Classes} outputs for {n} samples × {a.Classes} classes", nameof(meanProbabilities));
        if (!std.IsEmpty && std.Length != n * a.Classes)
            throw new ArgumentException($"std must be empty or hold {n * a.Classes} values", nameof(std));
        if (n == 0)
            return;
        var chunks = (n + ChunkSize - 1) / ChunkSize;
        var workers = Math.Min(Threads, chunks);
        fixed (float* px = inputs, pm = meanProbabilities, ps = std)
        {
            var job = new Job(_ensemble, (nint)px, (nint)pm, std.IsEmpty ? 0 : (nint)ps, n, chunks);
            if (workers <= 1)
                job.Work();
            else
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => job.Work());
        }
    }

    /// <summary>Softmax outputs of one member (no dropout) for N samples: probabilities N·K.</summary>
    public unsafe void PredictMember(int member, ReadOnlySpan<float> inputs, Span<float> probabilities)
    {
        var single = new CnnEnsemble(_ensemble.Architecture, [_ensemble.Members[member]], _ensemble.ClassNames, _ensemble.Pairs);
        new CnnInference(single, Threads).Predict(inputs, probabilities, default);
    }

    /// <summary>Shared state of one call; workers take chunks from a counter.</summary>
    private sealed unsafe class Job(CnnEnsemble ensemble, nint inputs, nint mean, nint std, int n, int chunks)
    {
        private int _next = -1;

        public void Work()
        {
            var a = ensemble.Architecture;
            var ws = new Workspace(a);
            int per = a.Channels * a.Length, k = a.Classes;
            for (var chunk = Interlocked.Increment(ref _next); chunk < chunks; chunk = Interlocked.Increment(ref _next))
            {
                var start = chunk * ChunkSize;
                var count = Math.Min(ChunkSize, n - start);
                var x = new ReadOnlySpan<float>((float*)inputs + (nint)start * per, count * per);
                var m = new Span<float>((float*)mean + (nint)start * k, count * k);
                var s = std == 0 ? default : new Span<float>((float*)std + (nint)start * k, count * k);
                RunChunk(ensemble, x, count, m, s, ws);
            }
        }
    }

    private sealed class Workspace(CnnArchitecture a)
    {
        public readonly float[] Cols = new float[ChunkSize * a.ConvLength * a.Width * a.Channels];
        public readonly float[] Conv = new float[ChunkSize * a.ConvLength * a.Filters];
        public readonly float[] Flat = new float[ChunkSize * a.FlatLength];
        public readonly float[] Hidden = new float[ChunkSize * a.Hidden];
        public readonly float[] Logits = new float[ChunkSize * a.Classes];
        public readonly float[] Mean = new float[ChunkSize * a.Classes];
        public readonly float[] M2 = new float[ChunkSize * a.Classes];
    }

    private static void RunChunk(CnnEnsemble e, ReadOnlySpan<float> x, int count, Span<float> mean, Span<float> std, Workspace ws)
    {
        var a = e.Architecture;
        var k = a.Classes;
        var outs = count * k;
        ws.Mean.AsSpan(0, outs).Clear();
        ws.M2.AsSpan(0, outs).Clear();
        var members = 0;
        Conv1D.Im2Col(x, count, a, ws.Cols);
        Span<float> p = stackalloc float[k];
        foreach (var w in e.Members)
        {
            members++;
            Conv1D.Forward(ws.Cols, count, a, w.ConvKernel, w.ConvBias, ws.Conv);
            ReluPool(ws.Conv, count, a, ws.Flat);
            Dense.Forward(ws.Flat, count, a.FlatLength, a.Hidden, w.Dense1Kernel, w.Dense1Bias, ws.Hidden);
            Relu.Forward(ws.Hidden.AsSpan(0, count * a.Hidden), ws.Hidden);
            Dense.Forward(ws.Hidden, count, a.Hidden, k, w.Dense2Kernel, w.Dense2Bias, ws.Logits);
            for (var b = 0; b < count; b++)
            {
                SoftmaxCrossEntropy.Row(ws.Logits.AsSpan(b * k, k), p);
                // Welford's update: E[p²] − E[p]² would cancel catastrophically in float when the
                // members agree (p ≈ 1, spread ~1e-6).
                for (var c = 0; c < k; c++)
                {
                    ref var mu = ref ws.Mean[b * k + c];
                    var delta = p[c] - mu;
                    mu += delta / members;
                    ws.M2[b * k + c] += delta * (p[c] - mu);
                }
            }
        }
        var inv = 1f / members;
        var per = a.Channels * a.Length;
        for (var b = 0; b < count; b++)
        {
            // NaN·0 and the ReLU/max kernels do not carry NaN reliably, so undefined inputs are flagged here.
            var undefined = !IsFinite(x.Slice(b * per, per));
            for (var c = 0; c < k; c++)
            {
                var i = b * k + c;
                mean[i] = undefined ? float.NaN : ws.Mean[i];
                if (!std.IsEmpty)
                    std[i] = undefined ? float.NaN : MathF.Sqrt(MathF.Max(0f, ws.M2[i] * inv));
            }
        }
    }

    private static bool IsFinite(ReadOnlySpan<float> v)
    {
        foreach (var f in v)
            if (!float.IsFinite(f))
                return false;
        return true;
    }

    /// <summary>Fused ReLU and max pool of [B][T][F] into [B][T/P][F]: max(relu(x)) = relu(max(x)).</summary>
    private static void ReluPool(ReadOnlySpan<float> conv, int count, CnnArchitecture a, Span<float> flat)
    {
        int t = a.ConvLength, f = a.Filters, pool = a.Pool, outLen = a.PooledLength;
        for (var b = 0; b < count; b++)
        {
            var src = conv.Slice(b * t * f, t * f);
            var dst = flat.Slice(b * outLen * f, outLen * f);
            for (var i = 0; i < outLen; i++)
            {
                var win = src.Slice(i * pool * f, pool * f);
                var o = dst.Slice(i * f, f);
                var j = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    for (; j + 16 <= f; j += 16)
                    {
                        var m = Vector512<float>.Zero;
                        for (var q = 0; q < pool; q++)
                            m = Vector512.MaxNative(m, Vector512.Create(win.Slice(q * f + j, 16)));
                        m.CopyTo(o.Slice(j, 16));
                    }
                }
                for (; j < f; j++)
                {
                    var m = 0f;
                    for (var q = 0; q < pool; q++)
                        m = MathF.Max(m, win[q * f + j]);
                    o[j] = m;
                }
            }
        }
    }
}
