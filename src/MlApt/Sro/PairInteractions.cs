using System.Globalization;
using MlApt.Io;

namespace MlApt.Sro;

/// <summary>One effective pair interaction: V^(shell)(A, B) in eV (unordered pair).</summary>
/// <param name="A">First element.</param>
/// <param name="B">Second element.</param>
/// <param name="Shell">Neighbour shell (1-based).</param>
/// <param name="Energy">Interaction energy (eV); negative attracts.</param>
public readonly record struct PairTerm(string A, string B, int Shell, double Energy);

/// <summary>
/// Effective pair interactions V^(m)(a, b) per unordered species pair and neighbour shell m = 1 …
/// <see cref="Shells"/>, in eV; the energy of a configuration is the sum over all shell-m pairs of
/// V^(m) of their species. Unset values are 0.
/// </summary>
public sealed class PairInteractions
{
    /// <summary>The most shells an interaction may name.</summary>
    public const int MaxShells = 3;

    private readonly double[] _v;

    /// <summary>Zero interactions among <paramref name="elements"/> on shells 1 … <paramref name="shells"/>.</summary>
    public PairInteractions(IReadOnlyList<string> elements, int shells = MaxShells)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0) throw new ArgumentException("at least one element", nameof(elements));
        if (shells is < 1 or > MaxShells) throw new ArgumentOutOfRangeException(nameof(shells), shells, "expected 1 … 3 shells");
        Elements = [.. elements];
        Shells = shells;
        _v = new double[shells * elements.Count * elements.Count];
    }

    /// <summary>Element names by species index.</summary>
    public IReadOnlyList<string> Elements { get; }
    /// <summary>Number of shells.</summary>
    public int Shells { get; }

    /// <summary>V^(shell)(a, b) in eV (shell 1-based; symmetric in a and b).</summary>
    public double this[int shell, int a, int b] => _v[Index(shell, a, b)];

    /// <summary>The highest shell with a nonzero interaction (0 when all vanish): shells beyond it cost nothing.</summary>
    public int ActiveShells
    {
        get
        {
            var s2 = Elements.Count * Elements.Count;
            for (var m = Shells; m >= 1; m--)
                for (var k = 0; k < s2; k++)
                    if (_v[(m - 1) * s2 + k] != 0) return m;
            return 0;
        }
    }

    /// <summary>Sets V^(shell)(a, b) = V^(shell)(b, a).</summary>
    public void Set(int shell, int a, int b, double energy)
    {
        if (!double.IsFinite(energy)) throw new ArgumentOutOfRangeException(nameof(energy), energy, "must be finite");
        _v[Index(shell, a, b)] = energy;
        _v[Index(shell, b, a)] = energy;
    }

    /// <summary>Sets one term by element names; throws <see cref="ArgumentException"/> for an unknown element.</summary>
    public void Set(PairTerm term)
    {
        Set(term.Shell, SpeciesOf(term.A), SpeciesOf(term.B), term.Energy);
    }

    /// <summary>
    /// Interactions from option values such as <c>Ni-Ni:1=-0.02</c> (shell after the colon, default 1;
    /// energy in eV after '='). Errors name <paramref name="source"/> and the value: malformed terms,
    /// elements not in <paramref name="elements"/>, shells outside 1 … 3, and a pair and shell given twice.
    /// </summary>
    public static PairInteractions Parse(IReadOnlyList<string> elements, IEnumerable<string> terms, string source = "pair")
    {
        ArgumentNullException.ThrowIfNull(terms);
        var result = new PairInteractions(elements);
        var seen = new HashSet<(int, int, int)>();
        foreach (var text in terms)
        {
            var term = ParseTerm(text, source);
            foreach (var e in new[] { term.A, term.B })
                if (!result.Elements.Contains(e))
                    InputError.In(source, $"'{text}': {e} is not in the composition ({string.Join(", ", result.Elements)})");
            int a = result.SpeciesOf(term.A), b = result.SpeciesOf(term.B);
            if (!seen.Add((term.Shell, Math.Min(a, b), Math.Max(a, b))))
                InputError.In(source, $"'{text}': {term.A}-{term.B} on shell {term.Shell} is given twice");
            result.Set(term);
        }
        return result;
    }

    /// <summary>Parses one term <c>A-B[:shell]=energy</c>; errors are one line naming <paramref name="source"/>.</summary>
    public static PairTerm ParseTerm(string text, string source = "pair")
    {
        const string expected = "expected A-B:shell=energy such as Ni-Ni:1=-0.02 (shell 1-3, energy in eV)";
        if (string.IsNullOrWhiteSpace(text)) InputError.In(source, $"empty value: {expected}");
        var eq = text.Split('=', StringSplitOptions.TrimEntries);
        if (eq.Length != 2) InputError.In(source, $"'{text}': {expected}");
        var left = eq[0].Split(':', StringSplitOptions.TrimEntries);
        if (left.Length > 2) InputError.In(source, $"'{text}': {expected}");
        var pair = left[0].Split('-', StringSplitOptions.TrimEntries);
        if (pair.Length != 2 || pair.Any(p => p.Length == 0 || !p.All(char.IsLetter)))
            InputError.In(source, $"'{text}': the pair must be two elements joined by '-': {expected}");
        var shell = 1;
        if (left.Length == 2 && (!int.TryParse(left[1], NumberStyles.None, CultureInfo.InvariantCulture, out shell) || shell is < 1 or > MaxShells))
            InputError.In(source, $"'{text}': shell '{left[1]}' must be 1, 2 or 3");
        if (!double.TryParse(eq[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var energy) || !double.IsFinite(energy))
            InputError.In(source, $"'{text}': energy '{eq[1]}' must be a number in eV");
        return new PairTerm(pair[0], pair[1], shell, energy);
    }

    /// <summary>An independent copy.</summary>
    internal PairInteractions Copy()
    {
        var copy = new PairInteractions(Elements, Shells);
        _v.CopyTo(copy._v, 0);
        return copy;
    }

    private int SpeciesOf(string element)
    {
        for (var e = 0; e < Elements.Count; e++) if (Elements[e] == element) return e;
        throw new ArgumentException($"{element} is not among the elements {string.Join(", ", Elements)}");
    }

    private int Index(int shell, int a, int b)
    {
        var s = Elements.Count;
        if (shell < 1 || shell > Shells) throw new ArgumentOutOfRangeException(nameof(shell), shell, "no such shell");
        if ((uint)a >= (uint)s || (uint)b >= (uint)s) throw new ArgumentOutOfRangeException(nameof(a), "no such species");
        return ((shell - 1) * s + a) * s + b;
    }
}
