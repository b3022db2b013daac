using System.Buffers.Binary;
using System.Text;

namespace MlApt.Io;

/// <summary>
/// AP Suite / IVAS 4 <c>.apt</c> (little-endian): a file header (<c>APT\0</c>, header size, version,
/// UTF-16 file name of 256 chars, creation time, ion count), then sections, each a <c>SEC\0</c>
/// header of <c>iHeaderSize</c> bytes followed by <c>llByteCount</c> bytes of data. Position and
/// Mass are decoded; other known sections are kept (<see cref="IonCloud.OtherSections"/>); unknown
/// ones are skipped by their byte count. No header size is assumed: each header says its own.
/// </summary>
internal static partial class AptFormat
{
    /// <summary>Size of the file header written by AP Suite (and by <see cref="Write"/>).</summary>
    public const int FileHeaderSize = 540;

    /// <summary>Size of a standard section header; Position's carries 6 float bounds more (172).</summary>
    public const int SectionHeaderSize = 148;

    /// <summary>Reads an <c>.apt</c> file. Throws <see cref="InputException"/> for malformed content.</summary>
    public static IonCloud Read(string path) => Read(path, out _);

    /// <summary>Reads an <c>.apt</c> file and lists the unknown sections that were skipped.</summary>
    public static IonCloud Read(string path, out IReadOnlyList<string> skipped)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length == 0)
            InputError.In(path, "file is empty (0 bytes): expected an AP Suite .apt file");
        if (length < FileHeaderSize)
            InputError.AtByte(path, 0, $"file is {length} bytes, shorter than the {FileHeaderSize}-byte .apt file header");

        var head = new byte[FileHeaderSize];
        ReadExactly(file, head, 0);
        if (!head.AsSpan(0, 4).SequenceEqual("APT\0"u8))
            InputError.AtByte(path, 0, $"signature '{Printable(head.AsSpan(0, 4))}': expected 'APT\\0' (not an AP Suite .apt file)");
        var headerSize = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(4));
        if (headerSize < FileHeaderSize || headerSize > length)
            InputError.AtByte(path, 4, $"file header size {headerSize}: expected at least {FileHeaderSize} and at most the file size {length}");
        var ionCount = BinaryPrimitives.ReadInt64LittleEndian(head.AsSpan(532));
        if (ionCount < 0)
            InputError.AtByte(path, 532, $"ion count {ionCount}: expected a non-negative number");
        var count = IonCounts.CheckCount(path, ionCount);

        float[]? x = null, y = null, z = null, m = null;
        var others = new List<AptSection>();
        var unknown = new List<string>();
        long positionAt = -1, massAt = -1;
        long at = headerSize;
        var sh = new byte[SectionHeaderSize];
        while (at < length)
        {
            if (length - at < SectionHeaderSize)
                InputError.AtByte(path, at, $"{length - at} trailing bytes: expected a {SectionHeaderSize}-byte section header or the end of the file");
            ReadExactly(file, sh, at);
            var h = SectionHeader.Parse(sh);
            if (!h.SignatureOk)
                InputError.AtByte(path, at, $"section signature '{Printable(sh.AsSpan(0, 4))}': expected 'SEC\\0'");
            if (h.HeaderSize < SectionHeaderSize || h.HeaderSize > length - at)
                InputError.AtByte(path, at + 4, $"section '{h.Name}' header size {h.HeaderSize}: expected at least {SectionHeaderSize} and within the file");
            var dataAt = at + h.HeaderSize;
            if (h.ByteCount < 0 || h.ByteCount > length - dataAt)
                InputError.AtByte(path, at + 140, $"section '{h.Name}' declares {h.ByteCount} data bytes but only {length - dataAt} remain in the file");

            switch (h.Name)
            {
                case "Position":
                    // Two would leave it to chance which one is read (the last used to win silently).
                    if (positionAt >= 0)
                        InputError.AtByte(path, at, $"a second 'Position' section (the first is at byte {positionAt}): an .apt file has one");
                    positionAt = at;
                    Expect(path, at, h, recordSize: 12, count);
                    (x, y, z) = ReadPositions(path, file, dataAt, count);
                    break;
                case "Mass":
                    if (massAt >= 0)
                        InputError.AtByte(path, at, $"a second 'Mass' section (the first is at byte {massAt}): an .apt file has one");
                    massAt = at;
                    Expect(path, at, h, recordSize: 4, count);
                    m = ReadMasses(path, file, dataAt, count);
                    break;
                default:
                    if (KnownSections.Contains(h.Name) && h.ByteCount <= Array.MaxLength)
                    {
                        var extra = new byte[h.HeaderSize - SectionHeaderSize];
                        ReadExactly(file, extra, at + SectionHeaderSize);
                        var data = new byte[h.ByteCount];
                        ReadExactly(file, data, dataAt);
                        others.Add(new AptSection(h.Name, h.Unit, h.HeaderVersion, h.SectionVersion, h.Relationship,
                            h.RecordType, h.RecordDataType, h.DataTypeSizeBits, h.RecordSize, h.RecordCount, extra, data));
                    }
                    else
                    {
                        unknown.Add(h.Name);
                    }
                    break;
            }
            at = dataAt + h.ByteCount;
        }
        if (x is null || y is null || z is null)
            InputError.In(path, "no 'Position' section: an .apt file needs Position and Mass");
        if (m is null)
            InputError.In(path, "no 'Mass' section: an .apt file needs Position and Mass");
        skipped = unknown;
        return new IonCloud(x, y, z, m) { OtherSections = others };
    }

    private static void Expect(string path, long at, in SectionHeader h, int recordSize, int count)
    {
        if (h.RecordDataType != 3 || h.DataTypeSizeBits != 32 || h.RecordSize != recordSize)
            InputError.AtByte(path, at, $"section '{h.Name}': data type {h.RecordDataType}, {h.DataTypeSizeBits} bits, record {h.RecordSize} bytes: expected float (3), 32 bits, {recordSize} bytes");
        if (h.RecordCount != count || h.ByteCount != (long)count * recordSize)
            InputError.AtByte(path, at, $"section '{h.Name}': {h.RecordCount} records in {h.ByteCount} bytes: expected {count} records ({(long)count * recordSize} bytes) as the file header says");
    }

    private static (float[] X, float[] Y, float[] Z) ReadPositions(string path, Microsoft.Win32.SafeHandles.SafeFileHandle file, long dataAt, int count)
    {
        float[] x = new float[count], y = new float[count], z = new float[count];
        var bad = RecordReader.Read(file, dataAt, count, 12, (ReadOnlySpan<byte> r, int first, ref long firstBad) =>
        {
            for (var k = 0; k * 12 < r.Length; k++)
            {
                var i = first + k;
                x[i] = BinaryPrimitives.ReadSingleLittleEndian(r[(k * 12)..]);
                y[i] = BinaryPrimitives.ReadSingleLittleEndian(r[(k * 12 + 4)..]);
                z[i] = BinaryPrimitives.ReadSingleLittleEndian(r[(k * 12 + 8)..]);
                if (!(float.IsFinite(x[i]) && float.IsFinite(y[i]) && float.IsFinite(z[i])) && i < firstBad)
                    firstBad = i;
            }
        });
        if (bad >= 0)
        {
            var i = (int)bad;
            var (name, v) = !float.IsFinite(x[i]) ? ("x", x[i]) : !float.IsFinite(y[i]) ? ("y", y[i]) : ("z", z[i]);
            InputError.AtIon(path, bad, $"(byte {dataAt + bad * 12}) {name} = {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a finite number");
        }
        return (x, y, z);
    }

    private static float[] ReadMasses(string path, Microsoft.Win32.SafeHandles.SafeFileHandle file, long dataAt, int count)
    {
        var m = new float[count];
        var bad = RecordReader.Read(file, dataAt, count, 4, (ReadOnlySpan<byte> r, int first, ref long firstBad) =>
        {
            for (var k = 0; k * 4 < r.Length; k++)
            {
                var i = first + k;
                m[i] = BinaryPrimitives.ReadSingleLittleEndian(r[(k * 4)..]);
                if (!float.IsFinite(m[i]) && i < firstBad)
                    firstBad = i;
            }
        });
        if (bad >= 0)
            InputError.AtIon(path, bad, $"(byte {dataAt + bad * 4}) m = {m[bad].ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a finite number");
        return m;
    }

    private static void ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var got = RandomAccess.Read(file, buffer[read..], offset + read);
            if (got == 0)
                throw new EndOfStreamException();
            read += got;
        }
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : b == 0 ? "\\0" : $"\\x{b:X2}");
        return sb.ToString();
    }

    /// <summary>Section names that AP Suite writes; other names are skipped.</summary>
    internal static readonly HashSet<string> KnownSections =
    [
        "tof", "pulse", "freq", "tElapsed", "erate", "tstage", "TargetErate", "TargetFlux", "pulseDelta", "Pres",
        "VAnodeMon", "Temp", "AmbTemp", "FractureGuard", "Vref", "Noise", "Uniformity", "xstage", "ystage", "zstage",
        "z", "tofc", "tofb", "xs", "ys", "zs", "rTip", "zApex", "zSphereCorr", "XDet_mm", "YDet_mm", "Multiplicity",
        "Vap", "Detector Coordinates", "Voltage", "Epos ToF",
    ];
}
