using System.Globalization;

namespace MlApt.Io;

/// <summary>Text helpers shared by the range parsers: lines, tokens and tolerant number parsing.</summary>
internal static class RangeText
{
    /// <summary>All lines of the input (CR, LF or CRLF ends), without a leading byte-order mark.</summary>
    public static List<string> ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        if (lines.Count > 0 && lines[0].StartsWith('\uFEFF'))
            lines[0] = lines[0][1..];
        return lines;
    }

    /// <summary>Splits on any white space (spaces, tabs), dropping empty pieces.</summary>
    public static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for blank lines and <c>#</c> comment lines.</summary>
    public static bool IsBlankOrComment(string line)
    {
        var t = line.AsSpan().TrimStart();
        return t.IsEmpty || t[0] == '#';
    }

    /// <summary>
    /// Parses a finite number in invariant culture. A single comma with no dot is a decimal comma
    /// (files written under a German/French locale, e.g. <c>22,8615</c>).
    /// </summary>
    public static bool TryNumber(string token, out double value)
    {
        var s = token;
        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && !s.Contains('.', StringComparison.Ordinal) && s.IndexOf(',', comma + 1) < 0)
            s = s.Replace(',', '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Parses a number or throws an <see cref="InputException"/> naming the line and what was expected.</summary>
    public static double Number(string source, int line, string token, string what)
    {
        if (!TryNumber(token, out var v))
            InputError.AtLine(source, line, $"{what} '{token}' is not a number");
        return v;
    }

    /// <summary>Parses a non-negative integer or throws an <see cref="InputException"/>.</summary>
    public static int Count(string source, int line, string token, string what)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            InputError.AtLine(source, line, $"{what} '{token}' is not a non-negative integer");
        return n;
    }

    /// <summary>Formats a number for messages (shortest round-trip, invariant).</summary>
    public static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
