using System.Globalization;
using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Crystal;

/// <summary>
/// An alloy composition as integer weights per element (e.g. Co:1,Cr:1,Ni:1), normalised to site
/// fractions, with exact atom counts for a crystal of a given size.
/// </summary>
public sealed class Composition
{
    private readonly int[] _weights;

    /// <summary>Creates a composition; weights must be positive and elements distinct.</summary>
    public Composition(IReadOnlyList<string> elements, IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(weights);
        if (elements.Count == 0 || elements.Count != weights.Count)
            throw new ArgumentException("one weight per element, at least one element");
        if (elements.Count > 32) throw new ArgumentException("at most 32 elements");
        if (elements.Any(string.IsNullOrWhiteSpace) || elements.Distinct(StringComparer.Ordinal).Count() != elements.Count)
            throw new ArgumentException("element names must be non-empty and distinct");
        if (weights.Any(w => w <= 0)) throw new ArgumentException("weights must be positive integers");
        Elements = [.. elements];
        _weights = [.. weights];
    }

    /// <summary>Element names, in the order given (the species index of each).</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>The integer weight of each element.</summary>
    public IReadOnlyList<int> Weights => _weights;

    /// <summary>Site fraction of element <paramref name="e"/> (weight over the sum of weights).</summary>
    public double Fraction(int e) => (double)_weights[e] / _weights.Sum();

    /// <summary>
    /// Parses <c>El:w,El:w,…</c> with positive integer weights (a bare <c>El</c> means weight 1);
    /// errors are one line naming <paramref name="source"/> (the option or file).
    /// </summary>
    public static Composition Parse(string text, string source = "--composition")
    {
        if (string.IsNullOrWhiteSpace(text)) InputError.In(source, "empty composition: expected Element:weight pairs such as Co:1,Cr:1,Ni:1");
        var elements = new List<string>();
        var weights = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':', StringSplitOptions.TrimEntries);
            if (kv.Length > 2 || kv[0].Length == 0 || !kv[0].All(char.IsLetter))
                InputError.In(source, $"'{part}' in '{text}': expected Element:weight such as Co:1");
            var weight = 1;
            if (kv.Length == 2 && (!int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight <= 0))
                InputError.In(source, $"'{part}' in '{text}': the weight must be a positive integer");
            if (elements.Contains(kv[0])) InputError.In(source, $"'{text}': {kv[0]} is given twice");
            elements.Add(kv[0]);
            weights.Add(weight);
        }
        if (elements.Count > 32) InputError.In(source, $"'{text}': at most 32 elements");
        return new Composition(elements, weights);
    }

    /// <summary>
    /// Exact atom counts on <paramref name="sites"/> sites that sum to <paramref name="sites"/>: each
    /// element gets the floor of its share, and the remaining atoms go one each to the largest
    /// fractional parts (ties to the element listed first), so the result is deterministic.
    /// </summary>
    public int[] Counts(int sites)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        var total = _weights.Sum();
        var counts = new int[_weights.Length];
        var remainders = new long[_weights.Length];
        var assigned = 0;
        for (var e = 0; e < counts.Length; e++)
        {
            // Integer arithmetic: no rounding error decides who gets a remainder atom.
            var exact = (long)sites * _weights[e];
            counts[e] = (int)(exact / total);
            remainders[e] = exact % total;
            assigned += counts[e];
        }
        var order = Enumerable.Range(0, counts.Length).OrderByDescending(e => remainders[e]).ThenBy(e => e).ToArray();
        for (var k = 0; assigned < sites; k++, assigned++) counts[order[k]]++;
        return counts;
    }

    /// <summary>A random occupation of <paramref name="sites"/> sites with exactly <see cref="Counts"/> atoms of each element (Fisher–Yates shuffle).</summary>
    public byte[] RandomOccupation(int sites, ref SeededRandom random)
    {
        var counts = Counts(sites);
        var species = new byte[sites];
        var s = 0;
        for (var e = 0; e < counts.Length; e++)
            for (var k = 0; k < counts[e]; k++) species[s++] = (byte)e;
        for (var i = sites - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (species[i], species[j]) = (species[j], species[i]);
        }
        return species;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(',', Elements.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e}:{_weights[i]}")));
}
