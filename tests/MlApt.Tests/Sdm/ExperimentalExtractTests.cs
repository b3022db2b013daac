using System.Globalization;
using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class ExperimentalExtractTests
{
    private static readonly (double Lo, double Hi)[] NiRanges =
    [
        (28.92, 29.12), (29.91, 30.11), (30.42, 30.62), (30.91, 31.11), (31.91, 32.11),
        (57.84, 58.24), (59.83, 60.23), (61.83, 62.23),
    ];

    private static (double[] X, double[] Y, double[] Z) LoadNi()
    {
        var path = SharedData.Require("reference-ml-apt/experimental/CoCrNi_annealed_NiNi_extract.csv");
        var (x, y, z) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            var m = double.Parse(f[3], CultureInfo.InvariantCulture);
            if (!NiRanges.Any(r => m >= r.Lo && m <= r.Hi)) continue;
            x.Add(double.Parse(f[0], CultureInfo.InvariantCulture));
            y.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
            z.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
        }
        return ([.. x], [.. y], [.. z]);
    }

    [Fact]
    public void NiIonCount()
    {
        Assert.Equal(11_348, LoadNi().X.Length);
    }

    [Fact]
    public void VoxelScan_EqualsBrute_OnSampleOfVoxels()
    {
        var ni = LoadNi();
        var grid = new VoxelGrid(Box.Reference);
        var index = SpeciesIndex.ForVoxelScan(ni.X, ni.Y, ni.Z, grid);
        var result = VoxelScan.Run(grid, index, index);
        var checkedWithAtoms = 0;
        for (var v = 0; v < grid.Count; v += 211)
        {
            var (cx, cy, cz) = grid.Centre(v);
            var expected = SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, ni, ni, out var na);
            Assert.Equal(expected, result.Row(v).ToArray());
            Assert.Equal(na, result.CentreCounts[v]);
            if (na > 1) checkedWithAtoms++;
        }
        Assert.True(checkedWithAtoms > 10, $"only {checkedWithAtoms} sampled voxels had pairs");
    }

    [Fact]
    public void VoxelScan_EqualsBrute_WhereTheAtomsAre()
    {
        // Voxels centred near actual ions, where pairs and 3-decimal edge cases are dense.
        var ni = LoadNi();
        var grid = new VoxelGrid(Box.Reference);
        var index = SpeciesIndex.ForVoxelScan(ni.X, ni.Y, ni.Z, grid);
        var result = VoxelScan.Run(grid, index, index);
        var tested = new HashSet<int>();
        for (var i = 0; i < ni.X.Length; i += 37)
        {
            int ix = (int)Math.Round((ni.X[i] + 10 - 0.5) / 0.5), iy = (int)Math.Round((ni.Y[i] + 10 - 0.5) / 0.5), iz = (int)Math.Round((ni.Z[i] + 120 - 0.5) / 0.5);
            if (ix < 0 || iy < 0 || iz < 0 || ix >= grid.Nx || iy >= grid.Ny || iz >= grid.Nz) continue;
            var v = grid.Index(ix, iy, iz);
            if (!tested.Add(v)) continue;
            var (cx, cy, cz) = grid.Centre(v);
            var expected = SdmTestData.BruteVoxel(cx, cy, cz, 0.75, 1.5, ni, ni, out var na);
            Assert.Equal(expected, result.Row(v).ToArray());
            Assert.Equal(na, result.CentreCounts[v]);
        }
        Assert.True(tested.Count > 100);
    }
}
