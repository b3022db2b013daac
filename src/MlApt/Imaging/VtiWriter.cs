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
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\"?>\n");
        sb.Append("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n");
        sb.Append(inv, $"  <ImageData WholeExtent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\" Origin=\"{origin.X:R} {origin.Y:R} {origin.Z:R}\" Spacing=\"{spacing:R} {spacing:R} {spacing:R}\">\n");
        sb.Append(inv, $"    <Piece Extent=\"0 {cells.Nx} 0 {cells.Ny} 0 {cells.Nz}\">\n");
        sb.Append("      <PointData>\n      </PointData>\n");
        sb.Append(inv, $"      <CellData Scalars=\"{(arrays.Count > 0 ? arrays[0].Name : "")}\">\n");
        foreach (var a in arrays)
        {
            byte[] raw;
            string type;
            if (a.Floats is { } f)
            {
                if (f.Length != count)
                    throw new ArgumentException($"array {a.Name} has {f.Length} values for {count} cells");
                raw = new byte[f.Length * 4];
                for (var i = 0; i < f.Length; i++)
                    BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(4 * i), f[i]);
                type = "Float32";
            }
            else
            {
                var b = a.Bytes ?? throw new ArgumentException($"array {a.Name} has no values");
                if (b.Length != count)
                    throw new ArgumentException($"array {a.Name} has {b.Length} values for {count} cells");
                raw = b;
                type = "UInt8";
            }
            var block = new byte[8 + raw.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(block, (ulong)raw.Length);
            raw.CopyTo(block, 8);
            sb.Append(inv, $"        <DataArray type=\"{type}\" Name=\"{a.Name}\" NumberOfComponents=\"1\" format=\"binary\">\n");
            sb.Append("          ").Append(Convert.ToBase64String(block)).Append('\n');
            sb.Append("        </DataArray>\n");
        }
        sb.Append("      </CellData>\n    </Piece>\n  </ImageData>\n</VTKFile>\n");
        AtomicFile.WriteText(path, sb.ToString());
    }
}
