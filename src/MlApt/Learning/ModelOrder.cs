using System.Globalization;
using System.Text.Json;
using MlApt.Crystal;

namespace MlApt.Learning;

/// <summary>
/// The order a model looks for, stored in its metadata under <c>order.*</c> keys: the pole along the analysis
/// direction (<c>001</c>), the ordered structure (<c>L12</c>) and the ordered element (<c>Ni</c>). Training writes
/// it from its bank (<see cref="FromBank"/>); a map reads it (<see cref="Read"/>). Null parts: not known.
/// </summary>
/// <param name="Pole">Miller indices of the pole as digits (<c>001</c>, <c>111</c>; <c>1-10</c> for negative ones).</param>
/// <param name="Structure">Structure name (<c>L12</c>, <c>L11</c>, <c>B2</c>, …).</param>
/// <param name="Element">The ordered element.</param>
public sealed record ModelOrder(string? Pole, string? Structure, string? Element)
{
    /// <summary>Metadata key of the pole.</summary>
    public const string PoleKey = "order.pole";
    /// <summary>Metadata key of the structure.</summary>
    public const string StructureKey = "order.structure";
    /// <summary>Metadata key of the ordered element.</summary>
    public const string ElementKey = "order.element";

    /// <summary>Nothing known.</summary>
    public static ModelOrder Unknown { get; } = new(null, null, null);

    /// <summary>Whether pole, structure and element are all known.</summary>
    public bool Complete => Pole is not null && Structure is not null && Element is not null;

    /// <summary>The order type this describes, when complete.</summary>
    public OrderType? AsOrderType()
    {
        if (!Complete) return null;
        return BuiltInPole(Pole!) is { } p ? new OrderType(Structure!, Element!, p) : null;
    }

    /// <summary>The order of <paramref name="type"/>.</summary>
    public static ModelOrder Of(OrderType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new ModelOrder(type.PoleName, type.Structure, type.Element);
    }

    /// <summary>Writes the known parts into <paramref name="metadata"/>.</summary>
    public void WriteTo(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (Pole is not null) metadata[PoleKey] = Pole;
        if (Structure is not null) metadata[StructureKey] = Structure;
        if (Element is not null) metadata[ElementKey] = Element;
    }

    /// <summary>
    /// What <paramref name="metadata"/> says: the <c>order.*</c> keys, else what the bank it was trained on
    /// records (<c>bank.orientation_hkl</c>; the motif and first element of its CSRO class, else of its first
    /// ordered class), else unknown. <paramref name="assumed"/> fills what neither says (the embedded default
    /// model's order for its files from before the keys existed).
    /// </summary>
    public static ModelOrder Read(IReadOnlyDictionary<string, string> metadata, ModelOrder? assumed = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var bank = FromBank(metadata, "bank.");
        return new ModelOrder(
            Get(metadata, PoleKey) ?? bank.Pole ?? assumed?.Pole,
            Get(metadata, StructureKey) ?? bank.Structure ?? assumed?.Structure,
            Get(metadata, ElementKey) ?? bank.Element ?? assumed?.Element);
    }

    /// <summary>
    /// The order a bank's metadata describes (keys <c>orientation_hkl</c> and <c>classes</c> after
    /// <paramref name="prefix"/>): the pole along z, the motif and first element of the CSRO class (else of the
    /// classes after the first, the matrix).
    /// </summary>
    public static ModelOrder FromBank(IReadOnlyDictionary<string, string> metadata, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(prefix);
        var pole = Get(metadata, prefix + "orientation_hkl") is { } hkl ? PoleDigits(hkl) : null;
        var (structure, element) = Get(metadata, prefix + "classes") is { } classes ? FromClasses(classes) : (null, null);
        return new ModelOrder(pole, structure, element);
    }

    private static string? Get(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && v.Trim() != "null" ? v.Trim() : null;

    /// <summary>"[0, 0, 1]", "0,0,1" or "001" → "001"; null when it is not three whole numbers.</summary>
    internal static string? PoleDigits(string text)
    {
        var parts = text.Trim('[', ']', '<', '>', '(', ')', ' ', '\n', '⟨', '⟩').Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Length == 3 && parts[0].All(char.IsAsciiDigit))
            return parts[0];
        if (parts.Length != 3) return null;
        var indices = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out indices[i])) return null;
        }
        // Digits when every index is a single digit ≥ 0 ("001"), else comma-separated ("-1,1,0").
        return indices.All(i => i is >= 0 and <= 9) ? string.Concat(indices.Select(i => i.ToString(CultureInfo.InvariantCulture)))
            : string.Join(',', indices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    private static (int, int, int)? BuiltInPole(string pole) =>
        pole.Length == 3 && pole.All(char.IsAsciiDigit) ? (pole[0] - '0', pole[1] - '0', pole[2] - '0') : null;

    private static (string? Structure, string? Element) FromClasses(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() < 2)
                return (null, null);
            var classes = doc.RootElement.EnumerateArray().ToList();
            var ordered = classes.Where(c => Text(c, "name") is { } n && n.Equals("CSRO", StringComparison.OrdinalIgnoreCase)).ToList();
            if (ordered.Count == 0)
                ordered = classes.Skip(1).ToList();
            var motifs = ordered.Select(c => Text(c, "motif")).OfType<string>()
                .Where(m => !m.Contains("solution", StringComparison.OrdinalIgnoreCase) && !m.Equals("pure", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal).ToList();
            string? element = null;
            if (ordered.Count > 0 && ordered[0].ValueKind == JsonValueKind.Object && ordered[0].TryGetProperty("elements", out var els)
                && els.ValueKind == JsonValueKind.Array && els.GetArrayLength() > 0)
                element = els[0].GetString();
            return (motifs.Count == 0 ? null : string.Join('/', motifs), element);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
