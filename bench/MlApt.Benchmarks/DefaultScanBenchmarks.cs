using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;
using MlApt.Geometry;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Benchmarks;

/// <summary>
/// The z-SDM stage of the default map (six pair channels, 1.25 nm spheres) beside the published one-pair
/// scan (Ni–Ni, 0.75 nm spheres), over the same 91,875 voxels: a 18 × 18 × 38 nm box inside the
/// CoCrNi-like specimen (the size of a 20 × 20 × 40 nm specimen with the box moved in by 1 nm).
/// <c>DefaultSixChannels</c> scans by rows (see docs/exactness.md); <c>DefaultSixChannelsPerVoxel</c> is the per-voxel
/// engine it replaced, <c>SixChannelsOneAtATime</c> the engine before the multi-channel scan.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class DefaultScanBenchmarks
{
    private static readonly Box AnalysisBox = new(-9, 9, -9, 9, -39, -1);
    private static readonly (int A, int B)[] Pairs = [(2, 2), (0, 0), (1, 1), (2, 0), (2, 1), (0, 1)];
    private VoxelScanOptions _published;
    private VoxelScanOptions _default;
    private double[] _cx = [], _cy = [], _cz = [];
    private SpeciesIndex[] _species = [];
    private SpeciesIndex _niPublished = null!;
    private ScanChannel[] _channels = [];
    private float[] _one = [], _six = [];

    [GlobalSetup]
    public void Setup()
    {
        var specimen = SyntheticSpecimen.Generate(SyntheticSpecimenOptions.CoCrNi(seed: 42));
        _published = new VoxelScanOptions();
        _default = new VoxelScanOptions(SphereRadius: 1.25);
        var grid = new VoxelGrid(AnalysisBox, _default);
        _species = [.. Enumerable.Range(0, 3).Select(s =>
        {
            var (x, y, z) = specimen.Select((byte)s);
            return SpeciesIndex.ForVoxelScan(x, y, z, grid);
        })];
        var ni = specimen.Select(2);
        _niPublished = SpeciesIndex.ForVoxelScan(ni.X, ni.Y, ni.Z, new VoxelGrid(AnalysisBox, _published));
        _channels = [.. Pairs.Select(p => new ScanChannel(_species[p.A], _species[p.B]))];
        (_cx, _cy, _cz) = (new double[grid.Count], new double[grid.Count], new double[grid.Count]);
        for (var v = 0; v < grid.Count; v++)
            (_cx[v], _cy[v], _cz[v]) = grid.Centre(v);
        _one = new float[grid.Count * VoxelScan.Bins];
        _six = new float[grid.Count * Pairs.Length * VoxelScan.Bins];
    }

    /// <summary>The published pipeline's stage: Ni–Ni, 0.75 nm spheres.</summary>
    [Benchmark(Baseline = true)]
    public void PublishedOnePair() => VoxelScan.RunAt(_cx, _cy, _cz, _published, _niPublished, _niPublished, _one, []);

    /// <summary>The default map's stage: six channels, 1.25 nm spheres, all from one gather per species.</summary>
    [Benchmark]
    public void DefaultSixChannels() => VoxelScan.RunChannelsAt(_cx, _cy, _cz, _default, _channels, _six);

    /// <summary>The same scan with the per-voxel double-precision kernels (what processors without AVX2 run; the default before the row scan).</summary>
    [Benchmark]
    public void DefaultSixChannelsPerVoxel()
    {
        ZSdm.UseScreenedKernels = false;
        try
        {
            VoxelScan.RunChannelsAt(_cx, _cy, _cz, _default, _channels, _six);
        }
        finally
        {
            ZSdm.UseScreenedKernels = Avx2.IsSupported;
        }
    }

    /// <summary>A hash of the six-channel counts (FNV-1a over their bits), to compare engines.</summary>
    internal ulong Checksum()
    {
        var h = 14695981039346656037UL;
        foreach (var v in _six)
            h = (h ^ BitConverter.SingleToUInt32Bits(v)) * 1099511628211UL;
        return h;
    }

    /// <summary>The same six channels scanned one at a time with the one-channel engine (the previous default path).</summary>
    [Benchmark]
    public void DefaultSixChannelsOneAtATime()
    {
        foreach (var (a, b) in Pairs)
            VoxelScan.RunAt(_cx, _cy, _cz, _default, _species[a], _species[b], _one, []);
    }
}
