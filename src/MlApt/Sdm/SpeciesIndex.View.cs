using System.Numerics;
using System.Runtime.CompilerServices;
using MlApt.Geometry;
using MlApt.Io;

namespace MlApt.Sdm;

public sealed partial class SpeciesIndex
{
    /// <summary>
    /// The index a voxel scan of <paramref name="grid"/> wants, over the ions of one species of a ranged
    /// cloud, without copying positions: it keeps 4 bytes per held ion (the cell order) and reads x, y, z
    /// from the cloud (its float32 arrays widened exactly, or its text values when it has them). Same
    /// cells, atoms, order and coordinates as building from <c>ElementPair.Positions</c>, so scans give
    /// identical counts. The cloud must not change while the index is in use.
    /// </summary>
    /// <param name="cloud">The reconstruction.</param>
    /// <param name="species">Species of every ion (from <c>RangeTable.Assign</c>).</param>
    /// <param name="speciesId">The species to hold.</param>
    /// <param name="grid">The voxel grid of the scan.</param>
    public static SpeciesIndex ForVoxelScan(IonCloud cloud, ReadOnlySpan<byte> species, byte speciesId, VoxelGrid grid)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(grid);
        if (species.Length != cloud.Count)
            throw new ArgumentException($"{species.Length} species for {cloud.Count} ions", nameof(species));
        var bounds = ScanBounds(grid);
        var cellSize = grid.Options.Stride;
        var (inv, nx, ny, nz, cellCount) = CellGrid(bounds, cellSize);

        // A stable counting sort in two passes that each recompute the cell (cheap next to a per-ion
        // array of cells, which would cost another 4 bytes per ion at peak).
        var start = new int[cellCount + 1];
        int[] order;
        if (cloud.Text is { } t)
        {
            var store = new SourceArrays<double>(t.X, t.Y, t.Z, null!);
            order = Sort(store, species, speciesId, bounds, inv, nx, ny, nz, start);
            return new SpeciesIndex(bounds, cellSize, nx, ny, nz, Layout.DoubleView, t.X, t.Y, t.Z, null, null, null, order, start);
        }
        else
        {
            var store = new SourceArrays<float>(cloud.X, cloud.Y, cloud.Z, null!);
            order = Sort(store, species, speciesId, bounds, inv, nx, ny, nz, start);
            return new SpeciesIndex(bounds, cellSize, nx, ny, nz, Layout.FloatView, null, null, null, cloud.X, cloud.Y, cloud.Z, order, start);
        }
    }

    /// <summary>
    /// This index with its positions copied into cell order (itself when it already holds them): same
    /// cells, atoms and order, for the kernels that stream <see cref="X"/>, <see cref="Y"/>, <see cref="Z"/>.
    /// </summary>
    public SpeciesIndex WithPositions()
    {
        if (_layout == Layout.Owned)
            return this;
        var n = Count;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (var k = 0; k < n; k++)
            (x[k], y[k], z[k]) = PositionAt(k);
        return new SpeciesIndex(Bounds, CellSize, Nx, Ny, Nz, Layout.Owned, x, y, z, null, null, null, _source, _cellStart);
    }

    private static int[] Sort<TStore>(TStore source, ReadOnlySpan<byte> species, byte speciesId, Box bounds, double inv,
        int nx, int ny, int nz, int[] start)
        where TStore : struct, IAtomStore
    {
        var held = 0;
        for (var i = 0; i < species.Length; i++)
        {
            if (species[i] != speciesId) continue;
            source.GetSource(i, out var x, out var y, out var z);
            if (!bounds.Contains(x, y, z)) continue;
            start[CellIndex(x, y, z, bounds, inv, nx, ny, nz) + 1]++;
            held++;
        }
        var cells = start.Length - 1;
        for (var c = 0; c < cells; c++) start[c + 1] += start[c];
        var next = start.AsSpan(0, cells).ToArray();
        var order = new int[held];
        for (var i = 0; i < species.Length; i++)
        {
            if (species[i] != speciesId) continue;
            source.GetSource(i, out var x, out var y, out var z);
            if (!bounds.Contains(x, y, z)) continue;
            order[next[CellIndex(x, y, z, bounds, inv, nx, ny, nz)]++] = i;
        }
        return order;
    }

    /// <summary>Where a layout's coordinates live: <see cref="Get"/> by cell-order position, <see cref="GetSource"/> by source index.</summary>
    private interface IAtomStore
    {
        void Get(int k, out double x, out double y, out double z);
        void GetSource(int i, out double x, out double y, out double z);
    }

    /// <summary>Positions copied into cell order.</summary>
    private readonly struct CellOrdered(double[] x, double[] y, double[] z) : IAtomStore
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Get(int k, out double ax, out double ay, out double az) { ax = x[k]; ay = y[k]; az = z[k]; }
        public void GetSource(int i, out double ax, out double ay, out double az) => throw new NotSupportedException();
    }

    /// <summary>
    /// A cloud's own arrays through the cell order: float32 (POS, EPOS, APT), widened exactly, or the double
    /// values of a text source. Generic over the element type so the JIT emits one copy per type.
    /// </summary>
    private readonly struct SourceArrays<T>(T[] x, T[] y, T[] z, int[] order) : IAtomStore
        where T : unmanaged, INumberBase<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Get(int k, out double ax, out double ay, out double az) => GetSource(order[k], out ax, out ay, out az);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void GetSource(int i, out double ax, out double ay, out double az)
        {
            ax = double.CreateTruncating(x[i]); ay = double.CreateTruncating(y[i]); az = double.CreateTruncating(z[i]);
        }
    }
}
