using MlApt.Numerics;
namespace MlApt.Imaging;

/// <summary>
/// DBSCAN (Ester et al. 1996) with scikit-learn's conventions, as the reference uses it on extracted
/// ions (eps 0.4 nm, min_samples 3): a point is core when at least min_samples points (itself
/// included) lie within eps (distance ≤ eps); clusters grow from core points in input order; a border
/// point joins the first cluster that reaches it; the rest is noise (label −1). Neighbours come from
/// a uniform grid of eps-sized cells.
/// </summary>
internal static class Dbscan
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
        var grid = new PointGrid(xs, ys, zs, eps);
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
}
