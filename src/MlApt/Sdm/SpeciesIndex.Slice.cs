using MlApt.Geometry;

namespace MlApt.Sdm;

public sealed partial class SpeciesIndex
{
    /// <summary>
    /// A copy of the atoms in the cell layers that can hold atoms with z in [zLow, zHigh], positions in cell
    /// order (the owned layout): a scan of a few voxel layers then reads consecutive memory instead of
    /// reaching into the whole reconstruction once per voxel. Same cells, so the same atoms in the same order
    /// as this index gives for any query inside that z range.
    /// </summary>
    internal SpeciesIndex SliceZ(double zLow, double zHigh)
    {
        var slack = QuerySlack * (1 + Math.Abs(zHigh - zLow));
        if (Count == 0 || !Axis(zLow - slack, zHigh + slack, Bounds.ZMin, Nz, out var z0, out var z1))
            return new SpeciesIndex(Bounds, CellSize, Nx, Ny, 1, Layout.Owned, [], [], [], null, null, null, [], new int[Nx * Ny + 1]);
        var layer = Nx * Ny;
        var first = _cellStart[z0 * layer];
        var end = _cellStart[(z1 + 1) * layer];
        var n = end - first;
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        var source = _source.AsSpan(first, n).ToArray();
        switch (_layout)
        {
            case Layout.Owned:
                _x!.AsSpan(first, n).CopyTo(x); _y!.AsSpan(first, n).CopyTo(y); _z!.AsSpan(first, n).CopyTo(z);
                break;
            case Layout.FloatView:
                for (var k = 0; k < n; k++) { var s = source[k]; x[k] = _fx![s]; y[k] = _fy![s]; z[k] = _fz![s]; }
                break;
            default:
                for (var k = 0; k < n; k++) { var s = source[k]; x[k] = _x![s]; y[k] = _y![s]; z[k] = _z![s]; }
                break;
        }
        var cellStart = new int[(z1 - z0 + 1) * layer + 1];
        for (var c = 0; c < cellStart.Length; c++)
            cellStart[c] = _cellStart[z0 * layer + c] - first;
        // The layers' own corner: whole cells above the original one, so cell boundaries stay where they were
        // (to rounding far below the query slack).
        var bounds = new Box(Bounds.XMin, Bounds.XMax, Bounds.YMin, Bounds.YMax,
            Bounds.ZMin + z0 * CellSize, Math.Min(Bounds.ZMax, Bounds.ZMin + (z1 + 1) * CellSize));
        return new SpeciesIndex(bounds, CellSize, Nx, Ny, z1 - z0 + 1, Layout.Owned, x, y, z, null, null, null, source, cellStart);
    }
}
