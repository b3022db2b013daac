namespace MlApt.Io;

/// <summary>
/// A range table: inclusive mass-to-charge intervals mapped to ion compositions (METHOD §1), read from
/// an RRNG, RNG or ENV file. Exact duplicates are merged, positive-width overlaps are reported and
/// resolved first-listed-wins (or refused when <see cref="RangeOptions.Strict"/>), and every range gets
/// a one-byte species index so that ions can be ranged quickly (<see cref="Assign(ReadOnlySpan{float}, Span{byte})"/>).
/// </summary>
/// <remarks>
/// Species numbering: index 0 is <see cref="IonComposition.Unranged"/>. Species whose composition equals
/// a declared ion name come first, in declaration order ([Ions], the RNG ion lists, the ENV element
/// list), then the other compositions in order of first use by a range. Declared ions that no range
/// uses get no index. At most 255 species fit the byte index.
/// </remarks>
public sealed partial class RangeTable
{
    /// <summary>The largest number of species (indices 1 … 255; 0 is unranged).</summary>
    public const int MaxSpecies = 255;

    private readonly MassRange[] _ranges;
    private readonly IonComposition[] _species;
    private readonly Dictionary<IonComposition, byte> _speciesIndex;

    private RangeTable(RawRanges raw, RangeFileKind kind)
    {
        Source = raw.Source;
        Kind = kind;
        DeclaredIons = raw.DeclaredIons.ToArray();
        Warnings = raw.Warnings.ToArray();

        // 1. Merge exact duplicates (same bounds, same composition), keeping the first occurrence.
        var seen = new HashSet<(double, double, IonComposition)>();
        var merged = new List<RawRange>(raw.Ranges.Count);
        foreach (var r in raw.Ranges)
        {
            if (seen.Add((r.Lo, r.Hi, r.Composition)))
                merged.Add(r);
        }
        DuplicatesMerged = raw.Ranges.Count - merged.Count;

        // 2. Number the species.
        var order = new List<IonComposition> { IonComposition.Unranged };
        _speciesIndex = [];
        var used = merged.Select(r => r.Composition).ToHashSet();
        foreach (var name in raw.DeclaredIons)
        {
            IonComposition c;
            try
            {
                c = IonComposition.FromName(name);
            }
            catch (ArgumentException)
            {
                continue;   // not a usable name; ranges using it were already refused by the parser
            }
            if (used.Contains(c) && !_speciesIndex.ContainsKey(c))
                AddSpecies(c, merged.First(r => r.Composition.Equals(c)).Line);
        }
        foreach (var r in merged)
        {
            if (!_speciesIndex.ContainsKey(r.Composition))
                AddSpecies(r.Composition, r.Line);
        }
        _species = order.ToArray();

        _ranges = merged
            .Select(r => new MassRange(r.Lo, r.Hi, r.Composition, _speciesIndex[r.Composition], r.Line, r.Volume, r.Color))
            .ToArray();

        // 3. Overlaps of positive width.
        Overlaps = FindOverlaps(_ranges);
        if (raw.Options.Strict && Overlaps.Count > 0)
        {
            var o = Overlaps.MinBy(x => x.Second.Line)!;
            InputError.AtLine(Source, o.Second.Line, FormattableString.Invariant(
                $"range [{o.Second.Lo}, {o.Second.Hi}] {o.Second.Composition.ToRangeNotation()} overlaps the range at line {o.First.Line} [{o.First.Lo}, {o.First.Hi}] {o.First.Composition.ToRangeNotation()} on [{o.Lo}, {o.Hi}] (strict ranging refuses overlaps)"));
        }

        _lookup = new Lookup(_ranges, single: false);
        _lookupSingle = new Lookup(_ranges, single: true);

        void AddSpecies(IonComposition c, int line)
        {
            if (order.Count > MaxSpecies)
                InputError.AtLine(Source, line, FormattableString.Invariant($"species '{c.Name}' would be number {order.Count}; at most {MaxSpecies} species are supported"));
            _speciesIndex.Add(c, (byte)order.Count);
            order.Add(c);
        }
    }

    /// <summary>The file name used in messages.</summary>
    public string Source { get; }

    /// <summary>The format the table was read from.</summary>
    public RangeFileKind Kind { get; }

    /// <summary>The ion names the file declares (RRNG <c>[Ions]</c>, RNG ion and polyatomic lists, ENV elements), in file order.</summary>
    public IReadOnlyList<string> DeclaredIons { get; }

    /// <summary>The ranges after merging exact duplicates, in file order.</summary>
    public IReadOnlyList<MassRange> Ranges => _ranges;

    /// <summary>
    /// The species by index: <c>Species[0]</c> is <see cref="IonComposition.Unranged"/>, <c>Species[1 … SpeciesCount]</c>
    /// the distinct compositions.
    /// </summary>
    public IReadOnlyList<IonComposition> Species => _species;

    /// <summary>The number of real species (excluding unranged).</summary>
    public int SpeciesCount => _species.Length - 1;

    /// <summary>How many exact duplicate range lines (same lo, hi and composition) were merged away.</summary>
    public int DuplicatesMerged { get; }

    /// <summary>Positive-width overlaps between ranges (resolved first-listed-wins), ordered by the lines involved.</summary>
    public IReadOnlyList<RangeOverlap> Overlaps { get; }

    /// <summary>Non-fatal problems found while reading (e.g. a declared count that does not match), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The species name of an index (<c>unranged</c> for 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is above <see cref="SpeciesCount"/>.</exception>
    public string SpeciesName(byte index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, SpeciesCount);
        return _species[index].Name;
    }

    /// <summary>The index of the species with this composition, or 0 when no range has it.</summary>
    public byte IndexOf(IonComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return _speciesIndex.GetValueOrDefault(composition);
    }

    /// <summary>The index of the species named <paramref name="name"/> (e.g. <c>Ni</c>, <c>CrO</c>, <c>unknown</c>), or 0.</summary>
    public byte IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 1; i < _species.Length; i++)
        {
            if (string.Equals(_species[i].Name, name, StringComparison.Ordinal))
                return (byte)i;
        }
        return 0;
    }

    /// <summary>The index of the species that is exactly one atom of <paramref name="element"/> (<c>X:1</c>), or 0 when there is none.</summary>
    public byte SingleAtomSpecies(string element)
    {
        for (var i = 1; i < _species.Length; i++)
        {
            if (_species[i].IsSingleAtomOf(element))
                return (byte)i;
        }
        return 0;
    }

    // Sweep over ranges sorted by lower bound: each range is compared only with later-starting ranges
    // that begin before it ends, so the cost is O(n log n + overlaps).
    private static RangeOverlap[] FindOverlaps(MassRange[] ranges)
    {
        var byLo = Enumerable.Range(0, ranges.Length).OrderBy(i => ranges[i].Lo).ThenBy(i => i).ToArray();
        var found = new List<(int A, int B, double Lo, double Hi)>();
        for (var x = 0; x < byLo.Length; x++)
        {
            var a = ranges[byLo[x]];
            for (var y = x + 1; y < byLo.Length && ranges[byLo[y]].Lo < a.Hi; y++)
            {
                var b = ranges[byLo[y]];
                var lo = Math.Max(a.Lo, b.Lo);
                var hi = Math.Min(a.Hi, b.Hi);
                if (lo < hi)
                    found.Add((Math.Min(byLo[x], byLo[y]), Math.Max(byLo[x], byLo[y]), lo, hi));
            }
        }
        return found
            .OrderBy(f => f.A).ThenBy(f => f.B)
            .Select(f => new RangeOverlap(ranges[f.A], ranges[f.B], f.Lo, f.Hi))
            .ToArray();
    }
}
