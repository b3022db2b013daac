namespace MlApt.Io;

/// <summary>The reconstruction file formats MlApt reads and writes.</summary>
public enum IonFileFormat
{
    /// <summary>POS: big-endian float32 x, y, z, m per ion (16 bytes).</summary>
    Pos,
    /// <summary>EPOS: 44-byte big-endian records (POS fields plus detector fields).</summary>
    Epos,
    /// <summary>AP Suite / IVAS 4 <c>.apt</c>: little-endian, header plus named sections.</summary>
    Apt,
    /// <summary>Text: x, y, z, m columns separated by commas or white space, optional header.</summary>
    Csv,
    /// <summary>NeXus NXapm (HDF5): reconstruction, mass-to-charge and ranging (<c>.nxs</c>).</summary>
    Nexus,
}

/// <summary>Tells a file's format from its extension, then from its first bytes.</summary>
public static class IonFileFormats
{
    /// <summary>The name users see (<c>pos</c>, <c>epos</c>, <c>apt</c>, <c>csv</c>).</summary>
    public static string Name(this IonFileFormat format) => format switch
    {
        IonFileFormat.Pos => "pos",
        IonFileFormat.Epos => "epos",
        IonFileFormat.Apt => "apt",
        IonFileFormat.Nexus => "nxs",
        _ => "csv",
    };

    /// <summary>The format implied by a file name's extension, or null when it implies none.</summary>
    public static IonFileFormat? FromExtension(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".POS" => IonFileFormat.Pos,
            ".EPOS" => IonFileFormat.Epos,
            ".APT" => IonFileFormat.Apt,
            ".CSV" or ".TXT" or ".XYZM" => IonFileFormat.Csv,
            ".NXS" => IonFileFormat.Nexus,
            _ => null,
        };

    /// <summary>
    /// Detects the format of an existing file: the extension decides; without a known one, an
    /// <c>APT\0</c> signature means AP Suite and printable text means CSV; anything else is refused.
    /// </summary>
    public static IonFileFormat Detect(string path)
    {
        if (FromExtension(path) is { } byName)
            return byName;
        Span<byte> head = stackalloc byte[512];
        int n;
        using (var f = File.OpenRead(path))
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith("APT\0"u8))
            return IonFileFormat.Apt;
        if (head.StartsWith(NxapmReader.Signature))
            return IonFileFormat.Nexus;
        if (n > 0 && IsText(head))
            return IonFileFormat.Csv;
        InputError.In(path, $"unknown format (extension '{Path.GetExtension(path)}'): expected .pos, .epos, .apt, .nxs, .csv or .txt");
        return default;
    }

    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                return false;
        }
        return true;
    }
}
