using BenchmarkDotNet.Attributes;
using MlApt.Sdm;

namespace MlApt.Benchmarks;

/// <summary>Preprocessing of the 363,519 Ni–Ni z-SDMs of the synthetic specimen.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class SdmPreprocessingBenchmarks
{
    private float[] _counts = [];
    private double[] _out = [];

    [GlobalSetup]
    public void Setup()
    {
        _counts = new float[SdmSpecimen.Grid.Count * VoxelScan.Bins];
        VoxelScan.Run(SdmSpecimen.Grid, SdmSpecimen.Ni, SdmSpecimen.Ni, _counts, []);
        _out = new double[_counts.Length];
    }

    [Benchmark]
    public int Preprocessed() => Preprocessing.ApplyBatch(_counts, _out, SdmStage.Preprocessed);

    [Benchmark]
    public int Normalized() => Preprocessing.ApplyBatch(_counts, _out, SdmStage.Normalized);
}
