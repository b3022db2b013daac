using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class ZSdmFastEqualsBruteTests
{
    [Theory]
    [InlineData(1, 300, 3.0, -1)]
    [InlineData(2, 2000, 6.0, -1)]
    [InlineData(3, 1500, 4.0, 3)]
    [InlineData(4, 5, 1.0, 3)]
    public void AccumulateCentres_SameSpecies_EqualsBrute(int seed, int n, double size, int decimals)
    {
        var (x, y, z) = SdmTestData.Cloud(seed, n, -size / 2, size / 2, decimals);
        var brute = new long[200];
        ZSdm.AccumulatePairs(x, y, z, x, y, z, 1.5, brute);
        var fast = new long[200];
        ZSdm.AccumulateCentres(x, y, z, SpeciesIndex.Build(x, y, z, 0.5), 1.5, fast);
        Assert.Equal(brute, fast);
    }

    [Theory]
    [InlineData(5, 800, 1200, 0.37)]
    [InlineData(6, 50, 3000, 1.0)]
    public void AccumulateCentres_CrossPairs_EqualsBrute(int seed, int na, int nb, double cell)
    {
        var a = SdmTestData.Cloud(seed, na, -2, 2, 3);
        var b = SdmTestData.Cloud(seed + 100, nb, -2.5, 2.5, 3);
        var brute = new long[200];
        ZSdm.AccumulatePairs(a.X, a.Y, a.Z, b.X, b.Y, b.Z, 1.5, brute);
        var fast = new long[200];
        ZSdm.AccumulateCentres(a.X, a.Y, a.Z, SpeciesIndex.Build(b.X, b.Y, b.Z, cell), 1.5, fast);
        Assert.Equal(brute, fast);
    }

    [Fact]
    public void AccumulateRegion_EqualsBruteWithCentresInRegion()
    {
        var (x, y, z) = SdmTestData.Cloud(7, 3000, -3, 3, 3);
        var region = new Box(-1, 1, -1.5, 1, -2, 0.5);
        var inside = Enumerable.Range(0, x.Length).Where(i => region.Contains(x[i], y[i], z[i])).ToArray();
        var brute = new long[200];
        ZSdm.AccumulatePairs(inside.Select(i => x[i]).ToArray(), inside.Select(i => y[i]).ToArray(), inside.Select(i => z[i]).ToArray(),
            x, y, z, 1.5, brute);
        var fast = new long[200];
        ZSdm.AccumulateRegion(x, y, z, region, SpeciesIndex.Build(x, y, z, 0.5), 1.5, fast);
        Assert.Equal(brute, fast);
    }

    [Theory]
    [InlineData(11, 20_000, -1)]
    [InlineData(12, 20_000, 3)]
    [InlineData(13, 60_000, 3)]
    public void VoxelScan_Grid_SameSpecies_EqualsBrute(int seed, int n, int decimals)
    {
        var box = new Box(-2, 2, -1.5, 1.5, -3, 0);
        var a = SdmTestData.Cloud(seed, n, -3.5, 3.5, decimals);
        var grid = new VoxelGrid(box);
        var index = SpeciesIndex.ForVoxelScan(a.X, a.Y, a.Z, grid);
        var result = VoxelScan.Run(grid, index, index);
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            var expected = SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, a, a, out var na);
            Assert.Equal(expected, result.Row(v).ToArray());
            Assert.Equal(na, result.CentreCounts[v]);
        }
    }

    [Fact]
    public void VoxelScan_Grid_CrossPairs_EqualsBrute()
    {
        var box = new Box(-1.5, 1.5, -1.5, 1.5, -2, 0);
        var a = SdmTestData.Cloud(21, 15_000, -3, 3, 3);
        var b = SdmTestData.Cloud(22, 25_000, -3, 3, 3);
        var grid = new VoxelGrid(box);
        var result = VoxelScan.Run(grid, SpeciesIndex.ForVoxelScan(a.X, a.Y, a.Z, grid), SpeciesIndex.ForVoxelScan(b.X, b.Y, b.Z, grid));
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            var expected = SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, a, b, out var na);
            Assert.Equal(expected, result.Row(v).ToArray());
            Assert.Equal(na, result.CentreCounts[v]);
        }
    }

    [Theory]
    [InlineData(31, 0.75, 1.5)]
    [InlineData(32, 1.1, 1.5)]
    [InlineData(33, 0.9, 1.0)]
    public void VoxelScan_ArbitraryCentres_EqualsBrute(int seed, double sphere, double pairRadius)
    {
        var a = SdmTestData.Cloud(seed, 30_000, -3, 3, 3);
        var c = SdmTestData.Cloud(seed + 1, 200, -2.9, 2.9, 3);
        // Different cell size and origin than the centres imply: arbitrary queries must not depend on alignment.
        var index = SpeciesIndex.Build(a.X, a.Y, a.Z, 0.37);
        var counts = new float[c.X.Length * 93];
        var n = new int[c.X.Length];
        VoxelScan.RunAt(c.X, c.Y, c.Z, new VoxelScanOptions(SphereRadius: sphere, PairRadius: pairRadius), index, index, counts, n);
        for (var v = 0; v < c.X.Length; v++)
        {
            var expected = SdmTestData.BruteVoxel(c.X[v], c.Y[v], c.Z[v], sphere, pairRadius, a, a, out var na);
            Assert.Equal(expected, counts.AsSpan(v * 93, 93).ToArray());
            Assert.Equal(na, n[v]);
        }
    }

    [Fact]
    public void VoxelScan_AtomsOnSphereSurfaceAndCellEdges_EqualsBrute()
    {
        // Atoms exactly at distance 0.75 from a centre and exactly on 0.5 nm cell boundaries.
        var pts = new List<(double, double, double)>();
        for (var i = -8; i <= 8; i++)
            for (var j = -8; j <= 8; j++)
                for (var k = -8; k <= 8; k++)
                    pts.Add((i * 0.25, j * 0.25, k * 0.25 - 1.0));
        var a = (pts.Select(p => p.Item1).ToArray(), pts.Select(p => p.Item2).ToArray(), pts.Select(p => p.Item3).ToArray());
        var grid = new VoxelGrid(new Box(-1, 1, -1, 1, -2, 0));
        var index = SpeciesIndex.ForVoxelScan(a.Item1, a.Item2, a.Item3, grid);
        var result = VoxelScan.Run(grid, index, index);
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            var expected = SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, a, a, out var na);
            Assert.Equal(expected, result.Row(v).ToArray());
            Assert.Equal(na, result.CentreCounts[v]);
        }
    }

    [Fact]
    public void VoxelScan_ThreeDecimalZOnBinEdges_EqualsBrute()
    {
        // z on a 0.015 nm ladder from a real coordinate, written with 3 decimals: many Δz fall exactly on
        // (or one rounding away from) bin edges, where only the exact expression agrees with the brute force.
        var rng = new Random(77);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double Three(double v) => double.Parse(v.ToString("F3", inv), inv);
        var n = 20_000;
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            x[i] = Three(-10 + 3 * rng.NextDouble());
            y[i] = Three(-10 + 3 * rng.NextDouble());
            z[i] = Three(-118.959 + 0.015 * rng.Next(200));
        }
        var onEdge = 0;
        for (var i = 1; i < 2000; i++)
        {
            var dz = z[i] - z[0];
            if (dz >= -1.5 && dz < 1.5 && ZSdm.Bin(dz) != (int)Math.Round((dz + 1.5) / 0.015)) onEdge++;
        }
        Assert.True(onEdge > 0, "the ladder should put some Δz just below a bin edge");
        var grid = new VoxelGrid(new Box(-10, -7, -10, -7, -119, -116));
        var index = SpeciesIndex.ForVoxelScan(x, y, z, grid);
        var result = VoxelScan.Run(grid, index, index);
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            Assert.Equal(SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, (x, y, z), (x, y, z), out _), result.Row(v).ToArray());
        }
    }

    [Fact]
    public void SpeciesIndex_Query_FindsExactlyTheBruteForceSet()
    {
        var (x, y, z) = SdmTestData.Cloud(41, 5000, -2, 2, 3);
        var index = SpeciesIndex.Build(x, y, z, 0.5);
        var found = new int[5000];
        var rng = new Random(42);
        for (var q = 0; q < 100; q++)
        {
            double cx = -2 + 4 * rng.NextDouble(), cy = -2 + 4 * rng.NextDouble(), cz = -2 + 4 * rng.NextDouble(), r = 1.3 * rng.NextDouble();
            var n = index.Query(cx, cy, cz, r, found);
            var got = found.Take(n).Select(k => index.SourceIndex[k]).Order().ToArray();
            var expected = Enumerable.Range(0, x.Length)
                .Where(i => (x[i] - cx) * (x[i] - cx) + (y[i] - cy) * (y[i] - cy) + (z[i] - cz) * (z[i] - cz) <= r * r).ToArray();
            Assert.Equal(expected, got);
            Assert.Equal(n, index.CountWithin(cx, cy, cz, r));
        }
    }

    [Fact]
    public void VoxelScan_EmptySpecies_AllZero()
    {
        var grid = new VoxelGrid(new Box(0, 2, 0, 2, 0, 2));
        var index = SpeciesIndex.ForVoxelScan([], [], [], grid);
        var result = VoxelScan.Run(grid, index, index);
        Assert.All(result.Counts, c => Assert.Equal(0f, c));
        Assert.All(result.CentreCounts, c => Assert.Equal(0, c));
    }
}
