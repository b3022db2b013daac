using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MlApt.Io;

namespace MlApt.Imaging;

/// <summary>
/// VTK XML ImageData (<c>.vti</c>) with cell data, readable by ParaView and VTK: one cell per
/// sub-voxel, arrays little-endian float32 / uint8, zlib-compressed in blocks and base64-encoded
/// (VTK's <c>vtkZLibDataCompressor</c> layout with a UInt64 header).
/// </summary>
internal static class VtiWriter
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
            w.Write($"<VTKFile type=\"ImageData\" version=\"1.0\" {VtkBinary.FileAttributes}>\n");
            w.Write(string.Create(inv, $"  <ImageData WholeExtent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\" Origin=\"{origin.X:R} {origin.Y:R} {origin.Z:R}\" Spacing=\"{spacing:R} {spacing:R} {spacing:R}\">\n"));
            w.Write(string.Create(inv, $"    <Piece Extent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\">\n"));
            w.Write("      <PointData>\n      </PointData>\n");
            w.Write($"      <CellData Scalars=\"{(arrays.Count > 0 ? arrays[0].Name : "")}\">\n");
            foreach (var a in arrays)
            {
                var type = a.Floats is not null ? "Float32" : "UInt8";
                w.Write($"        <DataArray type=\"{type}\" Name=\"{a.Name}\" NumberOfComponents=\"1\" format=\"binary\">\n          ");
                VtkBinary.WriteCompressed(w, a.Floats is { } f ? MemoryMarshal.AsBytes(f.AsSpan()) : a.Bytes);
                w.Write("\n        </DataArray>\n");
            }
            w.Write("      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n");
        });
    }
}
