using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MlApt.Numerics;

/// <summary>
/// Every JSON document the library writes: indented, with non-ASCII text (σ, η, Å) kept readable rather
/// than escaped. Written to a string, so a caller can print exactly what went into the file.
/// </summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document <paramref name="write"/> makes, as text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
            write(w);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
