using MlApt.Geometry;
using MlApt.Numerics;

namespace MlApt.Io;

/// <summary>
/// What a reconstruction holds: its format, ion count, bounds, the sections a reader skipped and, with a
/// ranging, the ions of each species (<c>mlapt info</c>).
/// </summary>
/// <param name="File">The reconstruction.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Ions">Number of ions.</param>
/// <param name="Bounds">Bounds of the positions as the file wrote them; null without ions.</param>
/// <param name="OtherSections">Names of sections not read (APT).</param>
/// <param name="HasEposFields">Whether the per-ion EPOS fields are present.</param>
/// <param name="Ranges">The file the ranging came from; null without one.</param>
/// <param name="Table">The ranging; null without one.</param>
/// <param name="SpeciesCounts">Ions per species (index 0: unranged); null without a ranging.</param>
public sealed record ReconstructionSummary(string File, IonFileFormat Format, long Ions, Bounds3? Bounds, IReadOnlyList<string> OtherSections,
    bool HasEposFields, string? Ranges, RangeTable? Table, long[]? SpeciesCounts)
{
    /// <summary>
    /// Reads <paramref name="file"/> with the range file <paramref name="ranges"/> (else the ranging the file carries,
    /// if any). A range file given as the reconstruction is refused with a hint.
    /// </summary>
    public static ReconstructionSummary Describe(string file, string? ranges, bool strictRanges)
    {
        IonFile.CheckReadable(file);
        if (IonFileFormats.FromExtension(file) is null or IonFileFormat.Csv && RangeTable.LooksLikeRangeFile(file))
            InputError.In(file, $"this is a range file, not a reconstruction: use mlapt ranges {file} (or give it to a reconstruction with --ranges)");
        var table = ranges is null ? IonFile.EmbeddedRanges(file) : Ranging.Load(ranges, strictRanges);
        var cloud = IonFile.Read(file, null, out var format);
        var bounds = cloud.Text is { } text ? Bounds3.Of(text.X, text.Y, text.Z) : Bounds3.Of(cloud.X, cloud.Y, cloud.Z);
        return new ReconstructionSummary(file, format, cloud.Count, bounds, [.. cloud.OtherSections.Select(s => s.Name)], cloud.Extras is not null,
            table is null ? null : ranges ?? file, table, table?.Count(table.Assign(cloud)));
    }

    /// <summary>The summary as one JSON object.</summary>
    public string ToJson() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", File);
        w.WriteString("format", Format.Name());
        w.WriteNumber("ions", Ions);
        if (Bounds is { } b)
        {
            w.WriteStartObject("bounds");
            Triple("min", b.Min);
            Triple("max", b.Max);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("bounds");
        }
        if (Table is not null && SpeciesCounts is not null)
        {
            w.WriteString("ranges", Ranges);
            w.WriteStartObject("species");
            for (var s = 1; s < SpeciesCounts.Length; s++)
                w.WriteNumber(Table.Species[s].Name, SpeciesCounts[s]);
            w.WriteEndObject();
            w.WriteNumber("unranged", SpeciesCounts[0]);
            w.WriteNumber("range_overlaps", Table.Overlaps.Count);
        }
        if (OtherSections.Count > 0)
        {
            w.WriteStartArray("other_sections");
            foreach (var s in OtherSections)
                w.WriteStringValue(s);
            w.WriteEndArray();
        }
        w.WriteBoolean("epos_fields", HasEposFields);
        w.WriteEndObject();

        void Triple(string name, (double X, double Y, double Z) v)
        {
            w.WriteStartArray(name);
            w.WriteNumberValue(v.X);
            w.WriteNumberValue(v.Y);
            w.WriteNumberValue(v.Z);
            w.WriteEndArray();
        }
    });
}
