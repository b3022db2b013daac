namespace MlApt.Imaging;

/// <summary>One connected CSRO domain of selected sub-voxels.</summary>
/// <param name="Id">1-based label.</param>
/// <param name="SubVoxels">Number of sub-voxels.</param>
/// <param name="VolumeNm3">Volume (sub-voxels × stride³).</param>
/// <param name="EquivalentRadiusNm">Radius of the sphere of the same volume.</param>
/// <param name="Centroid">Mean of the sub-voxel centres (nm).</param>
public sealed record Domain(int Id, int SubVoxels, double VolumeNm3, double EquivalentRadiusNm, (double X, double Y, double Z) Centroid);

/// <summary>Connected components (26-neighbourhood) of the selected sub-voxels (METHOD §8).</summary>
public static class ConnectedDomains
{
    /// <summary>
    /// Labels every selected sub-voxel with its component (1 … n, in order of the first sub-voxel of
    /// each component in z, y, x order; 0 for unselected) and returns the domains.
    /// </summary>
    public static IReadOnlyList<Domain> Label(SubVoxelGrid grid, ReadOnlySpan<byte> selected, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (selected.Length != grid.Count || labels.Length != grid.Count)
            throw new ArgumentException($"selected and labels must have {grid.Count} entries");
        labels.Clear();
        var domains = new List<Domain>();
        var stack = new Stack<int>();
        var s = grid.Spacing;
        for (var start = 0; start < grid.Count; start++)
        {
            if (selected[start] == 0 || labels[start] != 0)
                continue;
            var id = domains.Count + 1;
            labels[start] = id;
            stack.Push(start);
            int n = 0;
            double sx = 0, sy = 0, sz = 0;
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                n++;
                var c = grid.Centre(v);
                sx += c.X; sy += c.Y; sz += c.Z;
                var (i, j, k) = grid.Split(v);
                for (var dk = -1; dk <= 1; dk++)
                {
                    var kk = k + dk;
                    if (kk < 0 || kk >= grid.Nz) continue;
                    for (var dj = -1; dj <= 1; dj++)
                    {
                        var jj = j + dj;
                        if (jj < 0 || jj >= grid.Ny) continue;
                        for (var di = -1; di <= 1; di++)
                        {
                            var ii = i + di;
                            if (ii < 0 || ii >= grid.Nx) continue;
                            var w = grid.Index(ii, jj, kk);
                            if (selected[w] == 0 || labels[w] != 0) continue;
                            labels[w] = id;
                            stack.Push(w);
                        }
                    }
                }
            }
            var volume = n * s * s * s;
            domains.Add(new Domain(id, n, volume, Math.Cbrt(3 * volume / (4 * Math.PI)), (sx / n, sy / n, sz / n)));
        }
        return domains;
    }
}
