using System.Globalization;
using System.Text;

namespace MlApt.Io;

/// <summary>
/// The composition of a ranged ion, e.g. <c>Ni:1</c>, <c>H:2</c> or <c>Cr:1 O:1</c>. A species is a
/// distinct composition. Parts are kept in Hill order: with carbon present C first, H second, then
/// the rest alphabetically (ordinal); without carbon everything alphabetically, H included. Two compositions
/// are the same species whatever order their elements were written in, but the <see cref="Name"/> keeps the
/// order the range file wrote them in, as users write them (<c>TiN</c>, <c>SiO</c>, not the Hill <c>NTi</c>,
/// <c>OSi</c>), with a count suffix when the count is above 1 (<c>Ni</c>, <c>H2</c>, <c>CrO</c>, <c>CH4</c>). Names that are not chemical
/// elements and occur in real files (<c>unknown</c>, <c>All</c>, <c>Hyd</c>) are kept verbatim as one part,
/// so they become their own species.
/// </summary>
public sealed class IonComposition : IEquatable<IonComposition>
{
    private readonly KeyValuePair<string, int>[] _parts;

    private IonComposition(KeyValuePair<string, int>[] parts, string name)
    {
        _parts = parts;
        Name = name;
    }

    /// <summary>The pseudo-composition of unranged ions (species index 0): no parts, named <c>unranged</c>.</summary>
    public static IonComposition Unranged { get; } = new([], "unranged");

    /// <summary>The formula in the order first written (or the verbatim free-form name), e.g. <c>Ni</c>, <c>H2</c>, <c>TiN</c>.</summary>
    public string Name { get; }

    /// <summary>The parts (element or free-form name, count &gt; 0) in Hill order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Parts => _parts;

    /// <summary>True only for <see cref="Unranged"/>.</summary>
    public bool IsUnranged => _parts.Length == 0;

    /// <summary>Total number of atoms (sum of the counts).</summary>
    public int AtomCount => _parts.Sum(p => p.Value);

    /// <summary>True when every part is a chemical element symbol (false for <c>unknown</c>, <c>All</c>, …).</summary>
    public bool IsChemical => _parts.Length > 0 && _parts.All(p => Elements.IsSymbol(p.Key));

    /// <summary>
    /// True when the ion is exactly one atom of <paramref name="element"/> (<c>X:1</c>): the ions the
    /// z-SDM of X uses (METHOD §1). Case-sensitive, as element symbols are.
    /// </summary>
    public bool IsSingleAtomOf(string element) =>
        _parts.Length == 1 && _parts[0].Value == 1 && string.Equals(_parts[0].Key, element, StringComparison.Ordinal);

    /// <summary>The element counts as a new dictionary in Hill order, e.g. for JSON <c>{"N": 1, "O": 1, "Ti": 1}</c>.</summary>
    public Dictionary<string, int> ToDictionary()
    {
        var d = new Dictionary<string, int>(_parts.Length, StringComparer.Ordinal);
        foreach (var p in _parts)
            d.Add(p.Key, p.Value);
        return d;
    }

    /// <summary>The composition in range-file notation, e.g. <c>Cr:1 O:1</c> (Hill order).</summary>
    public string ToRangeNotation() =>
        string.Join(' ', _parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Value}")));

    /// <summary>
    /// Builds a composition from (name, count) pairs; repeated names are summed and zero counts
    /// dropped. Names that are formulas of chemical elements are expanded (<c>AlH:1</c> → Al:1 H:1,
    /// <c>O2:2</c> → O:4); other names stay as given.
    /// </summary>
    /// <exception cref="ArgumentException">A count is negative, a name is empty or contains white space or ':', or nothing remains.</exception>
    public static IonComposition FromCounts(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in counts)
        {
            if (count < 0)
                throw new ArgumentException($"negative count {count} for '{name}'", nameof(counts));
            if (count == 0)
                continue;
            foreach (var (part, n) in Expand(name))
                sum[part] = checked(sum.GetValueOrDefault(part) + n * count);
        }
        if (sum.Count == 0)
            throw new ArgumentException("a composition needs at least one part with a count > 0", nameof(counts));
        return Create(sum);
    }

    /// <summary>
    /// The composition named by <paramref name="name"/>, <paramref name="count"/> times: a chemical formula
    /// (<c>Ni</c>, <c>ScH</c>, <c>Mn2O</c>, <c>Cr1O1</c>) is expanded into its elements; any other name
    /// (<c>unknown</c>, <c>All</c>, <c>X23</c>) is kept verbatim as one part.
    /// </summary>
    public static IonComposition FromName(string name, int count = 1) => FromCounts([new(name, count)]);

    /// <summary>
    /// Parses a formula made only of chemical element symbols with optional counts (<c>H2O</c>, <c>TiNO</c>,
    /// <c>Cr1O1</c>). Returns false for anything else, including free-form names like <c>unknown</c>.
    /// </summary>
    public static bool TryParseFormula(string formula, out IonComposition composition)
    {
        composition = Unranged;
        var parts = ParseFormula(formula);
        if (parts is null)
            return false;
        composition = FromCounts(parts);
        return true;
    }

    private static IEnumerable<KeyValuePair<string, int>> Expand(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => char.IsWhiteSpace(c) || c == ':'))
            throw new ArgumentException($"invalid ion name '{name}'", nameof(name));
        return ParseFormula(name) ?? [new(name, 1)];
    }

    // Element symbol = upper-case letter + optional lower-case letter, then optional digits. "All" fails
    // (a second lower-case letter), so it stays a free-form name rather than becoming Al + garbage.
    private static List<KeyValuePair<string, int>>? ParseFormula(string s)
    {
        var parts = new List<KeyValuePair<string, int>>();
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiLetterUpper(s[i]))
                return null;
            var start = i++;
            if (i < s.Length && char.IsAsciiLetterLower(s[i]))
                i++;
            var symbol = s[start..i];
            if (!Elements.IsSymbol(symbol))
                return null;
            var digits = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            var count = 1;
            if (i > digits && (!int.TryParse(s.AsSpan(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count == 0))
                return null;
            parts.Add(new(symbol, count));
        }
        return parts.Count == 0 ? null : parts;
    }

    private static IonComposition Create(Dictionary<string, int> sum)
    {
        var hasCarbon = sum.ContainsKey("C");
        var parts = sum.ToArray();
        Array.Sort(parts, (a, b) =>
        {
            var ra = HillRank(a.Key, hasCarbon);
            var rb = HillRank(b.Key, hasCarbon);
            return ra != rb ? ra.CompareTo(rb) : string.CompareOrdinal(a.Key, b.Key);
        });
        var sb = new StringBuilder();
        // The dictionary enumerates in insertion order (nothing is ever removed from it): the order written.
        foreach (var (key, count) in sum)
        {
            sb.Append(key);
            if (count > 1)
                sb.Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return new IonComposition(parts, sb.ToString());
    }

    // Hill system: C then H first only when carbon is present; otherwise plain alphabetical order.
    private static int HillRank(string key, bool hasCarbon) =>
        !hasCarbon ? 2 : key == "C" ? 0 : key == "H" ? 1 : 2;

    /// <inheritdoc/>
    public bool Equals(IonComposition? other)
    {
        if (other is null)
            return false;
        if (ReferenceEquals(this, other))
            return true;
        if (other._parts.Length != _parts.Length)
            return false;
        for (var i = 0; i < _parts.Length; i++)
        {
            if (_parts[i].Value != other._parts[i].Value || !string.Equals(_parts[i].Key, other._parts[i].Key, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IonComposition);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var (key, count) in _parts)
        {
            h.Add(key, StringComparer.Ordinal);
            h.Add(count);
        }
        return h.ToHashCode();
    }

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
