using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MlApt.Io;

internal static partial class AptFormat
{
    /// <summary>
    /// Writes an AP Suite <c>.apt</c> file atomically: the 540-byte header, Position (172-byte
    /// header with the bounds), Mass, then the cloud's other sections as they were read.
    /// </summary>
    public static void Write(string path, IonCloud ions, DateTime? created = null)
    {
        ArgumentNullException.ThrowIfNull(ions);
        var n = ions.Count;
        AtomicFile.Write(path, s =>
        {
            var head = new byte[FileHeaderSize];
            "APT\0"u8.CopyTo(head);
            BinaryPrimitives.WriteInt32LittleEndian(head.AsSpan(4), FileHeaderSize);
            BinaryPrimitives.WriteInt32LittleEndian(head.AsSpan(8), 2);
            WriteUtf16(head.AsSpan(12, 512), Path.GetFileName(path));
            BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan(524), (created ?? DateTime.UnixEpoch).ToFileTimeUtc());
            BinaryPrimitives.WriteInt64LittleEndian(head.AsSpan(532), n);
            s.Write(head);

            var pos = new byte[SectionHeaderSize + 24];
            new SectionHeader(true, pos.Length, 2, "Position", 1, 1, 1, 3, 32, 12, "nm", n, 12L * n).WriteTo(pos);
            var bounds = MemoryMarshal.Cast<byte, float>(pos.AsSpan(SectionHeaderSize));
            (bounds[0], bounds[1]) = MinMax(ions.X);
            (bounds[2], bounds[3]) = MinMax(ions.Y);
            (bounds[4], bounds[5]) = MinMax(ions.Z);
            s.Write(pos);
            const int perChunk = 1 << 16;
            var buffer = new byte[perChunk * 12];
            for (var start = 0; start < n; start += perChunk)
            {
                var c = Math.Min(perChunk, n - start);
                for (var k = 0; k < c; k++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 12), ions.X[start + k]);
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 12 + 4), ions.Y[start + k]);
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 12 + 8), ions.Z[start + k]);
                }
                s.Write(buffer, 0, c * 12);
            }

            var mass = new byte[SectionHeaderSize];
            new SectionHeader(true, mass.Length, 2, "Mass", 1, 1, 1, 3, 32, 4, "Da", n, 4L * n).WriteTo(mass);
            s.Write(mass);
            for (var start = 0; start < n; start += perChunk)
            {
                var c = Math.Min(perChunk, n - start);
                for (var k = 0; k < c; k++)
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 4), ions.M[start + k]);
                s.Write(buffer, 0, c * 4);
            }

            foreach (var o in ions.OtherSections)
            {
                var h = new byte[SectionHeaderSize + o.ExtraHeader.Length];
                new SectionHeader(true, h.Length, o.HeaderVersion, o.Name, o.SectionVersion, o.RelationshipType, o.RecordType,
                    o.RecordDataType, o.DataTypeSizeBits, o.RecordSize, o.Unit, o.RecordCount, o.Data.Length).WriteTo(h);
                o.ExtraHeader.CopyTo(h, SectionHeaderSize);
                s.Write(h);
                s.Write(o.Data);
            }
        });
    }

    private static (float Min, float Max) MinMax(float[] values) =>
        values.Length == 0 ? (0f, 0f) : (System.Numerics.Tensors.TensorPrimitives.Min(values), System.Numerics.Tensors.TensorPrimitives.Max(values));
}
