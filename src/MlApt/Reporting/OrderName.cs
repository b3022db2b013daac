using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MlApt.Reporting;

/// <summary>
/// The name of the order a model looks for, for figure titles: "L1₂-type Ni order along ⟨001⟩". Read from
/// the model's metadata (explicit <c>order.structure</c>, <c>order.element</c>, <c>order.pole</c> keys when a
/// model has them, else the CSRO class and orientation of the bank it was trained on); a model that records
/// neither (such as the published Keras models) is named by its pairs.
/// </summary>
internal static class OrderName
{
    /// <summary>
    /// The order's name for an analysis of <paramref name="pairs"/> with a model of <paramref name="modelPairs"/>
    /// and <paramref name="metadata"/>; built from <paramref name="pairs"/> when the metadata does not say.
    /// A one-channel model applied to another pair than its own looks for its order in that pair's element.
    /// </summary>
    public static string FromModel(IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> modelPairs, IReadOnlyList<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(modelPairs);
        ArgumentNullException.ThrowIfNull(pairs);
        var structure = Get(metadata, "order.structure", "structure");
        var element = Get(metadata, "order.element", "element");
        var pole = Get(metadata, "order.pole", "pole") ?? Get(metadata, "bank.orientation_hkl");
        if (structure is null && Get(metadata, "bank.classes") is { } classes)
            (structure, element) = FromBankClasses(classes, element);
        if (modelPairs.Count == 1 && pairs.Count == 1 && !string.Equals(modelPairs[0], pairs[0], StringComparison.Ordinal))
        {
            var ends = pairs[0].Split('-');
            element = ends.Length == 2 && ends[0] == ends[1] ? ends[0] : pairs[0].Replace('-', '–');
        }

        var direction = Direction(pole);
        if (structure is null && element is null)
            return Fallback(pairs) + (direction is null ? "" : $" along {direction}");
        var sb = new StringBuilder();
        if (structure is not null)
            sb.Append(string.Join('/', structure.Split('/').Select(Pretty))).Append("-type ");
        if (element is not null)
            sb.Append(element).Append(' ');
        sb.Append("order");
        if (direction is not null)
            sb.Append(" along ").Append(direction);
        return sb.ToString();
    }

    /// <summary>"L12" → "L1₂", "D03" → "D0₃"; "B2" and unknown names unchanged.</summary>
    public static string Pretty(string structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var s = structure.Trim();
        if (s.Length == 3 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]))
            return string.Concat(s.AsSpan(0, 2), ((char)('₀' + (s[2] - '0'))).ToString());
        return s;
    }

    private static string Fallback(IReadOnlyList<string> pairs) => pairs.Count switch
    {
        0 => "CSRO",
        1 => pairs[0].Replace('-', '–') + " CSRO",
        _ => $"CSRO from {pairs.Count} pair z-SDMs",
    };

    private static string? Get(IReadOnlyDictionary<string, string> metadata, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (metadata.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) && v != "null")
                return v.Trim();
        }
        return null;
    }

    /// <summary>The ordered classes of a bank (named CSRO, else every class after the first, the matrix): their motifs and ordered element.</summary>
    private static (string? Structure, string? Element) FromBankClasses(string json, string? element)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() < 2)
                return (null, element);
            var classes = doc.RootElement.EnumerateArray().ToList();
            var ordered = classes.Where(c => Text(c, "name") is { } n && n.Equals("CSRO", StringComparison.OrdinalIgnoreCase)).ToList();
            if (ordered.Count == 0)
                ordered = classes.Skip(1).ToList();
            var motifs = ordered.Select(c => Text(c, "motif")).OfType<string>()
                .Where(m => !m.Contains("solution", StringComparison.OrdinalIgnoreCase) && !m.Equals("pure", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal).ToList();
            if (element is null && ordered.Count > 0 && ordered[0].TryGetProperty("elements", out var els) && els.ValueKind == JsonValueKind.Array
                && els.GetArrayLength() > 0)
                element = els[0].GetString();
            return (motifs.Count == 0 ? null : string.Join('/', motifs), element);
        }
        catch (JsonException)
        {
            return (null, element);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>"[0, 0, 1]", "0,0,1" or "001" → "⟨001⟩"; negative indices with an overbar.</summary>
    private static string? Direction(string? pole)
    {
        if (pole is null) return null;
        var parts = pole.Trim('[', ']', '<', '>', '(', ')', ' ', '\n').Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Length == 3 && parts[0].All(char.IsAsciiDigit))
            parts = parts[0].Select(c => c.ToString()).ToArray();
        if (parts.Length != 3) return null;
        var sb = new StringBuilder("⟨");
        foreach (var p in parts)
        {
            if (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return null;
            sb.Append(Math.Abs(i).ToString(CultureInfo.InvariantCulture));
            if (i < 0) sb.Append('\u0304');
        }
        return sb.Append('⟩').ToString();
    }
}

/// <summary>The order a map profile's model looks for.</summary>
internal static class MapProfileOrder
{
    /// <summary>The order <paramref name="profile"/>'s model looks for in an analysis of <paramref name="pairs"/>, for figure titles.</summary>
    public static string OrderName(this Imaging.MapProfile profile, IEnumerable<Sdm.ElementPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(pairs);
        return Reporting.OrderName.FromModel(profile.Ensemble.Metadata, profile.Ensemble.Pairs, pairs.Select(p => p.ToString()).ToList());
    }
}
