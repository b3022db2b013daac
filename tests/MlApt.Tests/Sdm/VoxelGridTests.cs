using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class VoxelGridTests
{
    [Fact]
    public void ReferenceBox_Has239x39x39Voxels()
    {
        var g = new VoxelGrid(Box.Reference);
        Assert.Equal((39, 39, 239), (g.Nx, g.Ny, g.Nz));
        Assert.Equal(363_519, g.Count);
    }

    [Fact]
    public void Centres_AreCornerPlusHalfVoxel()
    {
        var g = new VoxelGrid(Box.Reference);
        Assert.Equal(-9.5, g.CentreX(0));
        Assert.Equal(9.5, g.CentreX(38));
        Assert.Equal(-119.5, g.CentreZ(0));
        Assert.Equal(-0.5, g.CentreZ(238));
    }

    [Fact]
    public void Ordering_IsZOutermostThenYThenXFastest()
    {
        var g = new VoxelGrid(Box.Reference);
        Assert.Equal((-9.5, -9.5, -119.5), g.Centre(0));
        Assert.Equal((-9.0, -9.5, -119.5), g.Centre(1));
        Assert.Equal((-9.5, -9.0, -119.5), g.Centre(39));
        Assert.Equal((-9.5, -9.5, -119.0), g.Centre(39 * 39));
        Assert.Equal((9.5, 9.5, -0.5), g.Centre(g.Count - 1));
        Assert.Equal(7 * 39 * 39 + 5 * 39 + 3, g.Index(3, 5, 7));
    }

    [Fact]
    public void Centres_BulkEqualsSingle()
    {
        var g = new VoxelGrid(new Box(0, 3, 0, 2, 0, 4));
        var (x, y, z) = (new double[g.Count], new double[g.Count], new double[g.Count]);
        g.Centres(x, y, z);
        for (var v = 0; v < g.Count; v++) Assert.Equal(g.Centre(v), (x[v], y[v], z[v]));
    }

    [Fact]
    public void Options_AreParameters()
    {
        var g = new VoxelGrid(new Box(0, 10, 0, 10, 0, 10), new VoxelScanOptions(Voxel: 2, Stride: 1));
        Assert.Equal(9, g.Nx);
        Assert.Equal(1.0, g.CentreX(0));
    }

    [Fact]
    public void DefaultOptions_AreReference()
    {
        Assert.Equal(new VoxelScanOptions(1, 0.5, 0.75, 1.5), new VoxelScanOptions());
    }
}
