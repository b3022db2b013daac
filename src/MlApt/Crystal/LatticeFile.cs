using System.Globalization;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Crystal;

/// <summary>
/// User-defined cells as JSON: cell vectors in units of the lattice parameter and basis sites in
/// fractional coordinates, each optionally naming its element (for the <see cref="Motif.Basis"/> occupation):
/// <code>
/// { "name": "L1_2 Ni3Al", "vectors": [[1,0,0],[0,1,0],[0,0,1]],
///   "basis": [ { "position": [0,0,0], "element": "Al" }, { "position": [0.5,0.5,0], "element": "Ni" } ] }
/// </code>
/// Errors are <see cref="InputException"/>s naming the file and the offending entry.
/// </summary>
public static class LatticeFile
{
    /// <summary>Reads a cell file.</summary>
    public static Lattice Load(string path)
    {
        IonFile.CheckReadable(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses cell JSON; <paramref name="source"/> names it in errors.</summary>
    public static Lattice Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) InputError.In(source, "expected a JSON object with \"vectors\" and \"basis\"");
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : Path.GetFileNameWithoutExtension(source);
            if (!root.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array || vectors.GetArrayLength() != 3)
                InputError.In(source, "\"vectors\": expected three cell vectors [[x,y,z],[x,y,z],[x,y,z]] in units of the lattice parameter");
            var v = vectors.EnumerateArray().Select((e, i) => Triple(e, source, $"vectors[{i}]")).ToArray();
            if (!root.TryGetProperty("basis", out var basis) || basis.ValueKind != JsonValueKind.Array || basis.GetArrayLength() == 0)
                InputError.In(source, "\"basis\": expected a non-empty array of { \"position\": [u,v,w], \"element\": \"X\" }");
            var sites = new List<BasisSite>();
            var i = 0;
            foreach (var b in basis.EnumerateArray())
            {
                var place = string.Create(CultureInfo.InvariantCulture, $"basis[{i++}]");
                var pos = default(JsonElement);
                if (b.ValueKind != JsonValueKind.Object || !b.TryGetProperty("position", out pos))
                    InputError.In(source, $"{place}: expected {{ \"position\": [u,v,w], \"element\": \"X\" }}");
                var (pu, pv, pw) = Triple(pos, source, place + ".position");
                string? element = null;
                if (b.TryGetProperty("element", out var el))
                {
                    if (el.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(el.GetString()))
                        InputError.In(source, $"{place}.element: expected an element name");
                    element = el.GetString()!.Trim();
                }
                sites.Add(new BasisSite(pu, pv, pw, element));
            }
            try
            {
                return new Lattice(name, LatticeKind.Custom, v[0], v[1], v[2], sites);
            }
            catch (ArgumentException e)
            {
                throw new InputException($"{source}: {e.Message}", e);
            }
        }
    }

    private static (double, double, double) Triple(JsonElement e, string source, string place)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 3 || e.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Number))
            InputError.In(source, $"{place}: expected three numbers");
        var c = e.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        if (c.Any(x => !double.IsFinite(x))) InputError.In(source, $"{place}: values must be finite");
        return (c[0], c[1], c[2]);
    }
}
