using MlApt.Io;

namespace MlApt.Sdm;

/// <summary>
/// An element pair for a z-SDM, written <c>A-B</c> (<c>Ni-Ni</c>, <c>Co-Cr</c>): A's atoms are the
/// centres, B's the neighbours. An element's atoms are the ions whose range composition is exactly
/// one atom of it (METHOD §1: molecular ions are not split).
/// </summary>
/// <param name="Centre">Element of the centre atoms.</param>
/// <param name="Neighbour">Element of the neighbour atoms.</param>
public readonly record struct ElementPair(string Centre, string Neighbour)
{
    /// <summary>True when centres and neighbours are the same element (the reference use).</summary>
    public bool IsSameElement => Centre == Neighbour;

    /// <inheritdoc />
    public override string ToString() => $"{Centre}-{Neighbour}";

    /// <summary>Parses <c>A-B</c>; throws <see cref="InputException"/> naming the option otherwise.</summary>
    public static ElementPair Parse(string text, string source = "pair")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            InputError.In(source, $"'{text}': expected two elements joined by '-', e.g. Ni-Ni or Co-Cr");
        return new ElementPair(parts[0], parts[1]);
    }

    /// <summary>Parses a comma-separated list of pairs (<c>Fe-Fe,Al-Al</c>); errors name <paramref name="source"/>.</summary>
    public static IReadOnlyList<ElementPair> ParseList(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(p => Parse(p, source))];
    }

    /// <summary>
    /// The species whose ions are exactly one atom of <paramref name="element"/>. Throws
    /// <see cref="InputException"/> naming the range file when the table has no such species.
    /// </summary>
    public static byte SpeciesOf(RangeTable table, string element)
    {
        ArgumentNullException.ThrowIfNull(table);
        var s = table.SingleAtomSpecies(element);
        if (s == 0)
            InputError.In(table.Source, $"no range is exactly one atom of '{element}' (species: {string.Join(", ", table.Species.Skip(1).Select(c => c.Name))})");
        return s;
    }

    /// <summary>
    /// The positions (double precision, as the source wrote them) of the ions that are exactly one
    /// atom of <paramref name="element"/>. Throws <see cref="InputException"/> when the range table
    /// has no such species.
    /// </summary>
    public static (double[] X, double[] Y, double[] Z) Positions(IonCloud cloud, byte[] species, RangeTable table, string element)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(species);
        var indices = IonsOf(species, SpeciesOf(table, element));
        var count = indices.Length;
        double[] x = new double[count], y = new double[count], z = new double[count];
        cloud.CopyPositions(indices, x, y, z);
        return (x, y, z);
    }

    /// <summary>
    /// The indices of the ions that are exactly one atom of <paramref name="element"/> under <paramref name="table"/>; an
    /// <see cref="InputException"/> naming <paramref name="parameter"/> when the table defines no such ion.
    /// </summary>
    public static int[] IonsOf(IonCloud cloud, RangeTable table, string element, string parameter = "element")
    {
        ArgumentNullException.ThrowIfNull(table);
        var s = table.SingleAtomSpecies(element);
        if (s == 0)
            InputError.In(parameter, $"'{element}' is not defined by {table.Source} (available: {string.Join(", ", table.Species.Skip(1).Where(c => c.AtomCount == 1).Select(c => c.Name))})");
        return IonsOf(table.Assign(cloud), s);
    }

    // Two passes: the exact size, as clouds of 10⁸ ions make a growing list costly.
    private static int[] IonsOf(byte[] species, byte s)
    {
        var indices = new int[species.AsSpan().Count(s)];
        var k = 0;
        for (var i = 0; i < species.Length; i++)
        {
            if (species[i] == s)
                indices[k++] = i;
        }
        return indices;
    }
}
