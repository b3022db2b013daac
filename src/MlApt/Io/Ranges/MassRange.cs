namespace MlApt.Io;

/// <summary>
/// One range of a <see cref="RangeTable"/>: the inclusive interval [<paramref name="Lo"/>, <paramref name="Hi"/>]
/// of mass-to-charge (Da) mapped to an ion composition.
/// </summary>
/// <param name="Lo">Lower bound (Da), inclusive.</param>
/// <param name="Hi">Upper bound (Da), inclusive; always greater than <paramref name="Lo"/>.</param>
/// <param name="Composition">The ion composition (its species).</param>
/// <param name="Species">The species index (1 … <see cref="RangeTable.SpeciesCount"/>).</param>
/// <param name="Line">The 1-based line of the file that defined the range (its first occurrence).</param>
/// <param name="Volume">The atomic volume (nm³) when the file gives one (RRNG <c>Vol:</c>, ENV), else NaN.</param>
/// <param name="Color">The display colour as written in the file, when it gives one.</param>
public sealed record MassRange(double Lo, double Hi, IonComposition Composition, byte Species, int Line, double Volume, string? Color)
{
    /// <summary>True when <paramref name="m"/> lies in [Lo, Hi] (both ends included).</summary>
    public bool Contains(double m) => m >= Lo && m <= Hi;

    /// <summary>
    /// True when the float32 mass <paramref name="m"/> lies in [(float)Lo, (float)Hi]: the bounds are rounded to
    /// float like the data (see <see cref="RangeTable.SpeciesOf(float)"/>).
    /// </summary>
    public bool Contains(float m) => m >= (float)Lo && m <= (float)Hi;

    /// <summary>For messages: <c>line 12 [3.1, 3.5] Cr:1 O:1</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"line {Line} [{Lo}, {Hi}] {Composition.ToRangeNotation()}");
}

/// <summary>A positive-width overlap between two ranges, <paramref name="First"/> listed before <paramref name="Second"/>.</summary>
/// <param name="First">The range listed first (it wins when resolving).</param>
/// <param name="Second">The range listed later.</param>
/// <param name="Lo">Lower end of the overlap interval (Da).</param>
/// <param name="Hi">Upper end of the overlap interval (Da).</param>
public sealed record RangeOverlap(MassRange First, MassRange Second, double Lo, double Hi)
{
    /// <summary>
    /// True when the two ranges have different compositions, so the overlap changes which species an ion
    /// gets; false for nested or repeated ranges of one composition (harmless, but still refused in strict mode).
    /// </summary>
    public bool IsConflict => !First.Composition.Equals(Second.Composition);

    /// <summary>One-line description naming both lines and the overlap interval.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"range at {Second} overlaps range at {First} on [{Lo}, {Hi}]");
}
