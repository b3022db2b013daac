using System.Text.Json;

namespace MlApt.Geometry;

/// <summary>The one JSON spelling of a box in every output: <c>{"min": [x, y, z], "max": [x, y, z]}</c> in nm.</summary>
internal static class BoxJson
{
    /// <summary>Writes <paramref name="b"/> as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, Box b)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject(name);
        w.WriteStartArray("min");
        w.WriteNumberValue(b.XMin); w.WriteNumberValue(b.YMin); w.WriteNumberValue(b.ZMin);
        w.WriteEndArray();
        w.WriteStartArray("max");
        w.WriteNumberValue(b.XMax); w.WriteNumberValue(b.YMax); w.WriteNumberValue(b.ZMax);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
