using MlApt.Geometry;

namespace MlApt.Sdm;

/// <summary>
/// The voxels of a scan (METHOD §3): along each axis corners are box_min + i·s for i = 0, 1, …
/// while corner + v ≤ box_max; the centre is corner + v/2. Voxel indices run z outermost, then y,
/// then x fastest: index = (k·Ny + j)·Nx + i.
/// </summary>
public sealed class VoxelGrid
{
    /// <summary>Creates the grid of <paramref name="box"/> with the reference geometry (1 nm voxels, 0.5 nm stride).</summary>
    public VoxelGrid(Box box) : this(box, new VoxelScanOptions()) { }

    /// <summary>Creates the grid of <paramref name="box"/> with the given scan geometry.</summary>
    public VoxelGrid(Box box, VoxelScanOptions options)
    {
        options.Validate();
        Box = box;
        Options = options;
        Nx = AxisCount(box.XMin, box.XMax, options);
        Ny = AxisCount(box.YMin, box.YMax, options);
        Nz = AxisCount(box.ZMin, box.ZMax, options);
        var count = (long)Nx * Ny * Nz;
        if (count > Array.MaxLength)
            throw new ArgumentException($"{count} voxels are too many for one scan", nameof(box));
        Count = (int)count;
    }

    /// <summary>The analysis box.</summary>
    public Box Box { get; }
    /// <summary>The scan geometry.</summary>
    public VoxelScanOptions Options { get; }
    /// <summary>Voxels along x.</summary>
    public int Nx { get; }
    /// <summary>Voxels along y.</summary>
    public int Ny { get; }
    /// <summary>Voxels along z.</summary>
    public int Nz { get; }
    /// <summary>Total number of voxels, Nx·Ny·Nz.</summary>
    public int Count { get; }

    /// <summary>Centre x of voxel column <paramref name="i"/>: (XMin + i·s) + v/2, evaluated in that order.</summary>
    public double CentreX(int i) => Centre(Box.XMin, i);
    /// <summary>Centre y of voxel row <paramref name="j"/>.</summary>
    public double CentreY(int j) => Centre(Box.YMin, j);
    /// <summary>Centre z of voxel layer <paramref name="k"/>.</summary>
    public double CentreZ(int k) => Centre(Box.ZMin, k);

    /// <summary>The (i, j, k) of a linear voxel index.</summary>
    public (int I, int J, int K) Split(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var i = index % Nx;
        var rest = index / Nx;
        return (i, rest % Ny, rest / Ny);
    }

    /// <summary>The linear index of voxel (i, j, k).</summary>
    public int Index(int i, int j, int k) => (k * Ny + j) * Nx + i;

    /// <summary>The centre of a voxel given by its linear index.</summary>
    public (double X, double Y, double Z) Centre(int index)
    {
        var (i, j, k) = Split(index);
        return (CentreX(i), CentreY(j), CentreZ(k));
    }

    /// <summary>Writes all centres in scan order (each span of length <see cref="Count"/>).</summary>
    public void Centres(Span<double> x, Span<double> y, Span<double> z)
    {
        if (x.Length != Count || y.Length != Count || z.Length != Count)
            throw new ArgumentException($"each destination must have length {Count}");
        var n = 0;
        for (var k = 0; k < Nz; k++)
        {
            var cz = CentreZ(k);
            for (var j = 0; j < Ny; j++)
            {
                var cy = CentreY(j);
                for (var i = 0; i < Nx; i++, n++)
                {
                    x[n] = CentreX(i); y[n] = cy; z[n] = cz;
                }
            }
        }
    }

    private double Centre(double min, int i) => min + i * Options.Stride + Options.Voxel / 2;

    private static int AxisCount(double min, double max, VoxelScanOptions o)
    {
        if (!(max >= min)) throw new ArgumentException("box max must not be below box min");
        // Literal loop rather than floor((max - min - v) / s) + 1: the reference decides with the same
        // floating-point comparison corner + v <= max, and the closed form can be off by one on edges.
        var n = 0;
        while (min + n * o.Stride + o.Voxel <= max)
        {
            n++;
            if (n == int.MaxValue) throw new ArgumentException("too many voxels along one axis");
        }
        return n;
    }
}
