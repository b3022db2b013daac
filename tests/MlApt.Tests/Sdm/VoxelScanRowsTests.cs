using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

/// <summary>
/// The row scan (voxels sharing x and y scanned together, pairs screened in float and decided in double near
/// a threshold) against the literal definition and against the per-voxel double kernels.
/// </summary>
[Collection(nameof(ScanKernelSwitch))]
public class VoxelScanRowsTests
{
    private static readonly (int A, int B)[] Pairs = [(0, 0), (1, 1), (2, 2), (0, 1), (0, 2), (1, 2), (2, 0)];

    [Theory]
    [InlineData(71, 1.25, 1.5, -1, 1.0)]
    [InlineData(72, 1.25, 1.5, 3, 0.6)]
    [InlineData(73, 0.75, 1.5, 3, 1.0)]
    [InlineData(74, 1.6, 1.0, -1, 0.5)]
    [InlineData(75, 2.0, 2.2, 2, 0.8)]
    public void GridRows_SevenChannels_EqualBruteForce(int seed, double sphere, double pairRadius, int decimals, double keep)
    {
        var clouds = new[]
        {
            SdmTestData.Cloud(seed, 7_000, -3, 3, decimals),
            SdmTestData.Cloud(seed + 1, 6_000, -3, 3, decimals),
            SdmTestData.Cloud(seed + 2, 5_000, -3, 3, decimals),
        };
        var options = new VoxelScanOptions(SphereRadius: sphere, PairRadius: pairRadius);
        var grid = new VoxelGrid(new Box(-1.5, 1.5, -1, 1, -3, 3), options);
        // A random subset of the grid's voxels, as a map's analysable mask leaves them: rows with gaps.
        var rng = new Random(seed);
        var voxels = Enumerable.Range(0, grid.Count).Where(_ => rng.NextDouble() < keep).ToArray();
        var (cx, cy, cz) = Centres(grid, voxels);
        var index = clouds.Select(c => SpeciesIndex.ForVoxelScan(c.X, c.Y, c.Z, grid)).ToArray();
        var channels = Pairs.Select(p => new ScanChannel(index[p.A], index[p.B])).ToArray();
        var counts = new float[voxels.Length * channels.Length * 93];
        VoxelScan.RunChannelsAt(cx, cy, cz, options, channels, counts);
        for (var v = 0; v < voxels.Length; v++)
        {
            for (var c = 0; c < Pairs.Length; c++)
            {
                var expected = SdmTestData.BruteVoxel(cx[v], cy[v], cz[v], sphere, pairRadius, clouds[Pairs[c].A], clouds[Pairs[c].B], out _);
                Assert.Equal(expected, counts.AsSpan((v * Pairs.Length + c) * 93, 93).ToArray());
            }
        }
    }

    [Fact]
    public void LongColumnsSplitIntoRows_EqualThePerVoxelKernels()
    {
        // 20 nm columns of 0.25 nm steps: longer than a row may be (in voxels and in z extent), so every column
        // is cut into several rows; the per-voxel double kernels are the reference. Float32 positions, as a
        // map reads them, on a 3-decimal grid: many pairs on bin edges and Δx = ±1.5.
        var rng = new Random(81);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double Three(double v) => (float)double.Parse(v.ToString("F3", inv), inv);
        var clouds = Enumerable.Range(0, 2).Select(_ =>
        {
            var n = 12_000;
            var (x, y, z) = (new double[n], new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                x[i] = i % 3 == 0 ? -1 + 0.5 * rng.Next(5) : Three(-1.5 + 3 * rng.NextDouble());
                y[i] = Three(-1.5 + 3 * rng.NextDouble());
                z[i] = i % 2 == 0 ? Three(-21 + 0.015 * rng.Next(1400)) : Three(-21 + 21 * rng.NextDouble());
            }
            return (X: x, Y: y, Z: z);
        }).ToArray();
        var options = new VoxelScanOptions(Voxel: 0.5, Stride: 0.25, SphereRadius: 1.25);
        var grid = new VoxelGrid(new Box(-0.5, 0.5, -0.25, 0.25, -20.5, -0.5), options);
        var voxels = Enumerable.Range(0, grid.Count).ToArray();
        var (cx, cy, cz) = Centres(grid, voxels);
        var index = clouds.Select(c => SpeciesIndex.ForVoxelScan(c.X, c.Y, c.Z, grid)).ToArray();
        ScanChannel[] channels = [new(index[0], index[0]), new(index[0], index[1]), new(index[1], index[0])];
        var rows = new float[voxels.Length * channels.Length * 93];
        VoxelScan.RunChannelsAt(cx, cy, cz, options, channels, rows);
        var perVoxel = new float[rows.Length];
        using (ScanKernelSwitch.PerVoxel())
            VoxelScan.RunChannelsAt(cx, cy, cz, options, channels, perVoxel);
        Assert.True(rows.Sum() > 1e5, "the columns hold pairs");
        Assert.Equal(perVoxel, rows);
    }

    private static (double[] X, double[] Y, double[] Z) Centres(VoxelGrid grid, int[] voxels)
    {
        var (x, y, z) = (new double[voxels.Length], new double[voxels.Length], new double[voxels.Length]);
        for (var t = 0; t < voxels.Length; t++)
            (x[t], y[t], z[t]) = grid.Centre(voxels[t]);
        return (x, y, z);
    }
}

/// <summary>Serialises the tests that switch the scan to the per-voxel double kernels (a process-wide setting).</summary>
[CollectionDefinition(nameof(ScanKernelSwitch), DisableParallelization = true)]
public sealed class ScanKernelSwitch
{
    /// <summary>Runs the scans of a using block with the per-voxel double kernels.</summary>
    public static IDisposable PerVoxel() => new Restore(ZSdm.UseScreenedKernels);

    private sealed class Restore : IDisposable
    {
        private readonly bool _previous;

        public Restore(bool previous)
        {
            _previous = previous;
            ZSdm.UseScreenedKernels = false;
        }

        public void Dispose() => ZSdm.UseScreenedKernels = _previous;
    }
}
