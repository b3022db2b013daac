namespace MlApt.Imaging;

/// <summary>
/// The ions inside CSRO (METHOD §7): every ion, of any species, within 0.3535 nm (= s/2·1.414) of the
/// centre of a selected sub-voxel, each once. Because the radius is below the stride, an ion can only
/// be that close to the centres of its own sub-voxel and its 26 neighbours, so one pass over the ions
/// with a 27-cell look-up is exact and needs no neighbour index (memory stays flat for 100M ions).
/// </summary>
internal static class IonExtraction
{
    /// <summary>The reference extraction radius (nm).</summary>
    public const double ReferenceRadius = 0.3535;

    /// <summary>
    /// Marks the extracted ions: <paramref name="domainOfIon"/>[i] is 0 for ions not extracted, else the
    /// 1-based label (from <paramref name="labels"/>, or 1 when labels are empty) of the selected
    /// sub-voxel whose centre is nearest. Returns the number extracted.
    /// </summary>
    public static int Extract(SubVoxelGrid grid, ReadOnlySpan<byte> selected, ReadOnlySpan<int> labels,
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, double radius, Span<int> domainOfIon)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (selected.Length != grid.Count)
            throw new ArgumentException($"selected must have {grid.Count} entries", nameof(selected));
        if (!labels.IsEmpty && labels.Length != grid.Count)
            throw new ArgumentException($"labels must be empty or have {grid.Count} entries", nameof(labels));
        if (y.Length != x.Length || z.Length != x.Length || domainOfIon.Length != x.Length)
            throw new ArgumentException("x, y, z and the destination must have the same length");
        if (!(radius > 0) || radius >= grid.Spacing)
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "the extraction radius must be positive and below the stride");
        var s = grid.Spacing;
        var (ox, oy, oz) = grid.Origin;
        var r2 = radius * radius;
        var count = 0;
        for (var n = 0; n < x.Length; n++)
        {
            domainOfIon[n] = 0;
            var ci = (int)Math.Floor((x[n] - ox) / s);
            var cj = (int)Math.Floor((y[n] - oy) / s);
            var ck = (int)Math.Floor((z[n] - oz) / s);
            if (ci < -1 || cj < -1 || ck < -1 || ci > grid.Nx || cj > grid.Ny || ck > grid.Nz)
                continue;
            var best = double.MaxValue;
            var label = 0;
            for (var k = Math.Max(ck - 1, 0); k <= Math.Min(ck + 1, grid.Nz - 1); k++)
            {
                for (var j = Math.Max(cj - 1, 0); j <= Math.Min(cj + 1, grid.Ny - 1); j++)
                {
                    for (var i = Math.Max(ci - 1, 0); i <= Math.Min(ci + 1, grid.Nx - 1); i++)
                    {
                        var idx = grid.Index(i, j, k);
                        if (selected[idx] == 0)
                            continue;
                        double dx = x[n] - (ox + i * s + s / 2), dy = y[n] - (oy + j * s + s / 2), dz = z[n] - (oz + k * s + s / 2);
                        var d2 = dx * dx + dy * dy + dz * dz;
                        if (d2 <= r2 && d2 < best)
                        {
                            best = d2;
                            label = labels.IsEmpty ? 1 : labels[idx];
                        }
                    }
                }
            }
            if (label != 0)
            {
                domainOfIon[n] = label;
                count++;
            }
        }
        return count;
    }
}
