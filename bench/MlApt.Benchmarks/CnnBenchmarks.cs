using MlApt.Banks;
using System.Runtime.Intrinsics;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Benchmarks;

/// <summary>
/// Inference of a 5-member reference ensemble (1×93 inputs, 16 filters, 256 hidden, 2 classes) over
/// 100 000 z-SDMs: the issue's target is ≥ 40 000 z-SDMs/s on 2 cores.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CnnInferenceBenchmarks
{
    private CnnEnsemble _ensemble = null!;
    private float[] _x = [];
    private float[] _mean = [];
    private float[] _std = [];

    /// <summary>z-SDMs per call.</summary>
    [Params(100_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup() => (_ensemble, _x, _mean, _std) = CnnQuick.Inputs(Samples);

    /// <summary>Mean and standard deviation of the 5 members.</summary>
    [Benchmark]
    public float Predict()
    {
        CnnInference.Predict(_ensemble, _x, _mean, _std);
        return _mean[0];
    }
}

/// <summary>The reference training: 5 folds × 30 epochs on the cocrni-reference bank (5200 samples) + shifted copies (target ≤ 60 s).</summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class CnnTrainingBenchmarks
{
    private TrainingBank _bank = null!;

    [GlobalSetup]
    public void Setup() => _bank = BankGenerator.Generate(BankPresets.Get("cocrni-reference"), 42).ToTrainingBank();

    /// <summary>Full reference training.</summary>
    [Benchmark]
    public double Train() => Trainer.Train(_bank, new TrainingOptions { Seed = 1 }).Test.Accuracy;
}

/// <summary>Stopwatch runs (`quick-cnn`), for a busy machine.</summary>
internal static class CnnQuick
{
    public static (CnnEnsemble, float[], float[], float[]) Inputs(int n)
    {
        var a = CnnArchitecture.Reference();
        var rng = new Random(3);
        var members = Enumerable.Range(0, 5).Select(_ =>
        {
            var w = new CnnWeights(a);
            foreach (var (_, data, _) in w.Tensors())
                for (var i = 0; i < data.Length; i++)
                    data[i] = (float)(rng.NextDouble() - 0.5) * 0.1f;
            return w;
        }).ToArray();
        var e = new CnnEnsemble(a, members, ["FCC", "CSRO"], ["Co-Co"]);
        var x = new float[n * 93];
        for (var i = 0; i < x.Length; i++)
            x[i] = (float)rng.NextDouble();
        return (e, x, new float[n * 2], new float[n * 2]);
    }

    /// <summary>Two classes of noisy periodic curves (periods 8 and 16 bins), min–max normalised.</summary>
    public static TrainingBank SyntheticBank(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n * 93];
        var y = new int[n];
        for (var s = 0; s < n; s++)
        {
            var c = s % 2;
            y[s] = c;
            var period = c == 0 ? 16.0 : 8.0;
            var phase = rng.NextDouble() * 2;
            var noise = 0.2 + rng.NextDouble() * 0.8;
            for (var l = 0; l < 93; l++)
                x[s * 93 + l] = (float)(1 + Math.Cos(2 * Math.PI * (l - 46 + phase) / period) + noise * (rng.NextDouble() * 2 - 1));
            var row = x.AsSpan(s * 93, 93);
            float min = row[0], max = row[0];
            foreach (var v in row) { min = Math.Min(min, v); max = Math.Max(max, v); }
            for (var l = 0; l < 93; l++)
                row[l] = (row[l] - min) / (max - min);
        }
        return new TrainingBank(x, y, 1, 93, ["FCC", "CSRO"], ["Co-Co"]);
    }

    /// <summary>Writes the synthetic 5200-sample bank as an .npz for timing <c>mlapt train</c> end to end.</summary>
    public static int WriteBank(string path)
    {
        var b = SyntheticBank(5200, 7);
        new MlApt.Io.Npz.Writer().Add("x", b.X, b.Count, 1, 93).Add("y", b.Y, b.Count)
            .AddText("metadata.json", "{\"classes\": [\"FCC\", \"CSRO\"], \"pairs\": [\"Co-Co\"], \"preset\": \"synthetic-periodic\"}").Save(path);
        Console.WriteLine($"wrote {b.Count} samples to {path}");
        return 0;
    }

    /// <summary>
    /// Share of the published CSRO bank ((93, 2N): Δz then count column per sample; counts min–max
    /// normalised) that a model file classifies as its last class.
    /// </summary>
    public static int Published(string model, string bankNpy)
    {
        var e = ModelLoading.Load(model);
        var a = MlApt.Io.Npy.Read(bankNpy);
        int rows = a.Shape[0], cols = a.Shape[1], n = cols / 2;
        var x = new float[n * rows];
        for (var s = 0; s < n; s++)
        {
            var row = x.AsSpan(s * rows, rows);
            for (var t = 0; t < rows; t++)
                row[t] = (float)a.Data[t * cols + 2 * s + 1];
            float min = row[0], max = row[0];
            foreach (var v in row) { min = Math.Min(min, v); max = Math.Max(max, v); }
            for (var t = 0; t < rows; t++)
                row[t] = (row[t] - min) / (max - min);
        }
        var k = e.Architecture.Classes;
        var mean = new float[n * k];
        CnnInference.Predict(e, x, mean, default);
        var hits = Enumerable.Range(0, n).Count(i => mean[i * k + k - 1] > 0.5);
        var avg = Enumerable.Range(0, n).Average(i => mean[i * k + k - 1]);
        Console.WriteLine($"{hits} of {n} published z-SDMs classified {e.ClassNames[k - 1]} ({100.0 * hits / n:F2} %), mean P = {avg:F4}");
        return 0;
    }

    public static int Run(string what)
    {
        if (what == "peak")
            CpuPeak.Run();
        if (what == "parts")
        {
            CnnParts.Run();
            GemmParts.Run();
        }
        if (what is "infer" or "all")
        {
            var (e, x, m, s) = Inputs(100_000);
            var flops = CnnInference.FlopsPerSample(e.Architecture) * e.Members.Count;
            for (var rep = 0; rep < 5; rep++)
            {
                var sw = Stopwatch.StartNew();
                CnnInference.Predict(e, x, m, s);
                var t = sw.Elapsed.TotalSeconds;
                Console.WriteLine($"inference: {100_000 / t:F0} z-SDMs/s, {100_000 * flops / t / 1e9:F1} GFLOP/s ({Environment.ProcessorCount} threads)");
            }
        }
        if (what is "train" or "all")
        {
            var bank = BankGenerator.Generate(BankPresets.Get("cocrni-reference"), 42).ToTrainingBank();
            var sw = Stopwatch.StartNew();
            var r = Trainer.Train(bank, new TrainingOptions { Seed = 1 });
            Console.WriteLine($"training: {sw.Elapsed.TotalSeconds:F1} s, test accuracy {r.Test.Accuracy:F4}, cv {string.Join(", ", r.Folds.Select(f => f.ValidationAccuracy.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
        return 0;
    }
}

/// <summary>Where a training step's time goes (`quick-cnn parts`).</summary>
internal static class CnnParts
{
    public static void Run()
    {
        var a = CnnArchitecture.Reference();
        var bank = CnnQuick.SyntheticBank(64, 1);
        var w = new CnnWeights(a);
        Initialization.GlorotUniform(w, new SeededRandom(1));
        var g = new CnnWeights(a);
        var net = new Network(a, 32);
        var adam = new Adam(a);
        var rng = new SeededRandom(2);
        var x = bank.X.AsSpan(0, 32 * 93).ToArray();
        var y = bank.Y.AsSpan(0, 32).ToArray();
        const int reps = 2000;
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++) net.Forward(x, 32, w, rng);
            var fwd = sw.Elapsed.TotalMilliseconds / reps;
            sw.Restart();
            for (var i = 0; i < reps; i++) net.Backward(y, default, w, g);
            var bwd = sw.Elapsed.TotalMilliseconds / reps;
            sw.Restart();
            for (var i = 0; i < reps; i++) adam.Step(w, g);
            var opt = sw.Elapsed.TotalMilliseconds / reps;
            sw.Restart();
            var mask = new float[32 * 84 * 16];
            for (var i = 0; i < reps; i++) Dropout.FillMask(mask, 0.5, rng);
            var drop = sw.Elapsed.TotalMilliseconds / reps;
            Console.WriteLine($"per batch of 32: forward {fwd:F3} ms (dropout mask {drop:F3}), backward {bwd:F3} ms, adam {opt:F3} ms; steps/epoch 234 → {(fwd + bwd + opt) * 234 * 30 / 1000:F1} s per fold of 30 epochs");
        }
    }
}

internal static class GemmParts
{
    public static void Run()
    {
        var flat = new float[32 * 672];
        var w1 = new float[672 * 256];
        var h = new float[32 * 256];
        var dw = new float[672 * 256];
        new Random(1).NextBytes(new byte[1]);
        for (var i = 0; i < flat.Length; i++) flat[i] = i % 7 * 0.1f;
        for (var i = 0; i < w1.Length; i++) w1[i] = i % 5 * 0.01f;
        const int reps = 3000;
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++) Gemm.Multiply(flat, 672, 1, w1, 256, h, 256, 32, 256, 672);
            var nn = sw.Elapsed.TotalMilliseconds / reps;
            sw.Restart();
            for (var i = 0; i < reps; i++) Gemm.Multiply(flat, 1, 672, h, 256, dw, 256, 672, 256, 32);
            var tn = sw.Elapsed.TotalMilliseconds / reps;
            sw.Restart();
            for (var i = 0; i < reps; i++) Gemm.MultiplyTransposed(h, 256, w1, 256, flat, 672, 32, 672, 256);
            var nt = sw.Elapsed.TotalMilliseconds / reps;
            var gf = 2.0 * 32 * 672 * 256 / 1e6;
            Console.WriteLine($"32×672×256: NN {nn:F3} ms ({gf / nn:F1} GFLOP/s), TN (dW) {tn:F3} ms ({gf / tn:F1}), NT (dX) {nt:F3} ms ({gf / nt:F1})");
        }
    }
}

/// <summary>
/// Measures the core clock from the latency of a dependent FMA chain (4 cycles on Zen 4) and the FMA
/// throughput with 12 independent 512-bit chains: the peak that inference GFLOP/s are compared with.
/// </summary>
internal static class CpuPeak
{
    public static void Run()
    {
        const int n = 200_000_000;
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            var v = Latency(n);
            var t = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var w = Throughput(n / 4);
            var t2 = sw.Elapsed.TotalSeconds;
            var ghz = 4.0 * n / t / 1e9;
            var flopsPerCycle = 12.0 * (n / 4) * 32 / (t2 * ghz * 1e9);
            Console.WriteLine($"clock ≈ {ghz:F2} GHz (4-cycle FMA latency), 512-bit FMA throughput {flopsPerCycle:F1} FLOP/cycle/core → peak {Environment.ProcessorCount} × {flopsPerCycle:F0} × {ghz:F2} = {Environment.ProcessorCount * flopsPerCycle * ghz:F0} GFLOP/s ({v + w:F1})");
        }
    }

    private static float Latency(int n)
    {
        var v = System.Runtime.Intrinsics.Vector256.Create(1f);
        var m = System.Runtime.Intrinsics.Vector256.Create(0.9999999f);
        var a = System.Runtime.Intrinsics.Vector256.Create(1e-7f);
        for (var i = 0; i < n; i++)
            v = System.Runtime.Intrinsics.Vector256.FusedMultiplyAdd(v, m, a);
        return v.ToScalar();
    }

    private static float Throughput(int n)
    {
        var m = System.Runtime.Intrinsics.Vector512.Create(0.9999999f);
        var a = System.Runtime.Intrinsics.Vector512.Create(1e-7f);
        System.Runtime.Intrinsics.Vector512<float> v0 = m, v1 = m, v2 = m, v3 = m, v4 = m, v5 = m, v6 = m, v7 = m, v8 = m, v9 = m, v10 = m, v11 = m;
        for (var i = 0; i < n; i++)
        {
            v0 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v0, m, a); v1 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v1, m, a);
            v2 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v2, m, a); v3 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v3, m, a);
            v4 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v4, m, a); v5 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v5, m, a);
            v6 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v6, m, a); v7 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v7, m, a);
            v8 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v8, m, a); v9 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v9, m, a);
            v10 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v10, m, a); v11 = System.Runtime.Intrinsics.Vector512.FusedMultiplyAdd(v11, m, a);
        }
        return (v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11).ToScalar();
    }
}
