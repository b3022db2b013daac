using MlApt.Numerics;

namespace MlApt.Io;

public sealed partial class RangeTable
{
    /// <summary>
    /// The table as one JSON object: the declared ions, the species, every range with its composition and line,
    /// the duplicates merged, the overlaps and the parser's warnings. <paramref name="file"/> names the source.
    /// </summary>
    public string ToJson(string file) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteStartArray("ions");
        foreach (var name in DeclaredIons)
            w.WriteStringValue(name);
        w.WriteEndArray();
        w.WriteStartArray("species");
        for (var s = 1; s < Species.Count; s++)
            w.WriteStringValue(Species[s].Name);
        w.WriteEndArray();
        w.WriteStartArray("ranges");
        foreach (var r in Ranges)
        {
            w.WriteStartObject();
            w.WriteNumber("lo", r.Lo);
            w.WriteNumber("hi", r.Hi);
            w.WriteString("species", r.Composition.Name);
            w.WriteStartObject("composition");
            foreach (var (element, count) in r.Composition.Parts)
                w.WriteNumber(element, count);
            w.WriteEndObject();
            w.WriteNumber("line", r.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("duplicates_merged", DuplicatesMerged);
        w.WriteStartArray("overlaps");
        foreach (var o in Overlaps)
        {
            w.WriteStartObject();
            w.WriteNumber("lo", o.Lo);
            w.WriteNumber("hi", o.Hi);
            w.WriteNumber("first_line", o.First.Line);
            w.WriteNumber("second_line", o.Second.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var warning in Warnings)
            w.WriteStringValue(warning);
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
