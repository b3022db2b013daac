using MlApt.Geometry;

namespace MlApt.Sdm;

/// <summary>
/// The atoms of one species in a uniform cell grid, built once and then queried many times: cells
/// are cubes of <see cref="CellSize"/> starting at the bounds' minimum corner, atoms are sorted by
/// cell (z, then y, then x fastest), so the atoms of a row of cells along x are one contiguous slice.
/// For a voxel scan the cell is the stride and the origin is the box corner, which puts every voxel
/// sphere's edge mid-cell: a 0.75 nm sphere always covers the same 4 × 4 × 4 block of 0.5 nm cells.
/// </summary>
/// <remarks>
/// Two layouts. <see cref="Build(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Box, double)"/>
/// copies the positions into cell order (fastest queries, 28 bytes per atom).
/// <see cref="ForVoxelScan(MlApt.Io.IonCloud, ReadOnlySpan{byte}, byte, VoxelGrid)"/> keeps only the cell order,
/// 4 bytes per atom, and reads the positions from the cloud's own arrays: a 100M-ion map then holds the
/// cloud once. Both give the same atoms in the same order with the same (exactly widened) coordinates.
/// </remarks>
public sealed partial class SpeciesIndex
{
    // Widening of a query's cell range. A point that passes the exact squared-distance test is at most a
    // few ulps outside the true sphere, so widening by far more than that (but far less than a cell)
    // and relying on the monotonicity of floating-point rounding guarantees no atom is missed.
    private const double QuerySlack = 1e-7;

    // Owned layout: _x, _y, _z in cell order. View layouts: the source arrays (_fx… for float32 sources,
    // _x… for double ones) indexed through _source.
    private readonly Layout _layout;
    private readonly double[]? _x;
    private readonly double[]? _y;
    private readonly double[]? _z;
    private readonly float[]? _fx;
    private readonly float[]? _fy;
    private readonly float[]? _fz;
    private readonly int[] _source;
    private readonly int[] _cellStart;
    private readonly double _inv;

    private enum Layout { Owned, FloatView, DoubleView }

    private SpeciesIndex(Box bounds, double cellSize, int nx, int ny, int nz, Layout layout,
        double[]? x, double[]? y, double[]? z, float[]? fx, float[]? fy, float[]? fz, int[] source, int[] cellStart)
    {
        Bounds = bounds; CellSize = cellSize; Nx = nx; Ny = ny; Nz = nz; _layout = layout;
        _x = x; _y = y; _z = z; _fx = fx; _fy = fy; _fz = fz; _source = source; _cellStart = cellStart;
        _inv = 1.0 / cellSize;
    }

    /// <summary>The region covered; atoms outside it (or with NaN coordinates) were left out.</summary>
    public Box Bounds { get; }
    /// <summary>Edge of a grid cell (nm).</summary>
    public double CellSize { get; }
    /// <summary>Cells along x.</summary>
    public int Nx { get; }
    /// <summary>Cells along y.</summary>
    public int Ny { get; }
    /// <summary>Cells along z.</summary>
    public int Nz { get; }
    /// <summary>Atoms held (inside <see cref="Bounds"/>).</summary>
    public int Count => _source.Length;
    /// <summary>True when the index holds copies of the positions in cell order (<see cref="X"/> etc. are available).</summary>
    public bool HoldsPositions => _layout == Layout.Owned;
    /// <summary>x of the held atoms in cell order (only when <see cref="HoldsPositions"/>; see <see cref="WithPositions"/>).</summary>
    public ReadOnlySpan<double> X => Owned(_x);
    /// <summary>y of the held atoms in cell order (only when <see cref="HoldsPositions"/>).</summary>
    public ReadOnlySpan<double> Y => Owned(_y);
    /// <summary>z of the held atoms in cell order (only when <see cref="HoldsPositions"/>).</summary>
    public ReadOnlySpan<double> Z => Owned(_z);
    /// <summary>For each held atom (cell order), its index in the arrays the index was built from.</summary>
    public ReadOnlySpan<int> SourceIndex => _source;

    /// <summary>Position of held atom <paramref name="k"/> (cell order), in the precision of the source.</summary>
    public (double X, double Y, double Z) PositionAt(int k)
    {
        switch (_layout)
        {
            case Layout.Owned:
                return (_x![k], _y![k], _z![k]);
            case Layout.FloatView:
                var i = _source[k];
                return (_fx![i], _fy![i], _fz![i]);
            default:
                var j = _source[k];
                return (_x![j], _y![j], _z![j]);
        }
    }

    private double[] Owned(double[]? a) =>
        _layout == Layout.Owned ? a! : throw new InvalidOperationException("this index reads positions from its source cloud; use PositionAt, SourceIndex or WithPositions");

    /// <summary>
    /// Indexes the atoms inside <paramref name="bounds"/> (inclusive) with cubic cells of
    /// <paramref name="cellSize"/> anchored at the bounds' minimum corner. Order inside a cell is the
    /// input order (the build is a stable counting sort), so results do not depend on threads.
    /// </summary>
    public static SpeciesIndex Build(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z,
        Box bounds, double cellSize)
    {
        ZSdm.CheckSoA(x, y, z, "atoms");
        if (!(cellSize > 0) || double.IsInfinity(cellSize))
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "must be positive and finite");
        if (!(bounds.XMax >= bounds.XMin && bounds.YMax >= bounds.YMin && bounds.ZMax >= bounds.ZMin))
            throw new ArgumentException("bounds must not be inverted", nameof(bounds));
        var (inv, nx, ny, nz, cellCount) = CellGrid(bounds, cellSize);

        var cellOf = new int[x.Length];
        var start = new int[cellCount + 1];
        var held = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!bounds.Contains(x[i], y[i], z[i])) { cellOf[i] = -1; continue; }
            var c = CellIndex(x[i], y[i], z[i], bounds, inv, nx, ny, nz);
            cellOf[i] = c;
            start[c + 1]++;
            held++;
        }
        for (var c = 0; c < cellCount; c++) start[c + 1] += start[c];

        var sx = new double[held];
        var sy = new double[held];
        var sz = new double[held];
        var source = new int[held];
        var next = start.AsSpan(0, (int)cellCount).ToArray();
        for (var i = 0; i < x.Length; i++)
        {
            var c = cellOf[i];
            if (c < 0) continue;
            var k = next[c]++;
            sx[k] = x[i]; sy[k] = y[i]; sz[k] = z[i]; source[k] = i;
        }
        return new SpeciesIndex(bounds, cellSize, nx, ny, nz, Layout.Owned, sx, sy, sz, null, null, null, source, start);
    }

    /// <summary>Indexes all atoms (NaN coordinates excepted) with cells of <paramref name="cellSize"/> over their bounding box.</summary>
    public static SpeciesIndex Build(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, double cellSize) =>
        x.Length == 0
            ? Build(x, y, z, new Box(0, 0, 0, 0, 0, 0), cellSize)
            : Build(x, y, z, Box.Bounding(x, y, z), cellSize);

    /// <summary>
    /// The index a voxel scan of <paramref name="grid"/> wants: cell = stride, anchored on the box
    /// corner (shifted by whole strides), covering the box plus the sphere radius and one spare cell.
    /// Atoms farther out can never be in a voxel sphere and are left out.
    /// </summary>
    public static SpeciesIndex ForVoxelScan(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, VoxelGrid grid) =>
        Build(x, y, z, ScanBounds(grid), grid.Options.Stride);

    /// <summary>The region a voxel scan of <paramref name="grid"/> needs: its box plus the sphere radius and one spare cell, in whole strides.</summary>
    private static Box ScanBounds(VoxelGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var o = grid.Options;
        var margin = (Math.Ceiling(o.SphereRadius / o.Stride) + 1) * o.Stride;
        return grid.Box.Expand(margin);
    }

    /// <summary>Cells of <paramref name="cellSize"/> over <paramref name="bounds"/>; refuses more than one array can index.</summary>
    private static (double Inv, int Nx, int Ny, int Nz, long Count) CellGrid(Box bounds, double cellSize)
    {
        var inv = 1.0 / cellSize;
        int nx = Cells(bounds.SizeX, inv), ny = Cells(bounds.SizeY, inv), nz = Cells(bounds.SizeZ, inv);
        var count = (long)nx * ny * nz;
        if (count >= Array.MaxLength)
            throw new ArgumentException($"{count} cells: bounds too large for cell size {cellSize}", nameof(cellSize));
        return (inv, nx, ny, nz, count);
    }

    /// <summary>
    /// Finds the held atoms whose squared distance to (cx, cy, cz), (x−cx)² + (y−cy)² + (z−cz)², is
    /// ≤ radius². Writes up to <c>destination.Length</c> of their cell-order positions (for
    /// <see cref="PositionAt"/>, <see cref="SourceIndex"/>) and returns how many there are in total;
    /// when that exceeds the destination, grow it and call again.
    /// </summary>
    public int Query(double cx, double cy, double cz, double radius, Span<int> destination) => _layout switch
    {
        Layout.Owned => QueryCore(new CellOrdered(_x!, _y!, _z!), cx, cy, cz, radius, destination),
        Layout.FloatView => QueryCore(new SourceArrays<float>(_fx!, _fy!, _fz!, _source), cx, cy, cz, radius, destination),
        _ => QueryCore(new SourceArrays<double>(_x!, _y!, _z!, _source), cx, cy, cz, radius, destination),
    };

    /// <summary>Number of held atoms within <paramref name="radius"/> of (cx, cy, cz) (same test as <see cref="Query"/>).</summary>
    public int CountWithin(double cx, double cy, double cz, double radius) => Query(cx, cy, cz, radius, []);

    /// <summary>
    /// Copies the positions of the held atoms within <paramref name="radius"/> of (cx, cy, cz) into the
    /// given buffers, growing them when needed (rarely; the caller keeps them across calls).
    /// Returns how many were written.
    /// </summary>
    internal int Gather(double cx, double cy, double cz, double radius, ref double[] x, ref double[] y, ref double[] z) => _layout switch
    {
        Layout.Owned => GatherCore(new CellOrdered(_x!, _y!, _z!), cx, cy, cz, radius, ref x, ref y, ref z),
        Layout.FloatView => GatherCore(new SourceArrays<float>(_fx!, _fy!, _fz!, _source), cx, cy, cz, radius, ref x, ref y, ref z),
        _ => GatherCore(new SourceArrays<double>(_x!, _y!, _z!, _source), cx, cy, cz, radius, ref x, ref y, ref z),
    };

    // Generic over the layout: the JIT compiles one specialised copy per store struct, so the layouts
    // share one loop without a per-atom branch or virtual call.
    private int QueryCore<TStore>(TStore store, double cx, double cy, double cz, double radius, Span<int> destination)
        where TStore : struct, IAtomStore
    {
        var n = 0;
        var r2 = radius * radius;
        if (!TryCellRange(cx, cy, cz, radius, out var r)) return 0;
        for (var iz = r.Z0; iz <= r.Z1; iz++)
        {
            for (var iy = r.Y0; iy <= r.Y1; iy++)
            {
                var row = (iz * Ny + iy) * Nx;
                int s = _cellStart[row + r.X0], e = _cellStart[row + r.X1 + 1];
                for (var k = s; k < e; k++)
                {
                    store.Get(k, out var ax, out var ay, out var az);
                    double dx = ax - cx, dy = ay - cy, dz = az - cz;
                    if (dx * dx + dy * dy + dz * dz <= r2)
                    {
                        if (n < destination.Length) destination[n] = k;
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private int GatherCore<TStore>(TStore store, double cx, double cy, double cz, double radius, ref double[] x, ref double[] y, ref double[] z)
        where TStore : struct, IAtomStore
    {
        var n = 0;
        var r2 = radius * radius;
        if (!TryCellRange(cx, cy, cz, radius, out var r)) return 0;
        for (var iz = r.Z0; iz <= r.Z1; iz++)
        {
            for (var iy = r.Y0; iy <= r.Y1; iy++)
            {
                var row = (iz * Ny + iy) * Nx;
                int s = _cellStart[row + r.X0], e = _cellStart[row + r.X1 + 1];
                // Branch-free compaction: write every candidate, advance only past those inside. A 0.75 nm
                // sphere fills about a fifth of its 4 × 4 × 4 block of 0.5 nm cells, so whether a candidate
                // is inside is close to random and a branch here would mispredict constantly.
                while (n + (e - s) > x.Length) Grow(ref x, ref y, ref z);
                for (var k = s; k < e; k++)
                {
                    store.Get(k, out var ax, out var ay, out var az);
                    double dx = ax - cx, dy = ay - cy, dz = az - cz;
                    x[n] = ax; y[n] = ay; z[n] = az;
                    n += dx * dx + dy * dy + dz * dz <= r2 ? 1 : 0;
                }
            }
        }
        return n;
    }

    /// <summary>
    /// Gathers every atom whose lateral squared distance from the line (cx, cy), (dx² + dy², as the sphere
    /// test sums it) is at most radius², with z within radius of [zLow, zHigh]: a superset of the atoms of
    /// every sphere of that radius centred on the line between zLow and zHigh. Returns the count.
    /// </summary>
    internal int GatherColumn(double cx, double cy, double zLow, double zHigh, double radius,
        ref double[] x, ref double[] y, ref double[] z) => _layout switch
    {
        Layout.Owned => GatherColumnCore(new CellOrdered(_x!, _y!, _z!), cx, cy, zLow, zHigh, radius, ref x, ref y, ref z),
        Layout.FloatView => GatherColumnCore(new SourceArrays<float>(_fx!, _fy!, _fz!, _source), cx, cy, zLow, zHigh, radius, ref x, ref y, ref z),
        _ => GatherColumnCore(new SourceArrays<double>(_x!, _y!, _z!, _source), cx, cy, zLow, zHigh, radius, ref x, ref y, ref z),
    };

    private int GatherColumnCore<TStore>(TStore store, double cx, double cy, double zLow, double zHigh, double radius,
        ref double[] x, ref double[] y, ref double[] z)
        where TStore : struct, IAtomStore
    {
        var n = 0;
        var r2 = radius * radius;
        var slack = QuerySlack * (1 + radius);
        if (Count == 0
            || !Axis(cx - radius - slack, cx + radius + slack, Bounds.XMin, Nx, out var x0, out var x1)
            || !Axis(cy - radius - slack, cy + radius + slack, Bounds.YMin, Ny, out var y0, out var y1)
            || !Axis(zLow - radius - slack, zHigh + radius + slack, Bounds.ZMin, Nz, out var z0, out var z1))
            return 0;
        for (var iz = z0; iz <= z1; iz++)
        {
            for (var iy = y0; iy <= y1; iy++)
            {
                var row = (iz * Ny + iy) * Nx;
                int s = _cellStart[row + x0], e = _cellStart[row + x1 + 1];
                while (n + (e - s) > x.Length) Grow(ref x, ref y, ref z);
                for (var k = s; k < e; k++)
                {
                    store.Get(k, out var ax, out var ay, out var az);
                    double dx = ax - cx, dy = ay - cy;
                    x[n] = ax; y[n] = ay; z[n] = az;
                    // Branch-free compaction, as in GatherCore; the z range is left to the caller's exact test.
                    n += dx * dx + dy * dy <= r2 ? 1 : 0;
                }
            }
        }
        return n;
    }

    internal static void Grow(ref double[] x, ref double[] y, ref double[] z)
    {
        var size = Math.Max(64, x.Length * 2);
        Array.Resize(ref x, size);
        Array.Resize(ref y, size);
        Array.Resize(ref z, size);
    }

    /// <summary>The contiguous slice [start, end) of held atoms in cells x0 … x1 of row (iz, iy).</summary>
    internal (int Start, int End) RowSlice(int iz, int iy, int x0, int x1)
    {
        var row = (iz * Ny + iy) * Nx;
        return (_cellStart[row + x0], _cellStart[row + x1 + 1]);
    }

    internal readonly record struct CellRange(int X0, int X1, int Y0, int Y1, int Z0, int Z1);

    /// <summary>The inclusive block of cells that can hold atoms within <paramref name="radius"/> of a point; false if empty.</summary>
    internal bool TryCellRange(double cx, double cy, double cz, double radius, out CellRange range)
    {
        var slack = QuerySlack * (1 + radius);
        range = default;
        if (Count == 0
            || !Axis(cx - radius - slack, cx + radius + slack, Bounds.XMin, Nx, out var x0, out var x1)
            || !Axis(cy - radius - slack, cy + radius + slack, Bounds.YMin, Ny, out var y0, out var y1)
            || !Axis(cz - radius - slack, cz + radius + slack, Bounds.ZMin, Nz, out var z0, out var z1))
            return false;
        range = new CellRange(x0, x1, y0, y1, z0, z1);
        return true;
    }

    private bool Axis(double lo, double hi, double min, int n, out int i0, out int i1)
    {
        // Same arithmetic as CellIndex, so monotonic rounding keeps every qualifying atom inside.
        var a = Math.Floor((lo - min) * _inv);
        var b = Math.Floor((hi - min) * _inv);
        i0 = 0; i1 = -1;
        if (!(b >= 0) || !(a <= n - 1)) return false; // also false for NaN centres
        i0 = a < 0 ? 0 : (int)a;
        i1 = b > n - 1 ? n - 1 : (int)b;
        return true;
    }

    private static int Cells(double size, double inv) => Math.Max(1, (int)Math.Ceiling(size * inv));

    private static int CellIndex(double x, double y, double z, Box b, double inv, int nx, int ny, int nz)
    {
        var ix = Math.Min((int)((x - b.XMin) * inv), nx - 1);
        var iy = Math.Min((int)((y - b.YMin) * inv), ny - 1);
        var iz = Math.Min((int)((z - b.ZMin) * inv), nz - 1);
        return (iz * ny + iy) * nx + ix;
    }
}
