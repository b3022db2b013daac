using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MlApt.Io;

/// <summary>
/// VTK XML PolyData (<c>.vtp</c>): a point cloud with one vertex per point and per-point arrays, which
/// ParaView shows directly (Points or Point Gaussian representation). Arrays are zlib-compressed.
/// </summary>
internal static class VtpWriter
{
    /// <summary>A named per-point array of float32, int32 or uint8 values.</summary>
    public sealed record PointArray(string Name, float[]? Floats = null, int[]? Ints = null, byte[]? Bytes = null)
    {
        internal int Length => Floats?.Length ?? Ints?.Length ?? Bytes?.Length ?? throw new ArgumentException($"array {Name} has no values");
        internal string VtkType => Floats is not null ? "Float32" : Ints is not null ? "Int32" : "UInt8";
        internal ReadOnlySpan<byte> Data => Floats is not null ? MemoryMarshal.AsBytes(Floats.AsSpan())
            : Ints is not null ? MemoryMarshal.AsBytes(Ints.AsSpan()) : Bytes;
    }

    /// <summary>Writes the points (x, y, z in nm) and their arrays atomically.</summary>
    public static void Write(string path, float[] x, float[] y, float[] z, IReadOnlyList<PointArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(arrays);
        var n = x.Length;
        if (y.Length != n || z.Length != n)
            throw new ArgumentException("x, y and z must have the same length");
        foreach (var a in arrays)
        {
            if (a.Length != n)
                throw new ArgumentException($"array {a.Name} has {a.Length} values for {n} points");
        }
        var points = new float[3 * n];
        for (var i = 0; i < n; i++)
            (points[3 * i], points[3 * i + 1], points[3 * i + 2]) = (x[i], y[i], z[i]);
        var connectivity = new int[n];
        var offsets = new int[n];
        for (var i = 0; i < n; i++)
            (connectivity[i], offsets[i]) = (i, i + 1);
        AtomicFile.Write(path, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            w.Write("<?xml version=\"1.0\"?>\n");
            w.Write($"<VTKFile type=\"PolyData\" version=\"1.0\" {VtkBinary.FileAttributes}>\n");
            w.Write("  <PolyData>\n");
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"    <Piece NumberOfPoints=\"{n}\" NumberOfVerts=\"{n}\" NumberOfLines=\"0\" NumberOfStrips=\"0\" NumberOfPolys=\"0\">\n"));
            w.Write($"      <PointData Scalars=\"{(arrays.Count > 0 ? arrays[0].Name : "")}\">\n");
            foreach (var a in arrays)
                WriteArray(w, a.VtkType, a.Name, 1, a.Data);
            w.Write("      </PointData>\n      <Points>\n");
            WriteArray(w, "Float32", "Points", 3, MemoryMarshal.AsBytes(points.AsSpan()));
            w.Write("      </Points>\n      <Verts>\n");
            WriteArray(w, "Int32", "connectivity", 1, MemoryMarshal.AsBytes(connectivity.AsSpan()));
            WriteArray(w, "Int32", "offsets", 1, MemoryMarshal.AsBytes(offsets.AsSpan()));
            w.Write("      </Verts>\n    </Piece>\n  </PolyData>\n</VTKFile>\n");
        });
    }

    private static void WriteArray(StreamWriter w, string type, string name, int components, ReadOnlySpan<byte> data)
    {
        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"        <DataArray type=\"{type}\" Name=\"{name}\" NumberOfComponents=\"{components}\" format=\"binary\">\n          "));
        VtkBinary.WriteCompressed(w, data);
        w.Write("\n        </DataArray>\n");
    }
}
