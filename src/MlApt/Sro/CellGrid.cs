namespace MlApt.Sro;

/// <summary>
/// A periodic cell list for neighbour search in fractional coordinates: bins at least the cutoff wide
/// (perpendicular to their faces), so that all neighbours of
/// an atom are in its bin and the 26 around it. With fewer than three bins along an axis every atom
/// is a candidate (small boxes), which keeps the periodic images distinct.
/// </summary>
internal sealed class CellGrid
{
    private readonly int[] _bins;
    private readonly int _count;
    private readonly int[] _binOf;
    private readonly int[] _start;
    private readonly int[] _atoms;
    private readonly bool _all;

    private CellGrid(int count, int[] bins, int[] binOf, int[] start, int[] atoms, bool all)
    {
        _count = count; _bins = bins; _binOf = binOf; _start = start; _atoms = atoms; _all = all;
    }

    public static CellGrid Build(double[] u, double[] v, double[] w, double[] widths, double cutoff)
    {
        var bins = new int[3];
        for (var d = 0; d < 3; d++) bins[d] = Math.Max(1, (int)Math.Floor(widths[d] / cutoff));
        var n = u.Length;
        var all = bins.Any(b => b < 3);
        if (all) return new CellGrid(n, bins, [], [], [], true);
        var binOf = new int[n];
        var start = new int[bins[0] * bins[1] * bins[2] + 1];
        for (var i = 0; i < n; i++)
        {
            int bx = Math.Min(bins[0] - 1, (int)(u[i] * bins[0]));
            int by = Math.Min(bins[1] - 1, (int)(v[i] * bins[1]));
            int bz = Math.Min(bins[2] - 1, (int)(w[i] * bins[2]));
            binOf[i] = (bz * bins[1] + by) * bins[0] + bx;
            start[binOf[i] + 1]++;
        }
        for (var b = 1; b < start.Length; b++) start[b] += start[b - 1];
        var fill = start[..^1].ToArray();
        var atoms = new int[n];
        for (var i = 0; i < n; i++) atoms[fill[binOf[i]]++] = i;
        return new CellGrid(n, bins, binOf, start, atoms, false);
    }

    /// <summary>Atoms that may be within the cutoff of atom <paramref name="i"/> (itself included), each once.</summary>
    public IEnumerable<int> Candidates(int i)
    {
        if (_all)
        {
            for (var j = 0; j < _count; j++) yield return j;
            yield break;
        }
        var b = _binOf[i];
        int bx = b % _bins[0], by = b / _bins[0] % _bins[1], bz = b / (_bins[0] * _bins[1]);
        for (var dz = -1; dz <= 1; dz++)
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    int cx = Mod(bx + dx, _bins[0]), cy = Mod(by + dy, _bins[1]), cz = Mod(bz + dz, _bins[2]);
                    var c = (cz * _bins[1] + cy) * _bins[0] + cx;
                    for (var k = _start[c]; k < _start[c + 1]; k++) yield return _atoms[k];
                }
    }

    private static int Mod(int v, int n) => ((v % n) + n) % n;
}
