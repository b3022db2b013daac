using System.Globalization;

namespace MlApt.Sro;

/// <summary>
/// Warren–Cowley short-range order parameters α_ij^(m) = 1 − p_ij^(m) / c_j of a configuration: p_ij^(m)
/// is the fraction of the m-th shell neighbours of i atoms that are j atoms, c_j the concentration of j.
/// Negative α_ij (i ≠ j) means i and j attract (ordering); 0 is the random alloy.
/// </summary>
public sealed class WarrenCowleyTable
{
    private readonly double[] _alpha;

    internal WarrenCowleyTable(IReadOnlyList<string> elements, int shells, double[] concentrations, double[] alpha)
    {
        Elements = elements; Shells = shells; Concentrations = concentrations; _alpha = alpha;
    }

    /// <summary>Element names by species index.</summary>
    public IReadOnlyList<string> Elements { get; }
    /// <summary>Number of shells.</summary>
    public int Shells { get; }
    /// <summary>Concentration c_j of each species.</summary>
    public IReadOnlyList<double> Concentrations { get; }

    /// <summary>α_ij^(shell) (shell 1-based); NaN when i or j is absent.</summary>
    public double Alpha(int shell, int i, int j)
    {
        var s = Elements.Count;
        return _alpha[((shell - 1) * s + i) * s + j];
    }

    /// <summary>Every ordered pair of a shell as <c>A-B</c> with its α, species in element order (A outer, B inner).</summary>
    public IEnumerable<(string Pair, double Alpha)> Pairs(int shell)
    {
        for (var i = 0; i < Elements.Count; i++)
            for (var j = 0; j < Elements.Count; j++)
                yield return ($"{Elements[i]}-{Elements[j]}", Alpha(shell, i, j));
    }

    /// <summary>α of a pair by element names.</summary>
    public double Alpha(int shell, string a, string b)
    {
        int i = Index(a), j = Index(b);
        return Alpha(shell, i, j);
    }

    /// <summary>
    /// The mean of several tables of the same elements and shells (e.g. configurations of one run a sweep
    /// apart): α is linear in the pair counts, so the mean is the α of the pooled counts when every table
    /// has the same atoms, and it averages out the scatter of a single configuration.
    /// </summary>
    public static WarrenCowleyTable Average(IReadOnlyList<WarrenCowleyTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0) throw new ArgumentException("at least one table", nameof(tables));
        var first = tables[0];
        if (tables.Any(t => t.Shells != first.Shells || !t.Elements.SequenceEqual(first.Elements)))
            throw new ArgumentException("tables differ in elements or shells", nameof(tables));
        var alpha = new double[first._alpha.Length];
        var c = new double[first.Elements.Count];
        foreach (var t in tables)
        {
            for (var k = 0; k < alpha.Length; k++) alpha[k] += t._alpha[k] / tables.Count;
            for (var k = 0; k < c.Length; k++) c[k] += t.Concentrations[k] / tables.Count;
        }
        return new WarrenCowleyTable(first.Elements, first.Shells, c, alpha);
    }

    private int Index(string element)
    {
        for (var e = 0; e < Elements.Count; e++) if (Elements[e] == element) return e;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{element} is not among {string.Join(", ", Elements)}"));
    }
}

/// <summary>Computes <see cref="WarrenCowleyTable"/>s exactly from neighbour lists.</summary>
public static class WarrenCowley
{
    /// <summary>
    /// The α of a periodic configuration file (extended XYZ), shells 1 … <paramref name="shells"/>, with the configuration
    /// and its neighbour shells; a configuration whose shells cannot be told apart is an error naming the file.
    /// </summary>
    public static (Crystal.ExtendedXyzFrame Frame, NeighbourShells Shells, WarrenCowleyTable Table) OfFile(string path, int shells)
    {
        var frame = Crystal.ExtendedXyz.Read(path);
        NeighbourShells neighbours;
        try
        {
            neighbours = NeighbourShells.FromPositions(frame.X, frame.Y, frame.Z, frame.Cell, shells);
        }
        catch (ArgumentException e)
        {
            throw new Io.InputException($"{path}: {e.Message}", e);
        }
        return (frame, neighbours, Compute(frame.Species, frame.Elements, neighbours));
    }

    /// <summary>
    /// α_ij^(m) for all ordered species pairs and shells 1 … <paramref name="shells"/> (default: all of
    /// <paramref name="neighbours"/>), counting every (i atom, shell-m neighbour) entry once.
    /// </summary>
    public static WarrenCowleyTable Compute(ReadOnlySpan<byte> species, IReadOnlyList<string> elements, NeighbourShells neighbours, int? shells = null)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(neighbours);
        if (species.Length != neighbours.Count) throw new ArgumentException("one species per atom of the neighbour lists", nameof(species));
        var m = shells ?? neighbours.Shells;
        if (m < 1 || m > neighbours.Shells) throw new ArgumentOutOfRangeException(nameof(shells), m, "more shells than the neighbour lists hold");
        var s = elements.Count;
        var atoms = new long[s];
        foreach (var sp in species)
        {
            if (sp >= s) throw new ArgumentException("a species index is beyond the elements", nameof(species));
            atoms[sp]++;
        }
        var total = (double)species.Length;
        var concentrations = atoms.Select(a => a / total).ToArray();
        var alpha = new double[m * s * s];
        var pairs = new long[s * s];
        var entries = new long[s];
        for (var shell = 1; shell <= m; shell++)
        {
            Array.Clear(pairs);
            Array.Clear(entries);
            for (var i = 0; i < species.Length; i++)
            {
                var a = species[i];
                var row = a * s;
                var list = neighbours.Of(i, shell);
                entries[a] += list.Length;
                foreach (var k in list) pairs[row + species[k]]++;
            }
            for (var a = 0; a < s; a++)
                for (var b = 0; b < s; b++)
                {
                    var p = entries[a] > 0 ? (double)pairs[a * s + b] / entries[a] : double.NaN;
                    alpha[((shell - 1) * s + a) * s + b] = concentrations[b] > 0 ? 1 - p / concentrations[b] : double.NaN;
                }
        }
        return new WarrenCowleyTable([.. elements], m, concentrations, alpha);
    }
}
