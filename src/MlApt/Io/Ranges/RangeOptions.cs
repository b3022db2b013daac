namespace MlApt.Io;

/// <summary>How a range file is read.</summary>
/// <param name="Strict">
/// Refuse positive-width overlaps between ranges and declared counts that do not match the file
/// (e.g. <c>Number=</c> in RRNG, the header of RNG), instead of resolving overlaps first-listed-wins
/// and reporting the rest as <see cref="RangeTable.Warnings"/>.
/// </param>
public readonly record struct RangeOptions(bool Strict = false);

/// <summary>The range file formats that <see cref="RangeTable"/> reads.</summary>
public enum RangeFileKind
{
    /// <summary>Decide from the content (used by <see cref="RangeTable.Parse(string, string, RangeFileKind, RangeOptions)"/>).</summary>
    Auto = 0,
    /// <summary>IVAS/AP Suite RRNG: <c>[Ions]</c> and <c>[Ranges]</c> sections.</summary>
    Rrng,
    /// <summary>Oxford/Cameca RNG: count header, ion list, <c>----</c> line, <c>. lo hi counts…</c> lines, optional polyatomic extension.</summary>
    Rng,
    /// <summary>GPM Rouen ENV environment file (its element list and mass ranges).</summary>
    Env,
    /// <summary>The ion types of a NeXus NXapm file's ranging (read with the reconstruction).</summary>
    Nexus,
}
