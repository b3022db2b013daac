using System.Globalization;

namespace MlApt.Io;

/// <summary>
/// Reads IVAS/AP Suite RRNG files: <c>[Ions]</c> (<c>Number=</c>, <c>IonN=name</c>) and <c>[Ranges]</c>
/// (<c>Number=</c>, <c>RangeN=lo hi Vol:v Name:n El:count … Color:c</c>). Keys in any case, fields in any
/// order, <c>#</c> comments, decimal commas. Repeated <c>RangeN</c> keys are separate ranges (real files
/// have them). Sections other than these two are skipped.
/// </summary>
internal static class RrngParser
{
    private enum Section { None, Ions, Ranges, Other }

    public static RawRanges Parse(List<string> lines, string source, RangeOptions options)
    {
        var result = new RawRanges(source, options);
        var section = Section.None;
        int? ionsHeader = null, rangesHeader = null;
        (int Value, int Line)? ionsNumber = null, rangesNumber = null;
        var declared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = i + 1;
            var text = lines[i].Trim();
            if (text.Length == 0 || text[0] == '#' || text[0] == ';')
                continue;
            if (text[0] == '[')
            {
                if (text[^1] != ']')
                    InputError.AtLine(source, line, $"section header '{text}' is missing ']'");
                var name = text[1..^1].Trim();
                section = name.Equals("Ions", StringComparison.OrdinalIgnoreCase) ? Section.Ions
                    : name.Equals("Ranges", StringComparison.OrdinalIgnoreCase) ? Section.Ranges
                    : Section.Other;
                if (section == Section.Ions)
                    ionsHeader ??= line;
                else if (section == Section.Ranges)
                    rangesHeader ??= line;
                continue;
            }
            if (section == Section.None)
                InputError.AtLine(source, line, $"'{Clip(text)}' before any section (expected [Ions] or [Ranges])");
            if (section == Section.Other)
                continue;

            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                InputError.AtLine(source, line, $"'{Clip(text)}' is not 'key=value' (expected {(section == Section.Ions ? "IonN=name" : "RangeN=lo hi El:count ...")})");
            var key = text[..eq].Trim();
            var value = text[(eq + 1)..].Trim();

            if (key.Equals("Number", StringComparison.OrdinalIgnoreCase))
            {
                var n = RangeText.Count(source, line, value, "Number");
                if (section == Section.Ions)
                    ionsNumber = (n, line);
                else
                    rangesNumber = (n, line);
            }
            else if (section == Section.Ions)
            {
                if (!IsIndexedKey(key, "Ion"))
                    InputError.AtLine(source, line, $"unexpected key '{key}' in [Ions] (expected Number=N or IonN=name)");
                if (value.Length == 0 || RangeText.Tokens(value).Length != 1 || value.Contains(':', StringComparison.Ordinal))
                    InputError.AtLine(source, line, $"ion name '{value}' (expected one word such as Ni or unknown)");
                result.DeclaredIons.Add(value);
                declared.TryAdd(value, value);
            }
            else
            {
                if (!IsIndexedKey(key, "Range"))
                    InputError.AtLine(source, line, $"unexpected key '{key}' in [Ranges] (expected Number=N or RangeN=lo hi El:count ...)");
                ParseRange(result, declared, line, value);
            }
        }

        var last = Math.Max(lines.Count, 1);
        if (ionsHeader is null)
            InputError.AtLine(source, last, "end of file without an [Ions] section (expected an RRNG file with [Ions] and [Ranges])");
        if (rangesHeader is null)
            InputError.AtLine(source, last, "end of file without a [Ranges] section (expected an RRNG file with [Ions] and [Ranges])");
        if (ionsNumber is { } inum && inum.Value != result.DeclaredIons.Count)
            result.Mismatch(inum.Line, FormattableString.Invariant($"[Ions] Number={inum.Value} but {result.DeclaredIons.Count} IonN lines follow"));
        if (rangesNumber is { } rnum && rnum.Value != result.Ranges.Count)
            result.Mismatch(rnum.Line, FormattableString.Invariant($"[Ranges] Number={rnum.Value} but {result.Ranges.Count} RangeN lines follow"));
        if (result.Ranges.Count == 0)
            InputError.AtLine(source, rangesHeader.Value, "[Ranges] defines no range (expected RangeN=lo hi El:count ...)");
        return result;
    }

    private static void ParseRange(RawRanges result, Dictionary<string, string> declared, int line, string value)
    {
        var source = result.Source;
        var tokens = RangeText.Tokens(value);
        var end = Array.FindIndex(tokens, t => t.StartsWith('#'));   // trailing comment
        if (end < 0)
            end = tokens.Length;
        if (end < 2)
            InputError.AtLine(source, line, $"range '{Clip(value)}' (expected 'lo hi' then fields such as Ni:1)");
        var lo = RangeText.Number(source, line, tokens[0], "range lower bound");
        var hi = RangeText.Number(source, line, tokens[1], "range upper bound");

        var volume = double.NaN;
        string? color = null, name = null;
        var counts = new List<KeyValuePair<string, int>>();
        for (var t = 2; t < end; t++)
        {
            var token = tokens[t];
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                InputError.AtLine(source, line, $"unexpected '{token}' in range (expected key:value such as Ni:1, Vol:0.01 or Color:FF0000)");
            var key = token[..colon];
            var val = token[(colon + 1)..];
            // "Vol: 0.01" written with a space: take the next token as the value.
            if (val.Length == 0 && t + 1 < end && !tokens[t + 1].Contains(':', StringComparison.Ordinal))
                val = tokens[++t];

            if (key.Equals("Vol", StringComparison.OrdinalIgnoreCase))
                volume = RangeText.Number(source, line, val, "Vol");
            else if (key.Equals("Color", StringComparison.OrdinalIgnoreCase) || key.Equals("Colour", StringComparison.OrdinalIgnoreCase))
                color = val;
            else if (key.Equals("Name", StringComparison.OrdinalIgnoreCase))
                name = val;
            else
            {
                var ion = ResolveIon(result, declared, line, key);
                if (!int.TryParse(val, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    InputError.AtLine(source, line, $"count '{token}' (expected {key}:N with N a non-negative integer)");
                if (counts.Exists(c => c.Key == ion))
                    InputError.AtLine(source, line, $"ion '{ion}' is given twice in one range");
                counts.Add(new(ion, n));
            }
        }

        IonComposition composition;
        if (counts.Exists(c => c.Value > 0))
            composition = result.Compose(line, counts);
        else if (!string.IsNullOrEmpty(name))
            composition = result.Compose(line, name);     // some writers give only Name:
        else
        {
            InputError.AtLine(source, line, $"range '{Clip(value)}' has no composition (expected counts such as Ni:1 or Cr:1 O:1, or Name:...)");
            return;
        }
        result.Add(line, lo, hi, composition, volume, color);
    }

    // A composition key must be a declared ion (any case) or a chemical element symbol; anything else is a typo.
    private static string ResolveIon(RawRanges result, Dictionary<string, string> declared, int line, string key)
    {
        if (declared.TryGetValue(key, out var spelled))
        {
            // Exact spelling wins ("Co" vs "CO" are different); otherwise take the [Ions] spelling.
            return result.DeclaredIons.Contains(key) ? key : spelled;
        }
        if (Elements.IsSymbol(key))
            return key;
        InputError.AtLine(result.Source, line, $"unknown field '{key}:' (expected Vol:, Name:, Color: or an ion declared in [Ions])");
        return key;
    }

    private static bool IsIndexedKey(string key, string prefix) =>
        key.Length > prefix.Length
        && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && !key.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9');

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
