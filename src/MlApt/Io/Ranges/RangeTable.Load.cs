namespace MlApt.Io;

public sealed partial class RangeTable
{
    /// <summary>
    /// Reads a range file. The format comes from the extension (<c>.rrng</c>, <c>.rng</c>, <c>.env</c>, any case),
    /// or from the content when the extension is something else.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, its format cannot be told, or it is malformed.</exception>
    public static RangeTable Load(string path, RangeOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return Parse(ReadText(path, MaxFileBytes), name, KindFromExtension(path), options);
    }

    /// <summary>
    /// The largest range file read (bytes). Real ones are a few kilobytes; the cap keeps a device such as
    /// <c>/dev/zero</c> or a reconstruction given by mistake from being read into memory whole.
    /// </summary>
    public const int MaxFileBytes = 16 << 20;

    /// <summary>
    /// Whether the file at <paramref name="path"/> is a range file: by its extension, or by its first 64 KiB
    /// (the content rules of <see cref="Load"/>). False for anything unreadable or binary.
    /// </summary>
    public static bool LooksLikeRangeFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (KindFromExtension(path) != RangeFileKind.Auto)
            return true;
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var head = new byte[64 << 10];
            var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (head.AsSpan(0, n).IndexOf((byte)0) >= 0)
                return false;
            using var reader = new StreamReader(new MemoryStream(head, 0, n));
            return Sniff(RangeText.ReadLines(reader)) is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Reads at most maxBytes of text; more, or a NUL byte (binary content), is an InputException.
    private static string ReadText(string path, int maxBytes)
    {
        byte[] bytes;
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = s.Read(chunk)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    InputError.In(path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"more than {maxBytes >> 20} MiB: not a range file (RRNG, RNG and ENV files are a few kilobytes)"));
                buffer.Write(chunk, 0, n);
            }
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{path}: cannot read the range file: {e.Message}", e);
        }
        var utf16 = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        var nul = bytes.AsSpan().IndexOf((byte)0);
        if (!utf16 && nul >= 0)
            InputError.AtByte(path, nul, "a NUL byte: binary content, not a range file (RRNG, RNG or ENV text)");
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Parses range-file text; <paramref name="sourceName"/> is used in messages.</summary>
    /// <exception cref="InputException">The text is empty, its format cannot be told, or it is malformed.</exception>
    public static RangeTable Parse(string text, string sourceName, RangeFileKind kind = RangeFileKind.Auto, RangeOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, sourceName, kind, options);
    }

    /// <summary>Parses range-file text from a reader; <paramref name="sourceName"/> is used in messages.</summary>
    /// <exception cref="InputException">The text is empty, its format cannot be told, or it is malformed.</exception>
    public static RangeTable Parse(TextReader reader, string sourceName, RangeFileKind kind = RangeFileKind.Auto, RangeOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lines = RangeText.ReadLines(reader);
        if (lines.TrueForAll(l => l.Trim().Length == 0))
            InputError.In(sourceName, "empty file (expected a range file: RRNG, RNG or ENV)");
        if (kind == RangeFileKind.Auto)
            kind = Sniff(lines) ?? throw new InputException(
                $"{sourceName}: cannot tell the range file format from its content (expected RRNG with [Ions]/[Ranges], RNG or ENV; use the .rrng, .rng or .env extension)");
        var raw = kind switch
        {
            RangeFileKind.Rrng => RrngParser.Parse(lines, sourceName, options),
            RangeFileKind.Rng => RngParser.Parse(lines, sourceName, options),
            RangeFileKind.Env => EnvParser.Parse(lines, sourceName, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown range file kind"),
        };
        return new RangeTable(raw, kind);
    }

    /// <summary>The format implied by a file extension (case-insensitive), or <see cref="RangeFileKind.Auto"/>.</summary>
    public static RangeFileKind KindFromExtension(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".RRNG" => RangeFileKind.Rrng,
            ".RNG" => RangeFileKind.Rng,
            ".ENV" => RangeFileKind.Env,
            _ => RangeFileKind.Auto,
        };

    // Content rules, checked in order: an [Ions]/[Ranges] header means RRNG; a "Rev_" version line or
    // '#' comments before a two-number header mean ENV; a '-' separator followed by ". lo hi" lines means RNG.
    internal static RangeFileKind? Sniff(List<string> lines)
    {
        foreach (var l in lines)
        {
            var t = l.Trim();
            if (t.Equals("[Ions]", StringComparison.OrdinalIgnoreCase) || t.Equals("[Ranges]", StringComparison.OrdinalIgnoreCase))
                return RangeFileKind.Rrng;
        }
        var first = lines.FindIndex(l => !RangeText.IsBlankOrComment(l));
        if (first < 0)
            return null;
        if (lines[first].TrimStart().StartsWith("Rev_", StringComparison.OrdinalIgnoreCase))
            return RangeFileKind.Env;
        if (RangeText.Tokens(lines[first]) is not [var a, var b] || !int.TryParse(a, out _) || !int.TryParse(b, out _))
            return null;
        var separator = lines.FindIndex(first, l => l.TrimStart().StartsWith('-'));
        if (separator >= 0 && lines.Skip(separator + 1).Any(l => l.TrimStart().StartsWith('.')))
            return RangeFileKind.Rng;
        if (lines.Take(first).Any(l => l.TrimStart().StartsWith('#')))
            return RangeFileKind.Env;
        return null;
    }

    /// <summary>
    /// A table from ion types read elsewhere (NeXus NXapm): each composition with its ranges, in order;
    /// the species are numbered in the order given.
    /// </summary>
    internal static RangeTable FromIonTypes(string sourceName, IReadOnlyList<(IonComposition Composition, (double Lo, double Hi)[] Ranges)> ions)
    {
        var raw = new RawRanges(sourceName, default);
        for (var k = 0; k < ions.Count; k++)
        {
            raw.DeclaredIons.Add(ions[k].Composition.Name);
            foreach (var (lo, hi) in ions[k].Ranges)
                raw.Add(k + 1, lo, hi, ions[k].Composition);
        }
        return new RangeTable(raw, RangeFileKind.Nexus);
    }
}
