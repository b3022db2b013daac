namespace MlApt.Imaging;

/// <summary>Histograms of domain sizes on shared bin edges, for plots and real-versus-control statistics.</summary>
internal static class SizeHistogram
{
    /// <summary>Histogram bin edges (1-atom wide up to 20, then wider) covering every size.</summary>
    public static double[] Edges(int[] real, IReadOnlyList<int[]>? controls)
    {
        var max = Math.Max(real.DefaultIfEmpty(0).Max(), controls?.SelectMany(c => c).DefaultIfEmpty(0).Max() ?? 0);
        var width = Math.Max(1, (int)Math.Ceiling((max + 1) / 40.0));
        var edges = new List<double>();
        for (var e = 0; e <= max + width; e += width) edges.Add(e);
        return edges.ToArray();
    }

    /// <summary>Counts of values in [edge_b, edge_b+1).</summary>
    public static double[] Count(int[] values, double[] edges)
    {
        var h = new double[edges.Length - 1];
        foreach (var v in values)
        {
            for (var b = 0; b < h.Length; b++)
            {
                if (v >= edges[b] && v < edges[b + 1]) { h[b]++; break; }
            }
        }
        return h;
    }

}
