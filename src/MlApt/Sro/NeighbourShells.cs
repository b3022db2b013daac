using System.Globalization;

namespace MlApt.Sro;

/// <summary>
/// Neighbour lists by shell for atoms in a periodic cell of any shape: shell m holds the m-th distinct
/// neighbour distance (FCC: 12, 6, 24 neighbours; BCC: 8, 6, 12). Lists are compressed rows per shell
/// (<see cref="Of"/>), found with a cell list, and symmetric (j is a neighbour of i iff i is of j).
/// </summary>
public sealed class NeighbourShells
{
    /// <summary>Distances closer than this fraction of the first-shell distance are one shell.</summary>
    private const double ClusterTolerance = 0.05;

    private readonly int[][] _start;
    private readonly int[][] _index;

    private NeighbourShells(int count, double[] distances, int[][] start, int[][] index)
    {
        Count = count; Distances = distances; _start = start; _index = index;
    }

    /// <summary>Number of atoms.</summary>
    public int Count { get; }
    /// <summary>Number of shells.</summary>
    public int Shells => Distances.Count;
    /// <summary>The distance of each shell (index 0 = shell 1), in the units of the positions.</summary>
    public IReadOnlyList<double> Distances { get; }

    /// <summary>The neighbours of <paramref name="atom"/> in shell <paramref name="shell"/> (1-based).</summary>
    public ReadOnlySpan<int> Of(int atom, int shell)
    {
        var start = _start[shell - 1];
        return _index[shell - 1].AsSpan(start[atom], start[atom + 1] - start[atom]);
    }

    /// <summary>The common number of neighbours of every atom in <paramref name="shell"/>, or null when atoms differ.</summary>
    public int? UniformCoordination(int shell)
    {
        var start = _start[shell - 1];
        var z = start[1] - start[0];
        for (var i = 1; i < Count; i++)
            if (start[i + 1] - start[i] != z) return null;
        return z;
    }

    /// <summary>Total number of (atom, neighbour) entries of a shell: twice its number of pairs.</summary>
    public int Entries(int shell) => _index[shell - 1].Length;

    /// <summary>
    /// Finds shells 1 … <paramref name="shells"/> from the distinct distances around atom 0 (distances
    /// within 5 % of the first-shell distance are one shell), then assigns every pair within the cutoff to
    /// the shell whose distance is nearest (bounds halfway between shells; a quarter of the gap beyond the
    /// last). Throws <see cref="ArgumentException"/> for degenerate cell vectors, a cell too small for the
    /// cutoff (below half its smallest perpendicular width, so that minimum images are unique) or fewer
    /// distinct distances than shells.
    /// </summary>
    public static NeighbourShells FromPositions(double[] x, double[] y, double[] z, IReadOnlyList<(double X, double Y, double Z)> box, int shells = 3)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(box);
        if (y.Length != x.Length || z.Length != x.Length) throw new ArgumentException("x, y and z must have the same length");
        if (shells is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(shells), shells, "expected 1 … 8 shells");
        var cell = new PeriodicCell(box);
        var n = x.Length;
        if (n < 2) throw new ArgumentException("at least two atoms are needed");
        var (u, v, w) = cell.Fractional(x, y, z);

        var radii = ShellRadii(cell, u, v, w, shells, out var next);
        var cutoff = radii[^1] + 0.25 * (next - radii[^1]);
        var half = 0.5 * cell.Widths.Min();
        if (cutoff >= half)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the box is too small for {shells} shell(s): the cutoff {cutoff:G4} must be below half the smallest width of the cell ({half:G4})"));
        var bounds2 = new double[shells];
        for (var s = 0; s < shells; s++)
        {
            var upper = s + 1 < shells ? 0.5 * (radii[s] + radii[s + 1]) : cutoff;
            bounds2[s] = upper * upper;
        }

        var lists = new List<int>[shells];
        var start = new int[shells][];
        for (var s = 0; s < shells; s++) { lists[s] = new List<int>(n * 12); start[s] = new int[n + 1]; }
        var grid = CellGrid.Build(u, v, w, cell.Widths, cutoff);
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < shells; s++) start[s][i] = lists[s].Count;
            foreach (var j in grid.Candidates(i))
            {
                if (j == i) continue;
                var d2 = cell.Distance2(u, v, w, i, j);
                for (var s = 0; s < shells; s++)
                {
                    if (d2 >= bounds2[s]) continue;
                    lists[s].Add(j);
                    break;
                }
            }
        }
        var index = new int[shells][];
        for (var s = 0; s < shells; s++)
        {
            start[s][n] = lists[s].Count;
            index[s] = [.. lists[s]];
        }
        return new NeighbourShells(n, radii, start, index);
    }

    /// <summary>The first <paramref name="shells"/> distinct minimum-image distances from atom 0, and the one after (estimated when absent).</summary>
    private static double[] ShellRadii(PeriodicCell cell, double[] u, double[] v, double[] w, int shells, out double next)
    {
        var d = new double[u.Length - 1];
        for (var j = 1; j < u.Length; j++) d[j - 1] = Math.Sqrt(cell.Distance2(u, v, w, 0, j));
        Array.Sort(d);
        if (!(d[0] > 0)) throw new ArgumentException("two atoms share a position");
        var tolerance = ClusterTolerance * d[0];
        var radii = new List<double>();
        var clusterStart = 0;
        for (var k = 1; k <= d.Length; k++)
        {
            if (k < d.Length && d[k] - d[k - 1] <= tolerance) continue;
            radii.Add(d[clusterStart..k].Average());
            clusterStart = k;
            if (radii.Count > shells) break;
        }
        if (radii.Count < shells)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"only {radii.Count} distinct neighbour distance(s) in the box, {shells} shell(s) asked"));
        next = radii.Count > shells ? radii[shells] : radii[shells - 1] * 1.1;
        return [.. radii.Take(shells)];
    }
}
