namespace MlApt.Specimens;

/// <summary>
/// Fast "is this point inside any domain" for many spheres: a uniform grid of cells (edge = the largest
/// diameter) lists the spheres touching each cell.
/// </summary>
internal sealed class DomainIndex
{
    private readonly IReadOnlyList<SphericalDomain> _domains;
    private readonly Dictionary<(int, int, int), List<int>> _cells = [];
    private readonly double _cell;

    /// <summary>Indexes the spheres.</summary>
    public DomainIndex(IReadOnlyList<SphericalDomain> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        _domains = domains;
        _cell = Math.Max(1e-3, domains.Count == 0 ? 1 : 2 * domains.Max(d => d.Radius));
        for (var n = 0; n < domains.Count; n++)
        {
            var d = domains[n];
            var (ilo, jlo, klo) = Key(d.X - d.Radius, d.Y - d.Radius, d.Z - d.Radius);
            var (ihi, jhi, khi) = Key(d.X + d.Radius, d.Y + d.Radius, d.Z + d.Radius);
            for (var k = klo; k <= khi; k++)
            for (var j = jlo; j <= jhi; j++)
            for (var i = ilo; i <= ihi; i++)
            {
                if (!_cells.TryGetValue((i, j, k), out var list)) _cells[(i, j, k)] = list = [];
                list.Add(n);
            }
        }
    }

    /// <summary>Whether the point lies inside any sphere.</summary>
    public bool Contains(double x, double y, double z)
    {
        if (_cells.Count == 0 || !_cells.TryGetValue(Key(x, y, z), out var list)) return false;
        foreach (var n in list)
        {
            if (_domains[n].Contains(x, y, z)) return true;
        }
        return false;
    }

    private (int, int, int) Key(double x, double y, double z) =>
        ((int)Math.Floor(x / _cell), (int)Math.Floor(y / _cell), (int)Math.Floor(z / _cell));
}
