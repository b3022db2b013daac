using System.Text.Json;

namespace MlApt.Numerics;

/// <summary>
/// JSON has no NaN or infinity: every output writes a number that is not finite (an undefined
/// statistic, a fraction of nothing) as <c>null</c>, through these two helpers.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>Writes <paramref name="name"/>: <paramref name="value"/>, or <c>null</c> when the value is not finite.</summary>
    public static void WriteFiniteOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value)) writer.WriteNumber(name, value); else writer.WriteNull(name);
    }

    /// <summary>Writes the array element <paramref name="value"/>, or <c>null</c> when it is not finite.</summary>
    public static void WriteFiniteOrNullValue(this Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value)) writer.WriteNumberValue(value); else writer.WriteNullValue();
    }
}
