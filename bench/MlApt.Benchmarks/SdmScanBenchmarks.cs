using BenchmarkDotNet.Attributes;
using MlApt.Sdm;

namespace MlApt.Benchmarks;

/// <summary>Ni–Ni voxel scan of the 20 × 20 × 120 nm CoCrNi-like specimen (363,519 voxels).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class SdmScanBenchmarks
{
    private float[] _counts = [];
    private int[] _n = [];

    [GlobalSetup]
    public void Setup()
    {
        _counts = new float[SdmSpecimen.Grid.Count * VoxelScan.Bins];
        _n = new int[SdmSpecimen.Grid.Count];
    }

    [Benchmark]
    public SpeciesIndex BuildNiIndex() => SpeciesIndex.ForVoxelScan(SdmSpecimen.NiX, SdmSpecimen.NiY, SdmSpecimen.NiZ, SdmSpecimen.Grid);

    [Benchmark]
    public void VoxelScanNiNi() => VoxelScan.Run(SdmSpecimen.Grid, SdmSpecimen.Ni, SdmSpecimen.Ni, _counts, _n);

    /// <summary>The index <c>mlapt map</c> uses: cell order only, positions read from the float32 cloud.</summary>
    [Benchmark]
    public SpeciesIndex BuildNiView() => SpeciesIndex.ForVoxelScan(SdmSpecimen.NiCloud, SdmSpecimen.NiSpecies, 1, SdmSpecimen.Grid);

    [Benchmark]
    public void VoxelScanNiNiView() => VoxelScan.Run(SdmSpecimen.Grid, SdmSpecimen.NiView, SdmSpecimen.NiView, _counts, _n);
}
