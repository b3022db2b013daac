using BenchmarkDotNet.Attributes;
using MlApt.Banks;

namespace MlApt.Benchmarks;

/// <summary>
/// Generating the preset pattern banks (crystal, detector model, brute-force z-SDM, crop, min–max per
/// sample, all cores). The target: <c>cocrni-reference</c> (5200 samples) in ≤ 5 s on 2 cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BankBenchmarks
{
    private BankSpec _spec = null!;

    /// <summary>The preset.</summary>
    [Params("cocrni-reference", "feal-reference")]
    public string Preset { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _spec = BankPresets.Get(Preset);

    /// <summary>The whole bank in memory.</summary>
    [Benchmark]
    public int Generate() => BankGenerator.Generate(_spec, 42).Count;

    /// <summary>The whole bank, single-threaded.</summary>
    [Benchmark]
    public int GenerateOneThread() => BankGenerator.Generate(_spec, 42, maxThreads: 1).Count;
}
