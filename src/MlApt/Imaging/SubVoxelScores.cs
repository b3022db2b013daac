namespace MlApt.Imaging;

/// <summary>
/// Sub-voxel scores from voxel probabilities (METHOD §7). The reference score is the <b>sum</b> of
/// P(CSRO) over the covering voxels (0 … 8 in the reference geometry); the mean over the covering
/// voxels has no edge bias. A sub-voxel is undefined (NaN) when any covering voxel is undefined or
/// none covers it.
/// </summary>
internal static class SubVoxelScores
{
    /// <summary>
    /// Computes the sum and the mean score of every sub-voxel from voxel probabilities (NaN =
    /// undefined), and the number of covering voxels.
    /// </summary>
    public static void Compute(SubVoxelGrid grid, ReadOnlySpan<float> voxelProbability, Span<float> sum, Span<float> mean, Span<byte> covering)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var v = grid.Voxels;
        if (voxelProbability.Length != v.Count)
            throw new ArgumentException($"expected {v.Count} voxel probabilities, got {voxelProbability.Length}", nameof(voxelProbability));
        if (sum.Length != grid.Count || mean.Length != grid.Count || covering.Length != grid.Count)
            throw new ArgumentException($"each destination must have {grid.Count} entries");
        for (var k = 0; k < grid.Nz; k++)
        {
            var (k0, k1) = grid.Covering(k, v.Nz);
            for (var j = 0; j < grid.Ny; j++)
            {
                var (j0, j1) = grid.Covering(j, v.Ny);
                for (var i = 0; i < grid.Nx; i++)
                {
                    var (i0, i1) = grid.Covering(i, v.Nx);
                    // Summed in double, voxel order z, y, x, then rounded once: the score is a float32 array.
                    double total = 0;
                    var n = 0;
                    var undefined = false;
                    for (var kk = k0; kk <= k1; kk++)
                    {
                        for (var jj = j0; jj <= j1; jj++)
                        {
                            for (var ii = i0; ii <= i1; ii++)
                            {
                                var p = voxelProbability[v.Index(ii, jj, kk)];
                                if (float.IsNaN(p))
                                    undefined = true;
                                total += p;
                                n++;
                            }
                        }
                    }
                    var s = grid.Index(i, j, k);
                    covering[s] = (byte)n;
                    if (undefined || n == 0)
                    {
                        sum[s] = float.NaN;
                        mean[s] = float.NaN;
                    }
                    else
                    {
                        sum[s] = (float)total;
                        mean[s] = (float)(total / n);
                    }
                }
            }
        }
    }
}
