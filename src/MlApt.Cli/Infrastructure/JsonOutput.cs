using System.Text;
using System.Text.Json;

namespace MlApt.Cli.Infrastructure;

/// <summary>Writes one indented JSON document to a text writer.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes one indented JSON document to a file, atomically.</summary>
    public static void WriteFile(string path, Action<Utf8JsonWriter> write) =>
        MlApt.Io.AtomicFile.Write(path, s =>
        {
            using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            write(w);
        });

    /// <summary>Writes a double, or null for NaN/infinity (which JSON cannot hold).</summary>
    public static void Number(this Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
            w.WriteNumber(name, value);
        else
            w.WriteNull(name);
    }

    /// <summary>Writes [x, y, z].</summary>
    public static void Triple(this Utf8JsonWriter w, string name, (double X, double Y, double Z) v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.X);
        w.WriteNumberValue(v.Y);
        w.WriteNumberValue(v.Z);
        w.WriteEndArray();
    }
}
