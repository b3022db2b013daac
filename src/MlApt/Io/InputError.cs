using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MlApt.Io;

/// <summary>
/// Central throw helper for malformed input. Every message has the shape
/// <c>file: place: what is wrong (expected ...)</c> so that a user can go straight to the spot.
/// </summary>
internal static class InputError
{
    /// <summary>Throws for a problem at a text line (1-based).</summary>
    [DoesNotReturn]
    public static void AtLine(string source, long line, string message) =>
        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{source}: line {line}: {message}"));

    /// <summary>Throws for a problem at a byte offset.</summary>
    [DoesNotReturn]
    public static void AtByte(string source, long offset, string message) =>
        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{source}: byte {offset}: {message}"));

    /// <summary>Throws for a problem with one ion (0-based index).</summary>
    [DoesNotReturn]
    public static void AtIon(string source, long ion, string message) =>
        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{source}: ion {ion}: {message}"));

    /// <summary>Throws for a problem with a whole file or argument.</summary>
    [DoesNotReturn]
    public static void In(string source, string message) =>
        throw new InputException($"{source}: {message}");
}
