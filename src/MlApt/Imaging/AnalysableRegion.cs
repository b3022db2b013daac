using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// Finds where a reconstruction can be analysed when no box is given: the grid spans the bounding box
/// of all ions, and a voxel counts as inside the specimen when the ion density of its cube (all species)
/// is at least half the median density of the occupied voxels. This drops the voxels that stick out of a
/// conical specimen or sit at its open ends, whose z-SDMs would be built from too few atoms. Counting uses
/// a histogram over the stride grid, so it streams through any number of ions.
/// </summary>
internal static class AnalysableRegion
{
    /// <summary>The bounding box of the ions (nm).</summary>
    public static Box BoundingBox(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z)
    {
        var b = Bounds3.Of(x, y, z) ?? throw new ArgumentException("no ions");
        return new Box(b.Min.X, b.Max.X, b.Min.Y, b.Max.Y, b.Min.Z, b.Max.Z);
    }

    /// <summary>
    /// Marks analysable voxels (true) and returns their count. <paramref name="densityFraction"/> is
    /// the fraction of the median occupied-voxel count a voxel needs (0.5).
    /// </summary>
    public static int Mark(VoxelGrid grid, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<bool> analysable,
        double densityFraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (analysable.Length != grid.Count)
            throw new ArgumentException($"analysable must have {grid.Count} entries", nameof(analysable));
        var sub = new SubVoxelGrid(grid);
        var cells = new int[sub.Count];
        var s = sub.Spacing;
        var (ox, oy, oz) = sub.Origin;
        for (var n = 0; n < x.Length; n++)
        {
            var i = (int)Math.Floor((x[n] - ox) / s);
            var j = (int)Math.Floor((y[n] - oy) / s);
            var k = (int)Math.Floor((z[n] - oz) / s);
            // Ions on the upper box faces belong to the last cell.
            if (i == sub.Nx) i--;
            if (j == sub.Ny) j--;
            if (k == sub.Nz) k--;
            if ((uint)i < (uint)sub.Nx && (uint)j < (uint)sub.Ny && (uint)k < (uint)sub.Nz)
                cells[sub.Index(i, j, k)]++;
        }
        var counts = new int[grid.Count];
        var m = sub.Span;
        for (var k = 0; k < grid.Nz; k++)
        for (var j = 0; j < grid.Ny; j++)
        for (var i = 0; i < grid.Nx; i++)
        {
            var total = 0;
            for (var dk = 0; dk < m; dk++)
            for (var dj = 0; dj < m; dj++)
            for (var di = 0; di < m; di++)
            {
                int ii = i + di, jj = j + dj, kk = k + dk;
                if (ii < sub.Nx && jj < sub.Ny && kk < sub.Nz)
                    total += cells[sub.Index(ii, jj, kk)];
            }
            counts[grid.Index(i, j, k)] = total;
        }
        var occupied = counts.Where(c => c > 0).Order().ToArray();
        if (occupied.Length == 0)
        {
            analysable.Clear();
            return 0;
        }
        var median = occupied.Length % 2 == 1
            ? occupied[occupied.Length / 2]
            : 0.5 * (occupied[occupied.Length / 2 - 1] + occupied[occupied.Length / 2]);
        var need = densityFraction * median;
        var n2 = 0;
        for (var v = 0; v < counts.Length; v++)
        {
            analysable[v] = counts[v] > 0 && counts[v] >= need;
            if (analysable[v])
                n2++;
        }
        return n2;
    }
}
