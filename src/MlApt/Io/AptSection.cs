namespace MlApt.Io;

/// <summary>
/// One section of an AP Suite <c>.apt</c> file other than Position and Mass, kept as read so that
/// it can be inspected or written back (for example <c>tof</c>, <c>Voltage</c>, <c>pulseDelta</c>).
/// </summary>
/// <param name="Name">Section type name (wcSectionType).</param>
/// <param name="Unit">Data unit (wcDataUnit), may be empty.</param>
/// <param name="HeaderVersion">iHeaderVersion.</param>
/// <param name="SectionVersion">iSectionVersion.</param>
/// <param name="RelationshipType">eRelationshipType (1 = one record per ion).</param>
/// <param name="RecordType">eRecordType (1 = fixed size).</param>
/// <param name="RecordDataType">eRecordDataType (1 int, 2 uint, 3 float, 4 string, 5 other).</param>
/// <param name="DataTypeSizeBits">iDataTypeSize in bits.</param>
/// <param name="RecordSize">iRecordSize in bytes.</param>
/// <param name="RecordCount">llRecordCount.</param>
/// <param name="ExtraHeader">Header bytes beyond the standard 148 (kept verbatim).</param>
/// <param name="Data">The section's llByteCount bytes, little-endian as in the file.</param>
public sealed record AptSection(
    string Name, string Unit, int HeaderVersion, int SectionVersion, uint RelationshipType, uint RecordType,
    uint RecordDataType, int DataTypeSizeBits, int RecordSize, long RecordCount, byte[] ExtraHeader, byte[] Data)
{
    /// <summary>The values as float32 when the section holds one float32 per record, else null.</summary>
    public float[]? AsSingles()
    {
        if (RecordDataType != 3 || DataTypeSizeBits != 32 || RecordSize != 4)
            return null;
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Data).ToArray();
    }
}
