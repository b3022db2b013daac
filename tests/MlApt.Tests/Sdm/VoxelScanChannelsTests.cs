using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

/// <summary>The multi-channel scan (shared gathers, z-sorted windows, unordered same-species pairs) against the literal definition.</summary>
public class VoxelScanChannelsTests
{
    [Theory]
    [InlineData(51, 1.25, 1.5, -1)]
    [InlineData(52, 1.25, 1.5, 3)]
    [InlineData(53, 0.75, 1.5, 3)]
    [InlineData(54, 1.6, 1.0, -1)]
    public void SixChannels_ArbitraryCentres_EqualBruteForce(int seed, double sphere, double pairRadius, int decimals)
    {
        var ni = SdmTestData.Cloud(seed, 9_000, -3, 3, decimals);
        var co = SdmTestData.Cloud(seed + 1, 8_000, -3, 3, decimals);
        var cr = SdmTestData.Cloud(seed + 2, 7_000, -3, 3, decimals);
        var centres = SdmTestData.Cloud(seed + 3, 60, -2.5, 2.5, decimals);
        var index = new[] { ni, co, cr }.Select(s => SpeciesIndex.Build(s.X, s.Y, s.Z, 0.5)).ToArray();
        var clouds = new[] { ni, co, cr };
        (int A, int B)[] pairs = [(0, 0), (1, 1), (2, 2), (0, 1), (0, 2), (1, 2)];
        var channels = pairs.Select(p => new ScanChannel(index[p.A], index[p.B])).ToArray();
        var counts = new float[centres.X.Length * channels.Length * 93];
        VoxelScan.RunChannelsAt(centres.X, centres.Y, centres.Z, new VoxelScanOptions(SphereRadius: sphere, PairRadius: pairRadius), channels, counts);
        for (var v = 0; v < centres.X.Length; v++)
        {
            for (var c = 0; c < pairs.Length; c++)
            {
                var expected = SdmTestData.BruteVoxel(centres.X[v], centres.Y[v], centres.Z[v], sphere, pairRadius,
                    clouds[pairs[c].A], clouds[pairs[c].B], out _);
                Assert.Equal(expected, counts.AsSpan((v * pairs.Length + c) * 93, 93).ToArray());
            }
        }
    }

    [Fact]
    public void ThreeDecimalLadderOnBinEdgesAndDxAtRangeEnds_EqualsBruteForce()
    {
        // z on a 0.015 nm ladder (Δz on or one rounding from bin edges, where the two directions of a pair
        // fall in bins that are not mirror images) and x on a 0.5 nm ladder (Δx = ±1.5 exactly, where the
        // half-open range keeps one direction and drops the other).
        var rng = new Random(78);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double Three(double v) => double.Parse(v.ToString("F3", inv), inv);
        var n = 6_000;
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            x[i] = i % 2 == 0 ? -10 + 0.5 * rng.Next(7) : Three(-10 + 3 * rng.NextDouble());
            y[i] = Three(-10 + 3 * rng.NextDouble());
            z[i] = Three(-118.959 + 0.015 * rng.Next(200));
        }
        var grid = new VoxelGrid(new Box(-10, -7, -10, -7, -119, -116), new VoxelScanOptions(SphereRadius: 1.25));
        var index = SpeciesIndex.ForVoxelScan(x, y, z, grid);
        var cx = new double[grid.Count];
        var cy = new double[grid.Count];
        var cz = new double[grid.Count];
        for (var v = 0; v < grid.Count; v++)
            (cx[v], cy[v], cz[v]) = grid.Centre(v);
        var counts = new float[grid.Count * 93];
        VoxelScan.RunChannelsAt(cx, cy, cz, grid.Options, [new ScanChannel(index, index)], counts);
        for (var v = 0; v < grid.Count; v++)
            Assert.Equal(SdmTestData.BruteVoxel(cx[v], cy[v], cz[v], 1.25, 1.5, (x, y, z), (x, y, z), out _), counts.AsSpan(v * 93, 93).ToArray());
    }

    [Fact]
    public void EmptySpecies_GivesZeroRows()
    {
        var a = SdmTestData.Cloud(61, 2_000, -2, 2);
        var full = SpeciesIndex.Build(a.X, a.Y, a.Z, 0.5);
        var empty = SpeciesIndex.Build([], [], [], 0.5);
        var counts = new float[3 * 2 * 93];
        VoxelScan.RunChannelsAt([0.0, 0.5, -0.5], [0.0, 0.0, 0.5], [0.0, 0.5, 0.0], new VoxelScanOptions(SphereRadius: 1.25),
            [new ScanChannel(full, empty), new ScanChannel(empty, empty)], counts);
        Assert.All(counts, c => Assert.Equal(0f, c));
    }
}
