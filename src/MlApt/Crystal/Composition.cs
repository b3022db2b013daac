using System.Globalization;
using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Crystal;

/// <summary>
/// An alloy composition: an amount per element, normalised to site fractions, with exact atom counts for
/// a crystal of a given size. <see cref="Parse"/> is the one grammar of every <c>--composition</c>:
/// <c>Element[:amount],…</c>, amounts non-negative decimal numbers (a bare element means 1), e.g.
/// <c>Co:1,Cr:1,Ni:1</c> or <c>Fe:0.75,Al:0.25</c>.
/// </summary>
public sealed class Composition
{
    private readonly double[] _amounts;
    // The amounts as exact integers (decimals scaled by a common power of ten), so atom counts are
    // decided without rounding error.
    private readonly long[] _weights;

    /// <summary>Creates a composition of integer weights; weights must be positive and elements distinct.</summary>
    public Composition(IReadOnlyList<string> elements, IReadOnlyList<int> weights)
        : this(elements, PositiveWeights(weights).Select(w => (double)w).ToArray(), [.. weights.Select(w => (long)w)])
    {
    }

    private static IReadOnlyList<int> PositiveWeights(IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Any(w => w <= 0)) throw new ArgumentException("weights must be positive integers", nameof(weights));
        return weights;
    }

    private Composition(IReadOnlyList<string> elements, double[] amounts, long[] weights)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(amounts);
        if (elements.Count == 0 || elements.Count != amounts.Length)
            throw new ArgumentException("one amount per element, at least one element", nameof(elements));
        if (elements.Count > MaxElements) throw new ArgumentException($"at most {MaxElements} elements", nameof(elements));
        if (elements.Any(string.IsNullOrWhiteSpace) || elements.Distinct(StringComparer.Ordinal).Count() != elements.Count)
            throw new ArgumentException("element names must be non-empty and distinct", nameof(elements));
        if (weights.Any(w => w < 0) || weights.Sum() <= 0) throw new ArgumentException("amounts must be non-negative and not all zero", nameof(amounts));
        Elements = [.. elements];
        _amounts = amounts;
        _weights = weights;
    }

    /// <summary>The most elements a composition may list (species are numbered in a byte, with room to spare).</summary>
    public const int MaxElements = 32;

    /// <summary>Element names, in the order given (the species index of each).</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>The amount of each element as written (not normalised).</summary>
    public IReadOnlyList<double> Amounts => _amounts;

    /// <summary>Each element with its amount as written (not normalised).</summary>
    public IReadOnlyList<(string Element, double Amount)> Entries => [.. Elements.Select((e, i) => (e, _amounts[i]))];

    /// <summary>Site fraction of element <paramref name="e"/> (its amount over the sum of amounts).</summary>
    public double Fraction(int e) => (double)_weights[e] / _weights.Sum();

    /// <summary>
    /// Parses <c>Element[:amount],…</c>: element names of letters, each once; amounts non-negative decimal
    /// numbers (a bare element means 1), not all zero. With <paramref name="allowZero"/> false every amount
    /// must be positive (a simulation that places every element). Errors are one line naming
    /// <paramref name="source"/> (the parameter or file).
    /// </summary>
    public static Composition Parse(string text, string source = "composition", bool allowZero = false)
    {
        if (string.IsNullOrWhiteSpace(text)) InputError.In(source, "empty composition: expected Element:amount pairs such as Co:1,Cr:1,Ni:1");
        var elements = new List<string>();
        var amounts = new List<double>();
        var exact = new List<decimal>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':', StringSplitOptions.TrimEntries);
            if (kv.Length > 2 || kv[0].Length == 0 || !kv[0].All(char.IsLetter))
                InputError.In(source, $"'{part}' in '{text}': expected Element:amount such as Co:1 or Fe:0.75");
            var amount = 1.0;
            var amountExact = 1m;
            if (kv.Length == 2 && (!double.TryParse(kv[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
                                   || !decimal.TryParse(kv[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amountExact)
                                   || amountExact > 1_000_000m))
                InputError.In(source, $"'{part}' in '{text}': the amount must be a non-negative number up to 1000000");
            if (amountExact == 0 && !allowZero)
                InputError.In(source, $"'{part}' in '{text}': the amount must be positive");
            if (elements.Contains(kv[0])) InputError.In(source, $"'{text}': {kv[0]} is given twice");
            elements.Add(kv[0]);
            amounts.Add(amount);
            exact.Add(amountExact);
        }
        if (elements.Count > MaxElements) InputError.In(source, $"'{text}': at most {MaxElements} elements");
        if (exact.All(a => a == 0)) InputError.In(source, $"'{text}': the amounts are all zero");
        var scale = exact.Max(a => a.Scale);
        if (scale > 9) InputError.In(source, $"'{text}': at most 9 decimals per amount");
        var factor = (decimal)Math.Pow(10, scale);
        return new Composition(elements, [.. amounts], [.. exact.Select(a => (long)(a * factor))]);
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
            var exact = (Int128)sites * _weights[e];
            counts[e] = (int)(exact / total);
            remainders[e] = (long)(exact % total);
            assigned += counts[e];
        }
        var order = Enumerable.Range(0, counts.Length).OrderByDescending(e => remainders[e]).ThenBy(e => e).ToArray();
        for (var k = 0; assigned < sites; k++, assigned++) counts[order[k]]++;
        return counts;
    }

    /// <summary>A random occupation of <paramref name="sites"/> sites with exactly <see cref="Counts"/> atoms of each element (Fisher–Yates shuffle).</summary>
    internal byte[] RandomOccupation(int sites, ref SeededRandom random)
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
        string.Join(',', Elements.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e}:{_amounts[i]}")));
}
