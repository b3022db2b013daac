namespace MlApt.Io;

/// <summary>Reads and writes reconstructions in any supported format, chosen by extension or content.</summary>
public static class IonFile
{
    /// <summary>
    /// Reads a reconstruction. Every problem with the file (missing, empty, truncated, malformed,
    /// non-finite values, unknown format) is an <see cref="InputException"/> naming file and place.
    /// </summary>
    public static IonCloud Read(string path, IonFileFormat? format = null) => Read(path, format, out _);

    /// <summary>Reads a reconstruction and tells which format was read.</summary>
    public static IonCloud Read(string path, IonFileFormat? format, out IonFileFormat detected)
    {
        CheckReadable(path);
        detected = format ?? IonFileFormats.Detect(path);
        try
        {
            return detected switch
            {
                IonFileFormat.Pos => PosFormat.Read(path),
                IonFileFormat.Epos => EposFormat.Read(path),
                IonFileFormat.Apt => AptFormat.Read(path),
                IonFileFormat.Nexus => NxapmReader.Read(path).Cloud,
                _ => CsvIonFormat.Read(path),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"{path}: file ended early (changed while reading?)", e);
        }
    }

    /// <summary>Writes a reconstruction atomically in the given format (default: by extension).</summary>
    public static void Write(string path, IonCloud ions, IonFileFormat? format = null)
    {
        var f = format ?? IonFileFormats.FromExtension(path)
            ?? throw new InputException($"{path}: cannot tell the output format from the extension '{Path.GetExtension(path)}': expected .pos, .epos, .apt, .nxs or .csv");
        switch (f)
        {
            case IonFileFormat.Pos: PosFormat.Write(path, ions); break;
            case IonFileFormat.Epos: EposFormat.Write(path, ions); break;
            case IonFileFormat.Apt: AptFormat.Write(path, ions); break;
            case IonFileFormat.Nexus: NxapmWriter.Write(path, ions, null); break;
            default: CsvIonFormat.Write(path, ions); break;
        }
    }

    /// <summary>
    /// The ranging stored in a reconstruction file itself (NeXus NXapm ion types), or null when the format
    /// or the file carries none; commands then need a range file.
    /// </summary>
    public static RangeTable? EmbeddedRanges(string path)
    {
        CheckReadable(path);
        return IonFileFormats.Detect(path) == IonFileFormat.Nexus ? NxapmReader.ReadRanges(path) : null;
    }

    /// <summary>Throws a one-line <see cref="InputException"/> when a path cannot be read as a file.</summary>
    public static void CheckReadable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            InputError.In(path, "is a directory: expected a file");
        if (!File.Exists(path))
            InputError.In(path, "file not found");
    }
}
