using MlApt.Numerics;
namespace MlApt.Imaging;

/// <summary>
/// DBSCAN (Ester et al. 1996) with scikit-learn's conventions, as the reference uses it on extracted
/// ions (eps 0.4 nm, min_samples 3): a point is core when at least min_samples points (itself
/// included) lie within eps (distance ≤ eps); clusters grow from core points in input order; a border
/// point joins the first cluster that reaches it; the rest is noise (label −1). Neighbours come from
/// a uniform grid of eps-sized cells.
/// </summary>
public static class Dbscan
{
    /// <summary>Labels points 0 … clusters−1 (noise −1); returns the number of clusters.</summary>
    public static int Cluster(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, double eps, int minSamples, Span<int> labels)
    {
        if (y.Length != x.Length || z.Length != x.Length || labels.Length != x.Length)
            throw new ArgumentException("x, y, z and labels must have the same length");
        if (!(eps > 0))
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be positive");
        var n = x.Length;
        labels.Fill(-1);
        if (n == 0)
            return 0;
        var (xs, ys, zs) = (x.ToArray(), y.ToArray(), z.ToArray());
        var grid = new CellGrid(xs, ys, zs, eps);
        var eps2 = eps * eps;
        var neighbours = new List<int>[n];
        var core = new bool[n];
        Parallel.For(0, n, Parallelism.Options, p =>
        {
            var list = new List<int>();
            grid.Within(xs[p], ys[p], zs[p], eps2, list);
            list.Sort();
            neighbours[p] = list;
            core[p] = list.Count >= minSamples;
        });
        var clusters = 0;
        var queue = new Queue<int>();
        for (var p = 0; p < n; p++)
        {
            if (labels[p] != -1 || !core[p])
                continue;
            var id = clusters++;
            labels[p] = id;
            queue.Enqueue(p);
            while (queue.Count > 0)
            {
                var q = queue.Dequeue();
                if (!core[q])
                    continue;
                foreach (var r in neighbours[q])
                {
                    if (labels[r] != -1)
                        continue;
                    labels[r] = id;
                    queue.Enqueue(r);
                }
            }
        }
        return clusters;
    }

    /// <summary>A hash-free uniform grid over the points' bounding box.</summary>
    private sealed class CellGrid
    {
        private readonly double[] _x, _y, _z;
        private readonly int[] _start, _items;
        private readonly double _ox, _oy, _oz, _cell;
        private readonly int _nx, _ny, _nz;

        public CellGrid(double[] x, double[] y, double[] z, double cell)
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
    }
}
