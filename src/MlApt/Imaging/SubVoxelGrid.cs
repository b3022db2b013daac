using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// The sub-voxels of a voxel scan (METHOD §7): the stride × stride × stride cubes with corners
/// box_min + j·s for j = 0 … extent/s − 1 along each axis (the reference box gives 240 × 40 × 40), ordered
/// z, y, x like the voxels. With voxel = m·stride (m an integer, 2 in the reference), voxel i covers
/// sub-voxels i … i + m − 1, so sub-voxel j is covered by the voxels j − m + 1 … j that exist.
/// </summary>
public sealed class SubVoxelGrid
{
    /// <summary>Builds the sub-voxel grid of a voxel grid; the voxel must be a whole number of strides.</summary>
    public SubVoxelGrid(VoxelGrid voxels)
    {
        ArgumentNullException.ThrowIfNull(voxels);
        Voxels = voxels;
        var o = voxels.Options;
        var ratio = o.Voxel / o.Stride;
        Span = (int)Math.Round(ratio);
        if (Math.Abs(ratio - Span) > 1e-9 || Span < 1)
            throw new ArgumentException($"voxel {o.Voxel} nm is not a whole number of strides {o.Stride} nm: sub-voxels need voxel = m·stride");
        var b = voxels.Box;
        Nx = AxisCount(b.SizeX, o.Stride);
        Ny = AxisCount(b.SizeY, o.Stride);
        Nz = AxisCount(b.SizeZ, o.Stride);
        Count = checked(Nx * Ny * Nz);
    }

    /// <summary>The voxel grid the sub-voxels belong to.</summary>
    public VoxelGrid Voxels { get; }
    /// <summary>Voxel edge in strides (m = voxel / stride).</summary>
    public int Span { get; }
    /// <summary>Sub-voxels along x.</summary>
    public int Nx { get; }
    /// <summary>Sub-voxels along y.</summary>
    public int Ny { get; }
    /// <summary>Sub-voxels along z.</summary>
    public int Nz { get; }
    /// <summary>Number of sub-voxels.</summary>
    public int Count { get; }
    /// <summary>Sub-voxel edge (nm) = the stride.</summary>
    public double Spacing => Voxels.Options.Stride;
    /// <summary>The corner of sub-voxel (0, 0, 0) = the box minimum.</summary>
    public (double X, double Y, double Z) Origin => (Voxels.Box.XMin, Voxels.Box.YMin, Voxels.Box.ZMin);

    /// <summary>Flat index of sub-voxel (i, j, k), z outermost.</summary>
    public int Index(int i, int j, int k) => (k * Ny + j) * Nx + i;

    /// <summary>The (i, j, k) of a flat index.</summary>
    public (int I, int J, int K) Split(int index)
    {
        var i = index % Nx;
        var rest = index / Nx;
        return (i, rest % Ny, rest / Ny);
    }

    /// <summary>The centre of a sub-voxel.</summary>
    public (double X, double Y, double Z) Centre(int index)
    {
        var (i, j, k) = Split(index);
        var s = Spacing;
        return (Voxels.Box.XMin + i * s + s / 2, Voxels.Box.YMin + j * s + s / 2, Voxels.Box.ZMin + k * s + s / 2);
    }

    /// <summary>The range of voxel indices along one axis that cover sub-voxel <paramref name="j"/>.</summary>
    public (int First, int Last) Covering(int j, int voxelsOnAxis) => (Math.Max(0, j - Span + 1), Math.Min(voxelsOnAxis - 1, j));

    private static int AxisCount(double extent, double stride)
    {
        var n = (int)Math.Floor(extent / stride + 1e-9);
        return Math.Max(n, 0);
    }
}
