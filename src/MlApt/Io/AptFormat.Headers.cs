using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MlApt.Io;

internal static partial class AptFormat
{
    /// <summary>The standard 148 bytes of a section header.</summary>
    private readonly record struct SectionHeader(
        bool SignatureOk, int HeaderSize, int HeaderVersion, string Name, int SectionVersion, uint Relationship,
        uint RecordType, uint RecordDataType, int DataTypeSizeBits, int RecordSize, string Unit, long RecordCount, long ByteCount)
    {
        // Offsets: 0 signature, 4 iHeaderSize, 8 iHeaderVersion, 12 wcSectionType[32], 76 iSectionVersion,
        // 80 eRelationshipType, 84 eRecordType, 88 eRecordDataType, 92 iDataTypeSize, 96 iRecordSize,
        // 100 wcDataUnit[16], 132 llRecordCount, 140 llByteCount.
        public static SectionHeader Parse(ReadOnlySpan<byte> b) => new(
            b[..4].SequenceEqual("SEC\0"u8),
            BinaryPrimitives.ReadInt32LittleEndian(b[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(b[8..]),
            Utf16(b.Slice(12, 64)),
            BinaryPrimitives.ReadInt32LittleEndian(b[76..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[80..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[84..]),
            BinaryPrimitives.ReadUInt32LittleEndian(b[88..]),
            BinaryPrimitives.ReadInt32LittleEndian(b[92..]),
            BinaryPrimitives.ReadInt32LittleEndian(b[96..]),
            Utf16(b.Slice(100, 32)),
            BinaryPrimitives.ReadInt64LittleEndian(b[132..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[140..]));

        public void WriteTo(Span<byte> b)
        {
            "SEC\0"u8.CopyTo(b);
            BinaryPrimitives.WriteInt32LittleEndian(b[4..], HeaderSize);
            BinaryPrimitives.WriteInt32LittleEndian(b[8..], HeaderVersion);
            WriteUtf16(b.Slice(12, 64), Name);
            BinaryPrimitives.WriteInt32LittleEndian(b[76..], SectionVersion);
            BinaryPrimitives.WriteUInt32LittleEndian(b[80..], Relationship);
            BinaryPrimitives.WriteUInt32LittleEndian(b[84..], RecordType);
            BinaryPrimitives.WriteUInt32LittleEndian(b[88..], RecordDataType);
            BinaryPrimitives.WriteInt32LittleEndian(b[92..], DataTypeSizeBits);
            BinaryPrimitives.WriteInt32LittleEndian(b[96..], RecordSize);
            WriteUtf16(b.Slice(100, 32), Unit);
            BinaryPrimitives.WriteInt64LittleEndian(b[132..], RecordCount);
            BinaryPrimitives.WriteInt64LittleEndian(b[140..], ByteCount);
        }
    }

    private static string Utf16(ReadOnlySpan<byte> bytes)
    {
        var chars = MemoryMarshal.Cast<byte, char>(bytes);
        var end = chars.IndexOf('\0');
        return new string(end < 0 ? chars : chars[..end]);
    }

    private static void WriteUtf16(Span<byte> dest, string text)
    {
        dest.Clear();
        var chars = MemoryMarshal.Cast<byte, char>(dest);
        text.AsSpan(0, Math.Min(text.Length, chars.Length - 1)).CopyTo(chars);
    }
}
