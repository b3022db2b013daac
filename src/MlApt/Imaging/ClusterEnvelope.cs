namespace MlApt.Imaging;

/// <summary>
/// The envelope step of APT cluster analysis (maximum-separation style): every other ion joins the
/// cluster of its nearest clustered ion when that lies within the envelope distance, so a cluster's
/// composition counts all species, not only the element the clusters were found on.
/// </summary>
internal static class ClusterEnvelope
{
    /// <summary>
    /// Writes into <paramref name="result"/> the label of the nearest clustered point (label ≥ 0) within
    /// <paramref name="radius"/> of each query point, or −1; ties go to the lower clustered index.
    /// </summary>
    public static void Assign(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, ReadOnlySpan<int> labels,
        ReadOnlySpan<double> qx, ReadOnlySpan<double> qy, ReadOnlySpan<double> qz, double radius, Span<int> result)
    {
        if (y.Length != x.Length || z.Length != x.Length || labels.Length != x.Length)
            throw new ArgumentException("x, y, z and labels must have the same length");
        if (qy.Length != qx.Length || qz.Length != qx.Length || result.Length != qx.Length)
            throw new ArgumentException("qx, qy, qz and result must have the same length");
        if (!(radius > 0))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be positive");
        result.Fill(-1);
        var members = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0) members.Add(i);
        }
        if (members.Count == 0)
            return;
        double[] mx = new double[members.Count], my = new double[members.Count], mz = new double[members.Count];
        for (var t = 0; t < members.Count; t++)
            (mx[t], my[t], mz[t]) = (x[members[t]], y[members[t]], z[members[t]]);
        var grid = new PointGrid(mx, my, mz, radius);
        var r2 = radius * radius;
        for (var q = 0; q < qx.Length; q++)
        {
            var t = grid.Nearest(qx[q], qy[q], qz[q], r2);
            if (t >= 0)
                result[q] = labels[members[t]];
        }
    }
}
