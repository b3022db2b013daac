using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Benchmarks;

/// <summary>
/// The pole search of <c>mlapt align</c> and <c>map --align</c> (<see cref="PoleAlignment.Find"/>) and the
/// rotation of every ion, on the ⟨001⟩ CoCrNi specimen tilted 12° of <see cref="AlignQuick"/> (its 1M-ion tile
/// repeated along z). Targets: ≤ 5 s for 2M ions and ≤ 2 min for 100M on 2 cores, reading and writing included
/// (the CLI rows of docs/performance.md); run with <c>--filter *AlignBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShort))]
public class AlignBenchmarks
{
    /// <summary>One warm-up and five iterations in this process: no generated project to build, which can time out on a shared machine.</summary>
    private sealed class InProcessShort : ManualConfig
    {
        public InProcessShort() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private IonCloud _cloud = null!;
    private PoleAlignmentResult _found = null!;

    /// <summary>Millions of ions.</summary>
    [Params(2, 10)]
    public int Millions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cloud = AlignQuick.Specimen(Millions).Cloud;
        _found = PoleAlignment.Find(_cloud, [], new PoleAlignmentOptions(), out _)
            ?? throw new InvalidOperationException("the benchmark specimen shows no pole");
    }

    /// <summary>The search: cells chosen from every ion, coarse FFT search and refinement of a seeded sample.</summary>
    [Benchmark]
    public double Find() => PoleAlignment.Find(_cloud, [], new PoleAlignmentOptions(), out _)!.TiltDegrees;

    /// <summary>p′ = R (p − c) + c for every ion.</summary>
    [Benchmark]
    public int Rotate() => PoleAlignment.Rotate(_cloud, _found.Rotation, _found.Centre).Count;
}
