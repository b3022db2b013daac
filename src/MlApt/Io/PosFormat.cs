using System.Buffers.Binary;

namespace MlApt.Io;

/// <summary>POS: big-endian float32 x, y, z (nm) and m (Da) per ion, 16 bytes, no header.</summary>
internal static class PosFormat
{
    /// <summary>Bytes per ion.</summary>
    public const int RecordSize = 16;

    /// <summary>Reads a POS file. Throws <see cref="InputException"/> for malformed content.</summary>
    public static IonCloud Read(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        var count = IonCounts.FromLength(path, length, RecordSize, "POS");
        float[] x = new float[count], y = new float[count], z = new float[count], m = new float[count];
        var bad = RecordReader.Read(file, 0, count, RecordSize, (ReadOnlySpan<byte> r, int first, ref long firstBad) =>
        {
            for (var k = 0; k * RecordSize < r.Length; k++)
            {
                var rec = r.Slice(k * RecordSize, RecordSize);
                var i = first + k;
                x[i] = BinaryPrimitives.ReadSingleBigEndian(rec);
                y[i] = BinaryPrimitives.ReadSingleBigEndian(rec[4..]);
                z[i] = BinaryPrimitives.ReadSingleBigEndian(rec[8..]);
                m[i] = BinaryPrimitives.ReadSingleBigEndian(rec[12..]);
                if (!(float.IsFinite(x[i]) && float.IsFinite(y[i]) && float.IsFinite(z[i]) && float.IsFinite(m[i])) && i < firstBad)
                    firstBad = i;
            }
        });
        if (bad >= 0)
            IonCounts.ThrowNotFinite(path, bad, RecordSize, x, y, z, m);
        return new IonCloud(x, y, z, m);
    }

    /// <summary>Writes a POS file atomically.</summary>
    public static void Write(string path, IonCloud ions)
    {
        ArgumentNullException.ThrowIfNull(ions);
        AtomicFile.Write(path, s =>
        {
            const int perChunk = 1 << 16;
            var buffer = new byte[perChunk * RecordSize];
            for (var start = 0; start < ions.Count; start += perChunk)
            {
                var n = Math.Min(perChunk, ions.Count - start);
                for (var k = 0; k < n; k++)
                {
                    var rec = buffer.AsSpan(k * RecordSize, RecordSize);
                    var i = start + k;
                    BinaryPrimitives.WriteSingleBigEndian(rec, ions.X[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[4..], ions.Y[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[8..], ions.Z[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[12..], ions.M[i]);
                }
                s.Write(buffer, 0, n * RecordSize);
            }
        });
    }
}

/// <summary>Checks shared by the fixed-record formats.</summary>
internal static class IonCounts
{
    /// <summary>The ion count of a headerless fixed-record file, or an error naming the leftover bytes.</summary>
    public static int FromLength(string path, long length, int recordSize, string format)
    {
        if (length == 0)
            InputError.In(path, $"file is empty (0 bytes): expected {format} records of {recordSize} bytes");
        if (length % recordSize != 0)
            InputError.AtByte(path, length - length % recordSize,
                $"file size {length} is not a multiple of the {format} record size {recordSize} ({length % recordSize} trailing bytes): truncated or not a {format} file");
        return CheckCount(path, length / recordSize);
    }

    /// <summary>Refuses counts beyond what one array holds.</summary>
    public static int CheckCount(string path, long count)
    {
        if (count > Array.MaxLength)
            InputError.In(path, $"{count} ions exceed the {Array.MaxLength} that one reconstruction in memory can hold: split the file (e.g. by z)");
        return (int)count;
    }

    /// <summary>Throws for the first ion with a NaN or infinite field.</summary>
    public static void ThrowNotFinite(string path, long ion, int recordSize, float[] x, float[] y, float[] z, float[] m)
    {
        var i = (int)ion;
        var field = !float.IsFinite(x[i]) ? ("x", x[i]) : !float.IsFinite(y[i]) ? ("y", y[i]) : !float.IsFinite(z[i]) ? ("z", z[i]) : ("m", m[i]);
        InputError.AtIon(path, ion,
            $"(byte {ion * recordSize}) {field.Item1} = {field.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a finite number");
    }
}
