using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Sdm;

namespace MlApt.Tests.Imaging;

public class MapBudgetTests
{
    [Theory]
    [InlineData(-10, 10, -10, 10, -120, 0, 1.0, 0.5)]
    [InlineData(-2, 2, -2, 2, -5, -1, 1.0, 0.5)]
    [InlineData(0, 3.3, 0, 1.7, 0, 9.1, 1.2, 0.4)]
    [InlineData(0, 0.9, 0, 5, 0, 5, 1.0, 0.5)]
    public void Grid_counts_agree_with_the_grids_built(double x0, double x1, double y0, double y1, double z0, double z1, double voxel, double stride)
    {
        var box = new Box(x0, x1, y0, y1, z0, z1);
        var scan = new VoxelScanOptions(voxel, stride, 0.75 * voxel, 1.5);
        var budget = MapBudget.Estimate(box, scan, 1000, 1, 1);
        var grid = new VoxelGrid(box, scan);
        Assert.Equal(grid.Count, budget.Voxels);
        if (grid.Count > 0)
            Assert.Equal(new SubVoxelGrid(grid).Count, budget.SubVoxels);
    }

    [Fact]
    public void Absurd_grids_are_refused_with_their_size_before_anything_is_allocated()
    {
        var scan = new VoxelScanOptions(1.0, 0.5, 0.75, 1.5);
        var budget = MapBudget.Estimate(new Box(0, 1e30, 0, 1, 0, 1), scan, 3, 1, 1);
        var problem = budget.Problem(double.PositiveInfinity);
        Assert.NotNull(problem);
        Assert.Contains("2e30", problem, StringComparison.Ordinal);
        Assert.Contains("limit", problem, StringComparison.Ordinal);
        Assert.Null(MapBudget.Estimate(new Box(-10, 10, -10, 10, -120, 0), scan, 1_000_000, 6, 3).Problem(double.PositiveInfinity));
    }

    [Fact]
    public void Memory_grows_with_ions_grid_and_kept_controls_and_is_refused_above_what_is_available()
    {
        var scan = new VoxelScanOptions(1.0, 0.5, 0.75, 1.5);
        var box = new Box(-20, 20, -20, 20, -200, 0);
        var one = MapBudget.Estimate(box, scan, 10_000_000, 1, 1);
        Assert.True(MapBudget.Estimate(box, scan, 20_000_000, 1, 1).Bytes > one.Bytes);
        Assert.True(MapBudget.Estimate(box, scan, 10_000_000, 1, 1, controls: 3).Bytes > one.Bytes + 3 * one.SubVoxels * 14);
        Assert.Null(one.Problem(one.Bytes * 1.01));
        var refused = one.Problem(one.Bytes * 0.5);
        Assert.NotNull(refused);
        Assert.Contains("GiB", refused, StringComparison.Ordinal);
        Assert.True(MapBudget.AvailableBytes() > 0);
    }
}
