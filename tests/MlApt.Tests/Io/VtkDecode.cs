using System.Buffers.Binary;
using System.IO.Compression;

namespace MlApt.Tests.Io;

/// <summary>Decodes one zlib-compressed inline VTK DataArray, as VTK's reader does, independently of the writer.</summary>
internal static class VtkDecode
{
    public static byte[] Bytes(string text)
    {
        text = text.Trim();
        // The header's first three UInt64 take 24 bytes = 32 base64 characters; then the block sizes.
        var first = Convert.FromBase64String(text[..32]);
        var blocks = (int)BinaryPrimitives.ReadUInt64LittleEndian(first);
        var blockSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(first.AsSpan(8));
        var last = (long)BinaryPrimitives.ReadUInt64LittleEndian(first.AsSpan(16));
        var headerBytes = 8 * (3 + blocks);
        var headerChars = (headerBytes + 2) / 3 * 4;
        var header = Convert.FromBase64String(text[..headerChars]);
        var data = Convert.FromBase64String(text[headerChars..]);
        var output = new MemoryStream();
        var offset = 0;
        for (var b = 0; b < blocks; b++)
        {
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(24 + 8 * b));
            using var z = new ZLibStream(new MemoryStream(data, offset, size), CompressionMode.Decompress);
            var before = output.Length;
            z.CopyTo(output);
            var expected = b == blocks - 1 && last != 0 ? last : blockSize;
            Assert.Equal(expected, output.Length - before);
            offset += size;
        }
        Assert.Equal(data.Length, offset);
        return output.ToArray();
    }

    public static float[] Floats(string text)
    {
        var b = Bytes(text);
        return Enumerable.Range(0, b.Length / 4).Select(i => BitConverter.ToSingle(b, 4 * i)).ToArray();
    }

    public static int[] Ints(string text)
    {
        var b = Bytes(text);
        return Enumerable.Range(0, b.Length / 4).Select(i => BitConverter.ToInt32(b, 4 * i)).ToArray();
    }
}
