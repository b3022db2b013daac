using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MlApt.Io;

namespace MlApt.Imaging;

/// <summary>
/// VTK XML ImageData (<c>.vti</c>) with cell data, readable by ParaView and VTK: one cell per
/// sub-voxel, arrays base64-encoded little-endian float32 / uint8 with a UInt64 byte-count header.
/// </summary>
public static class VtiWriter
{
    /// <summary>A named cell array: float32 or uint8 values in z, y, x order.</summary>
    public sealed record CellArray(string Name, float[]? Floats = null, byte[]? Bytes = null);

    /// <summary>Writes the grid (cells nx × ny × nz of edge <paramref name="spacing"/> from <paramref name="origin"/>) atomically.</summary>
    public static void Write(string path, (int Nx, int Ny, int Nz) cells, (double X, double Y, double Z) origin, double spacing,
        IReadOnlyList<CellArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var count = (long)cells.Nx * cells.Ny * cells.Nz;
        foreach (var a in arrays)
        {
            var length = a.Floats?.Length ?? a.Bytes?.Length ?? throw new ArgumentException($"array {a.Name} has no values");
            if (length != count)
                throw new ArgumentException($"array {a.Name} has {length} values for {count} cells");
        }
        var inv = CultureInfo.InvariantCulture;
        // Streamed: a 100M-ion map has ~20M cells per array, and building the whole document in memory
        // would cost several times the arrays themselves.
        AtomicFile.Write(path, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            w.Write("<?xml version=\"1.0\"?>\n");
            w.Write("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n");
            w.Write(string.Create(inv, $"  <ImageData WholeExtent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\" Origin=\"{origin.X:R} {origin.Y:R} {origin.Z:R}\" Spacing=\"{spacing:R} {spacing:R} {spacing:R}\">\n"));
            w.Write(string.Create(inv, $"    <Piece Extent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\">\n"));
            w.Write("      <PointData>\n      </PointData>\n");
            w.Write($"      <CellData Scalars=\"{(arrays.Count > 0 ? arrays[0].Name : "")}\">\n");
            foreach (var a in arrays)
            {
                var type = a.Floats is not null ? "Float32" : "UInt8";
                w.Write($"        <DataArray type=\"{type}\" Name=\"{a.Name}\" NumberOfComponents=\"1\" format=\"binary\">\n          ");
                WriteBase64(w, a);
                w.Write("\n        </DataArray>\n");
            }
            w.Write("      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n");
        });
    }

    /// <summary>
    /// VTK's binary inline encoding: one base64 stream of an 8-byte length header followed by the data.
    /// Encoded in chunks whose size is a multiple of 3 bytes, so that the pieces join into one stream.
    /// </summary>
    private static void WriteBase64(StreamWriter w, CellArray a)
    {
        var size = a.Floats is { } f ? f.Length * 4L : a.Bytes!.LongLength;
        const int chunk = 3 << 16;
        var buffer = new byte[chunk];
        var filled = 0;
        var chars = new char[chunk / 3 * 4];
        void Flush(bool final)
        {
            var take = final ? filled : filled / 3 * 3;
            var n = Convert.ToBase64CharArray(buffer, 0, take, chars, 0);
            w.Write(chars, 0, n);
            Array.Copy(buffer, take, buffer, 0, filled - take);
            filled -= take;
        }
        void Put(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                var n = Math.Min(bytes.Length, chunk - filled);
                bytes[..n].CopyTo(buffer.AsSpan(filled));
                filled += n;
                bytes = bytes[n..];
                if (filled == chunk)
                    Flush(final: false);
            }
        }
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)size);
        Put(header);
        if (a.Floats is { } floats)
        {
            Span<byte> four = stackalloc byte[4];
            foreach (var v in floats)
            {
                BinaryPrimitives.WriteSingleLittleEndian(four, v);
                Put(four);
            }
        }
        else
        {
            Put(a.Bytes);
        }
        Flush(final: true);
    }
}
