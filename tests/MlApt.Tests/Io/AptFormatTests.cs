using System.Buffers.Binary;
using System.Text;
using MlApt.Io;

namespace MlApt.Tests.Io;

public class AptFormatTests
{
    /// <summary>Builds .apt bytes by hand, independently of the writer.</summary>
    private sealed class AptBuilder
    {
        private readonly MemoryStream _s = new();

        public AptBuilder(long ions, int headerSize = 540, string magic = "APT\0")
        {
            var h = new byte[headerSize];
            Encoding.ASCII.GetBytes(magic).CopyTo(h, 0);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(4), headerSize);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(8), 2);
            Encoding.Unicode.GetBytes("test.apt").CopyTo(h, 12);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(532), ions);
            _s.Write(h);
        }

        public AptBuilder Section(string name, int recordSize, long records, byte[] data, int headerSize = 148,
            long? byteCount = null, string unit = "", string magic = "SEC\0")
        {
            var h = new byte[headerSize];
            Encoding.ASCII.GetBytes(magic).CopyTo(h, 0);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(4), headerSize);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(8), 2);
            Encoding.Unicode.GetBytes(name).CopyTo(h, 12);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(76), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(80), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(84), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(88), 3);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(92), 32);
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(96), recordSize);
            Encoding.Unicode.GetBytes(unit).CopyTo(h, 100);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(132), records);
            BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(140), byteCount ?? data.Length);
            _s.Write(h);
            _s.Write(data);
            return this;
        }

        public byte[] Bytes() => _s.ToArray();
    }

    private static byte[] Floats(params float[] v)
    {
        var b = new byte[v.Length * 4];
        for (var i = 0; i < v.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), v[i]);
        return b;
    }

    private static string WriteTemp(TempDir dir, byte[] bytes, string name = "t.apt")
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Read_HandBuiltFile_GivesPositionsAndMasses()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(2)
            .Section("Position", 12, 2, Floats(1, 2, 3, -4, -5, -6), headerSize: 172, unit: "nm")
            .Section("Mass", 4, 2, Floats(27.5f, 58f), unit: "Da")
            .Bytes();
        var c = AptFormat.Read(WriteTemp(dir, bytes));
        Assert.Equal([1f, -4f], c.X);
        Assert.Equal([2f, -5f], c.Y);
        Assert.Equal([3f, -6f], c.Z);
        Assert.Equal([27.5f, 58f], c.M);
    }

    [Fact]
    public void Read_UnknownSection_IsSkippedByItsByteCount()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(1)
            .Section("Position", 12, 1, Floats(1, 2, 3), headerSize: 172)
            .Section("FutureThing", 7, 3, new byte[21], headerSize: 200)
            .Section("Mass", 4, 1, Floats(9f))
            .Bytes();
        var c = AptFormat.Read(WriteTemp(dir, bytes), out var skipped);
        Assert.Equal([9f], c.M);
        Assert.Equal(["FutureThing"], skipped);
    }

    [Fact]
    public void Read_KnownSection_IsKeptAndWrittenBack()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(2)
            .Section("Position", 12, 2, Floats(1, 2, 3, 4, 5, 6), headerSize: 172)
            .Section("Mass", 4, 2, Floats(10f, 20f))
            .Section("tof", 4, 2, Floats(300f, 400f), unit: "ns")
            .Bytes();
        var c = AptFormat.Read(WriteTemp(dir, bytes));
        var tof = Assert.Single(c.OtherSections);
        Assert.Equal("tof", tof.Name);
        Assert.Equal("ns", tof.Unit);
        Assert.Equal([300f, 400f], tof.AsSingles()!);

        var again = dir.File("again.apt");
        AptFormat.Write(again, c);
        var back = AptFormat.Read(again);
        Assert.Equal([300f, 400f], Assert.Single(back.OtherSections).AsSingles()!);
    }

    [Fact]
    public void Read_DoesNotAssumeHeaderSizes()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(1, headerSize: 600)
            .Section("Mass", 4, 1, Floats(5f), headerSize: 160)
            .Section("Position", 12, 1, Floats(7, 8, 9), headerSize: 180)
            .Bytes();
        var c = AptFormat.Read(WriteTemp(dir, bytes));
        Assert.Equal([7f], c.X);
        Assert.Equal([5f], c.M);
    }

    [Fact]
    public void Write_HasDocumentedLayout()
    {
        using var dir = new TempDir();
        var path = dir.File("w.apt");
        AptFormat.Write(path, new IonCloud([1f, 2f], [3f, 4f], [-5f, -6f], [7f, 8f]));
        var b = File.ReadAllBytes(path);
        Assert.Equal(540 + 172 + 24 + 148 + 8, b.Length);
        Assert.Equal("APT\0"u8.ToArray(), b[..4]);
        Assert.Equal(540, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4)));
        Assert.Equal(2L, BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(532)));
        Assert.Equal("SEC\0"u8.ToArray(), b[540..544]);
        Assert.Equal(172, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(544)));
        Assert.Equal("Position", Encoding.Unicode.GetString(b, 552, 16));
        // bounds after the standard header: xmin, xmax, ymin, ymax, zmin, zmax
        Assert.Equal(1f, BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(540 + 148)));
        Assert.Equal(-6f, BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(540 + 148 + 16)));
        Assert.Equal(1f, BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(540 + 172)));
    }

    [Fact]
    public void RoundTrip_IsExact()
    {
        using var dir = new TempDir();
        var cloud = IonSamples.Random(123_457, seed: 9);
        var path = dir.File("r.apt");
        AptFormat.Write(path, cloud);
        IonSamples.AssertSame(cloud, AptFormat.Read(path));
    }

    [Fact]
    public void Read_BadMagic_IsRefusedAtByte0()
    {
        using var dir = new TempDir();
        var path = WriteTemp(dir, new AptBuilder(0, magic: "XYZ\0").Bytes());
        var e = Assert.Throws<InputException>(() => AptFormat.Read(path));
        Assert.Contains("byte 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("APT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SectionBytesBeyondFile_IsRefused()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(1)
            .Section("Position", 12, 1, Floats(1, 2, 3), headerSize: 172, byteCount: 1_000_000)
            .Bytes();
        var e = Assert.Throws<InputException>(() => AptFormat.Read(WriteTemp(dir, bytes)));
        Assert.Contains("Position", e.Message, StringComparison.Ordinal);
        Assert.Contains("1000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadSectionSignature_NamesOffset()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(1).Section("Position", 12, 1, Floats(1, 2, 3), magic: "SEX\0").Bytes();
        var e = Assert.Throws<InputException>(() => AptFormat.Read(WriteTemp(dir, bytes)));
        Assert.Contains("byte 540", e.Message, StringComparison.Ordinal);
        Assert.Contains("SEC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingMass_IsRefused()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(1).Section("Position", 12, 1, Floats(1, 2, 3), headerSize: 172).Bytes();
        var e = Assert.Throws<InputException>(() => AptFormat.Read(WriteTemp(dir, bytes)));
        Assert.Contains("Mass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RecordCountDisagreeingWithHeader_IsRefused()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(2).Section("Position", 12, 1, Floats(1, 2, 3), headerSize: 172).Bytes();
        var e = Assert.Throws<InputException>(() => AptFormat.Read(WriteTemp(dir, bytes)));
        Assert.Contains("expected 2 records", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NaNPosition_NamesIon()
    {
        using var dir = new TempDir();
        var bytes = new AptBuilder(2)
            .Section("Position", 12, 2, Floats(1, 2, 3, 4, float.NaN, 6), headerSize: 172)
            .Section("Mass", 4, 2, Floats(1f, 2f)).Bytes();
        var e = Assert.Throws<InputException>(() => AptFormat.Read(WriteTemp(dir, bytes)));
        Assert.Contains("ion 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("y = NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedHeader_IsRefused()
    {
        using var dir = new TempDir();
        var path = WriteTemp(dir, "APT\0"u8.ToArray());
        var e = Assert.Throws<InputException>(() => AptFormat.Read(path));
        Assert.Contains("540", e.Message, StringComparison.Ordinal);
    }
}
