namespace MlApt.Imaging;

/// <summary>A hash-free uniform grid over the points' bounding box.</summary>
internal sealed class PointGrid
{
    private readonly double[] _x, _y, _z;
    private readonly int[] _start, _items;
    private readonly double _ox, _oy, _oz, _cell;
    private readonly int _nx, _ny, _nz;

    public PointGrid(double[] x, double[] y, double[] z, double cell)
    {
        (_x, _y, _z, _cell) = (x, y, z, cell);
        (_ox, _oy, _oz) = (x.Min(), y.Min(), z.Min());
        _nx = (int)((x.Max() - _ox) / cell) + 1;
        _ny = (int)((y.Max() - _oy) / cell) + 1;
        _nz = (int)((z.Max() - _oz) / cell) + 1;
        var cells = checked(_nx * _ny * _nz);
        _start = new int[cells + 1];
        var cellOf = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            cellOf[i] = Cell(x[i], y[i], z[i]);
            _start[cellOf[i] + 1]++;
        }
        for (var c = 0; c < cells; c++)
            _start[c + 1] += _start[c];
        _items = new int[x.Length];
        var fill = _start[..^1].ToArray();
        for (var i = 0; i < x.Length; i++)
            _items[fill[cellOf[i]]++] = i;
    }

    private int Cell(double x, double y, double z) =>
        ((int)((z - _oz) / _cell) * _ny + (int)((y - _oy) / _cell)) * _nx + (int)((x - _ox) / _cell);

    public void Within(double x, double y, double z, double r2, List<int> result)
    {
        int ci = (int)((x - _ox) / _cell), cj = (int)((y - _oy) / _cell), ck = (int)((z - _oz) / _cell);
        for (var k = Math.Max(ck - 1, 0); k <= Math.Min(ck + 1, _nz - 1); k++)
        for (var j = Math.Max(cj - 1, 0); j <= Math.Min(cj + 1, _ny - 1); j++)
        for (var i = Math.Max(ci - 1, 0); i <= Math.Min(ci + 1, _nx - 1); i++)
        {
            var c = (k * _ny + j) * _nx + i;
            for (var t = _start[c]; t < _start[c + 1]; t++)
            {
                var q = _items[t];
                double dx = _x[q] - x, dy = _y[q] - y, dz = _z[q] - z;
                if (dx * dx + dy * dy + dz * dz <= r2)
                    result.Add(q);
            }
        }
    }

    /// <summary>
    /// The point nearest to (x, y, z) with squared distance ≤ <paramref name="r2"/> (r2 no larger than the
    /// cell edge squared), the lowest index on ties; −1 when none. The query may lie outside the grid.
    /// </summary>
    public int Nearest(double x, double y, double z, double r2)
    {
        int ci = CellCoordinate(x - _ox), cj = CellCoordinate(y - _oy), ck = CellCoordinate(z - _oz);
        var best = -1;
        var bestD2 = double.PositiveInfinity;
        for (var k = Math.Max(ck - 1, 0); k <= Math.Min(ck + 1, _nz - 1); k++)
        for (var j = Math.Max(cj - 1, 0); j <= Math.Min(cj + 1, _ny - 1); j++)
        for (var i = Math.Max(ci - 1, 0); i <= Math.Min(ci + 1, _nx - 1); i++)
        {
            var c = (k * _ny + j) * _nx + i;
            for (var t = _start[c]; t < _start[c + 1]; t++)
            {
                var q = _items[t];
                double dx = _x[q] - x, dy = _y[q] - y, dz = _z[q] - z;
                var d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= r2 && (d2 < bestD2 || (d2 == bestD2 && q < best)))
                {
                    best = q;
                    bestD2 = d2;
                }
            }
        }
        return best;
    }

    // Floor, clamped so that queries far outside the grid neither overflow nor wrap.
    private int CellCoordinate(double offset) => (int)Math.Clamp(Math.Floor(offset / _cell), -2, int.MaxValue / 4);
}
