using System.Globalization;
using System.Text;

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
    public static string FromModel(IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> modelPairs, IReadOnlyList<string> pairs,
        Learning.ModelOrder? assumed = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(modelPairs);
        ArgumentNullException.ThrowIfNull(pairs);
        var order = Learning.ModelOrder.Read(metadata, assumed);
        var (structure, element) = (order.Structure, order.Element);
        if (modelPairs.Count == 1 && pairs.Count == 1 && !string.Equals(modelPairs[0], pairs[0], StringComparison.Ordinal))
        {
            var ends = pairs[0].Split('-');
            element = ends.Length == 2 && ends[0] == ends[1] ? ends[0] : pairs[0].Replace('-', '–');
        }

        var direction = Direction(order.Pole);
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
    public static string Pretty(string structure) => Crystal.OrderType.PrettyStructure(structure);

    private static string Fallback(IReadOnlyList<string> pairs) => pairs.Count switch
    {
        0 => "CSRO",
        1 => pairs[0].Replace('-', '–') + " CSRO",
        _ => $"CSRO from {pairs.Count} pair z-SDMs",
    };

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
        return Reporting.OrderName.FromModel(profile.Ensemble.Metadata, profile.Ensemble.Pairs, pairs.Select(p => p.ToString()).ToList(), profile.Order);
    }

    /// <summary>
    /// The built-in order types <paramref name="profile"/>'s model does not look for (every one when its order is
    /// unknown), each with the pole that asks for it.
    /// </summary>
    public static IReadOnlyList<Crystal.OrderType> NotLookedFor(this Imaging.MapProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var o = profile.Order;
        return Crystal.OrderType.BuiltIn.Where(t => !(t.PoleName == o.Pole && t.Structure == o.Structure && t.Element == o.Element)).ToList();
    }

    /// <summary>
    /// Writes the <c>model</c> object of a summary: name, id, the order it looks for (<c>pole</c>, <c>structure</c>,
    /// <c>element</c>: null when the model does not record them; <c>order</c>: its name for an analysis of
    /// <paramref name="pairs"/>), its pairs, and the built-in order types it does not look for.
    /// </summary>
    public static void WriteModel(this Imaging.MapProfile profile, System.Text.Json.Utf8JsonWriter w, IEnumerable<Sdm.ElementPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(w);
        var o = profile.Order;
        w.WriteStartObject("model");
        w.WriteString("name", profile.Model);
        w.WriteString("id", profile.ModelId);
        w.WriteString("order", profile.OrderName(pairs));
        void Text(string key, string? value) { if (value is null) w.WriteNull(key); else w.WriteString(key, value); }
        Text("pole", o.Pole);
        Text("structure", o.Structure);
        Text("element", o.Element);
        w.WriteStartArray("pairs");
        foreach (var p in profile.Ensemble.Pairs) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteStartArray("not_looked_for");
        foreach (var t in profile.NotLookedFor())
        {
            w.WriteStartObject();
            w.WriteString("order", t.Describe());
            w.WriteString("pole", t.PoleName);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One sentence for reports: which order was looked for and which built-in ones were not (and how to ask for them).</summary>
    public static string LookedForSentence(this Imaging.MapProfile profile, IEnumerable<Sdm.ElementPair> pairs, string command = "map")
    {
        ArgumentNullException.ThrowIfNull(profile);
        var not = profile.NotLookedFor();
        var sentence = $"Looked for {profile.OrderName(pairs)} only";
        return not.Count == 0 ? sentence + "."
            : sentence + "; not for " + string.Join("; ", not.Select(t => $"{t.Describe()} (mlapt {command} --pole {t.PoleName})")) + ".";
    }
}
