namespace MlApt.Io;

/// <summary>One range as a parser read it, before merging and species numbering.</summary>
internal readonly record struct RawRange(double Lo, double Hi, IonComposition Composition, int Line, double Volume, string? Color);

/// <summary>What a parser hands to <see cref="RangeTable"/>: declared ion names, ranges in file order, warnings.</summary>
internal sealed class RawRanges(string source, RangeOptions options)
{
    public string Source { get; } = source;
    public RangeOptions Options { get; } = options;
    public List<string> DeclaredIons { get; } = [];
    public List<RawRange> Ranges { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>
    /// Adds a range after checking its bounds: finite, non-negative, lo &lt; hi.
    /// </summary>
    public void Add(int line, double lo, double hi, IonComposition composition, double volume = double.NaN, string? color = null)
    {
        if (lo < 0)
            InputError.AtLine(Source, line, $"range bounds '{RangeText.F(lo)} {RangeText.F(hi)}': mass-to-charge must be >= 0");
        if (!(lo < hi))
            InputError.AtLine(Source, line, $"range bounds '{RangeText.F(lo)} {RangeText.F(hi)}': lo must be < hi");
        Ranges.Add(new RawRange(lo, hi, composition, line, volume, color));
    }

    /// <summary>Builds a composition, turning a bad name or count into an <see cref="InputException"/> at the line.</summary>
    public IonComposition Compose(int line, IEnumerable<KeyValuePair<string, int>> counts)
    {
        try
        {
            return IonComposition.FromCounts(counts);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            InputError.AtLine(Source, line, "composition: " + e.Message);
            return IonComposition.Unranged;
        }
    }

    /// <summary>Builds the composition named by <paramref name="name"/> (formula or free-form label).</summary>
    public IonComposition Compose(int line, string name) => Compose(line, [new KeyValuePair<string, int>(name, 1)]);

    /// <summary>
    /// A declared count that does not match what the file contains: an error in strict mode, a warning otherwise
    /// (real files are edited by hand and such counts drift, but the ranges themselves are still sound).
    /// </summary>
    public void Mismatch(int line, string message)
    {
        if (Options.Strict)
            InputError.AtLine(Source, line, message + " (strict)");
        Warnings.Add(FormattableString.Invariant($"{Source}: line {line}: {message}"));
    }
}
