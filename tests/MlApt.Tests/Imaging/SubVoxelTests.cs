using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Sdm;

namespace MlApt.Tests.Imaging;

public class SubVoxelTests
{
    [Fact]
    public void ReferenceBox_Has240By40By40SubVoxels()
    {
        var g = new SubVoxelGrid(new VoxelGrid(Box.Reference));
        Assert.Equal((40, 40, 240), (g.Nx, g.Ny, g.Nz));
        Assert.Equal(2, g.Span);
        Assert.Equal((-10.0, -10.0, -120.0), g.Origin);
    }

    [Fact]
    public void Score_EqualsSumOverVoxelsWhoseCubeContainsTheSubVoxelCentre()
    {
        var box = new Box(0, 3, 0, 2.5, -4, 0);
        var voxels = new VoxelGrid(box);
        var g = new SubVoxelGrid(voxels);
        var r = new Random(5);
        var p = Enumerable.Range(0, voxels.Count).Select(_ => (float)r.NextDouble()).ToArray();
        var (sum, mean, cov) = (new float[g.Count], new float[g.Count], new byte[g.Count]);
        SubVoxelScores.Compute(g, p, sum, mean, cov);
        var half = voxels.Options.Voxel / 2;
        for (var s = 0; s < g.Count; s++)
        {
            var c = g.Centre(s);
            double total = 0;
            var n = 0;
            for (var v = 0; v < voxels.Count; v++)
            {
                var vc = voxels.Centre(v);
                if (Math.Abs(c.X - vc.X) < half && Math.Abs(c.Y - vc.Y) < half && Math.Abs(c.Z - vc.Z) < half)
                {
                    total += p[v];
                    n++;
                }
            }
            Assert.Equal(n, cov[s]);
            if (n == 0)
            {
                Assert.True(float.IsNaN(sum[s]));
            }
            else
            {
                Assert.Equal((float)total, sum[s]);
                Assert.Equal((float)(total / n), mean[s]);
            }
        }
        Assert.Equal(8, cov.Max());
    }

    [Fact]
    public void Score_IsUndefinedWhenAnyCoveringVoxelIs()
    {
        var voxels = new VoxelGrid(new Box(0, 2, 0, 2, 0, 2));
        var g = new SubVoxelGrid(voxels);
        var p = Enumerable.Repeat(0.5f, voxels.Count).ToArray();
        p[voxels.Index(1, 1, 1)] = float.NaN;
        var (sum, mean, cov) = (new float[g.Count], new float[g.Count], new byte[g.Count]);
        SubVoxelScores.Compute(g, p, sum, mean, cov);
        Assert.True(float.IsNaN(sum[g.Index(1, 1, 1)]));
        Assert.True(float.IsNaN(sum[g.Index(2, 2, 2)]));
        Assert.Equal(0.5f, sum[g.Index(0, 0, 0)]);
        Assert.Equal(4, cov[g.Index(1, 0, 1)]);
        Assert.Equal(2f, sum[g.Index(1, 0, 1)]); // four defined covering voxels of 0.5
    }

    [Fact]
    public void Select_IsStrictlyAboveThresholdAndCountsDefined()
    {
        float[] scores = [3.75f, 3.76f, float.NaN, 8f, 0f];
        var sel = new byte[5];
        var (n, defined) = Selection.Select(scores, Selection.ReferenceSumThreshold, sel);
        Assert.Equal([0, 1, 0, 1, 0], sel);
        Assert.Equal((2, 4), (n, defined));
    }

    [Fact]
    public void NonIntegerVoxelOverStride_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SubVoxelGrid(new VoxelGrid(new Box(0, 5, 0, 5, 0, 5), new VoxelScanOptions(1.0, 0.4, 0.75, 1.5))));
    }
}
