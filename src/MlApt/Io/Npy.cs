using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MlApt.Io;

/// <summary>
/// An n-dimensional array read from or written to NumPy's <c>.npy</c> format: C order, little-endian.
/// Values are held as double (every supported dtype converts exactly) together with the dtype of
/// the file, so that a reader can refuse what it does not expect.
/// </summary>
/// <param name="Shape">Dimensions, outermost first.</param>
/// <param name="DType">NumPy dtype descriptor of the source (e.g. <c>&lt;f4</c>, <c>&lt;f8</c>, <c>&lt;i4</c>).</param>
/// <param name="Data">Values in C order.</param>
internal sealed record NpyArray(int[] Shape, string DType, double[] Data)
{
    /// <summary>Number of elements (product of the shape).</summary>
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The values converted to float32.</summary>
    public float[] ToSingles()
    {
        var f = new float[Data.Length];
        for (var i = 0; i < f.Length; i++)
            f[i] = (float)Data[i];
        return f;
    }
}

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format versions 1–3) and <c>.npz</c> archives (a zip of
/// <c>.npy</c> members, as <c>numpy.savez</c> writes; read compressed or not). Malformed files give
/// an <see cref="InputException"/> naming the file and what was expected.
/// </summary>
internal static partial class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a <c>.npy</c> file.</summary>
    public static NpyArray Read(string path)
    {
        IonFile.CheckReadable(path);
        using var s = File.OpenRead(path);
        return Read(s, path);
    }

    /// <summary>Reads one array from a stream; <paramref name="source"/> names it in errors.</summary>
    public static NpyArray Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> pre = stackalloc byte[10];
        if (stream.ReadAtLeast(pre, 10, throwOnEndOfStream: false) < 10 || !pre[..6].SequenceEqual(Magic))
            InputError.AtByte(source, 0, "expected the .npy signature \\x93NUMPY");
        int major = pre[6];
        int headerLength;
        int consumed;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(pre[8..]);
            consumed = 10;
        }
        else if (major is 2 or 3)
        {
            Span<byte> extra = stackalloc byte[2];
            stream.ReadExactly(extra);
            headerLength = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian([pre[8], pre[9], extra[0], extra[1]]), int.MaxValue);
            consumed = 12;
        }
        else
        {
            InputError.AtByte(source, 6, $".npy format version {major}: expected 1, 2 or 3");
            return null!;
        }
        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerLength, throwOnEndOfStream: false) < headerLength)
            InputError.AtByte(source, consumed, $"header of {headerLength} bytes is cut short");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var descr = HeaderField(header, "descr", source);
        var fortran = HeaderField(header, "fortran_order", source);
        var shapeText = HeaderField(header, "shape", source);
        if (fortran != "False")
            InputError.In(source, "array is stored in Fortran order: expected C order (numpy.ascontiguousarray before saving)");
        var shape = shapeText.Trim('(', ')').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputException($"{source}: shape '{shapeText}': expected non-negative integers"))
            .ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var (size, convert) = Converter(descr, source);
        if (count * size > Array.MaxLength)
            InputError.In(source, $"array of {count} elements is too large to load");
        var raw = new byte[count * size];
        if (stream.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
            InputError.AtByte(source, consumed + headerLength, $"data cut short: expected {count} values of {size} bytes ({descr}, shape {shapeText})");
        var data = new double[count];
        convert(raw, data);
        return new NpyArray(shape, descr, data);
    }

    /// <summary>Writes a float32 array of the given shape.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> data, params int[] shape) =>
        WriteRaw(stream, "<f4", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a float64 array of the given shape.</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> data, params int[] shape) =>
        WriteRaw(stream, "<f8", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes an int32 array of the given shape.</summary>
    public static void Write(Stream stream, ReadOnlySpan<int> data, params int[] shape) =>
        WriteRaw(stream, "<i4", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a uint8 array of the given shape.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> data, params int[] shape) =>
        WriteRaw(stream, "|u1", data, data.Length, shape);

    /// <summary>Writes a float32 <c>.npy</c> file atomically.</summary>
    public static void WriteFile(string path, float[] data, params int[] shape) => AtomicFile.Write(path, s => Write(s, data, shape));

    /// <summary>Writes a uint8 <c>.npy</c> file atomically.</summary>
    public static void WriteFile(string path, byte[] data, params int[] shape) => AtomicFile.Write(path, s => Write(s, data, shape));

    private static void WriteRaw(Stream stream, string descr, ReadOnlySpan<byte> bytes, int count, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(shape);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("writing .npy needs a little-endian machine");
        if (shape.Aggregate(1L, (a, b) => a * b) != count)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) does not hold {count} values", nameof(shape));
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // Pad with spaces so that the data starts on a 64-byte boundary, ending the header with '\n'.
        var total = 10 + dict.Length + 1;
        var pad = (64 - total % 64) % 64;
        var header = dict + new string(' ', pad) + "\n";
        Span<byte> pre = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(pre[8..], (ushort)header.Length);
        stream.Write(pre);
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(bytes);
    }

    private static string HeaderField(string header, string key, string source)
    {
        var m = Regex.Match(header, $@"['""]{key}['""]\s*:\s*(\([^)]*\)|'[^']*'|""[^""]*""|True|False)");
        if (!m.Success)
            InputError.In(source, $".npy header '{header.Trim()}' has no '{key}'");
        return m.Groups[1].Value.Trim('\'', '"');
    }

    private delegate void Convert(byte[] raw, double[] dest);

    private static (int Size, Convert Convert) Converter(string descr, string source)
    {
        var little = descr.Length > 0 && descr[0] is '<' or '|' or '=';
        if (descr.Length > 0 && descr[0] == '>')
            little = false;
        var kind = descr.TrimStart('<', '>', '|', '=');
        return kind switch
        {
            "f4" => (4, (r, d) => { for (var i = 0; i < d.Length; i++) d[i] = little ? BinaryPrimitives.ReadSingleLittleEndian(r.AsSpan(4 * i)) : BinaryPrimitives.ReadSingleBigEndian(r.AsSpan(4 * i)); }),
            "f8" => (8, (r, d) => { for (var i = 0; i < d.Length; i++) d[i] = little ? BinaryPrimitives.ReadDoubleLittleEndian(r.AsSpan(8 * i)) : BinaryPrimitives.ReadDoubleBigEndian(r.AsSpan(8 * i)); }),
            "i4" => (4, (r, d) => { for (var i = 0; i < d.Length; i++) d[i] = little ? BinaryPrimitives.ReadInt32LittleEndian(r.AsSpan(4 * i)) : BinaryPrimitives.ReadInt32BigEndian(r.AsSpan(4 * i)); }),
            "i8" => (8, (r, d) => { for (var i = 0; i < d.Length; i++) d[i] = little ? BinaryPrimitives.ReadInt64LittleEndian(r.AsSpan(8 * i)) : BinaryPrimitives.ReadInt64BigEndian(r.AsSpan(8 * i)); }),
            "u1" or "b1" => (1, (r, d) => { for (var i = 0; i < d.Length; i++) d[i] = r[i]; }),
            _ => throw new InputException($"{source}: dtype '{descr}': expected float32, float64, int32, int64 or uint8"),
        };
    }
}
