using System.Buffers.Binary;
using System.IO.Compression;

namespace MlApt.Io;

/// <summary>
/// VTK XML's inline binary encoding with zlib compression (<c>compressor="vtkZLibDataCompressor"</c>,
/// <c>header_type="UInt64"</c>): the data is cut into blocks, each compressed with zlib; a header of
/// UInt64 values [blocks, block size, size of the last partial block (0 when full), compressed size of
/// each block] is base64-encoded on its own, followed by the base64 of the compressed blocks.
/// </summary>
internal static class VtkBinary
{
    /// <summary>Uncompressed bytes per block (VTK readers take any size; 1 MiB keeps the header short).</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>The VTKFile attributes that announce this encoding.</summary>
    public const string FileAttributes = "byte_order=\"LittleEndian\" header_type=\"UInt64\" compressor=\"vtkZLibDataCompressor\"";

    /// <summary>Writes <paramref name="data"/> (little-endian values) compressed and base64-encoded.</summary>
    public static void WriteCompressed(TextWriter w, ReadOnlySpan<byte> data)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("VTK output is written from little-endian memory");
        var blocks = new List<byte[]>();
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            var block = data.Slice(offset, Math.Min(BlockSize, data.Length - offset));
            using var buffer = new MemoryStream();
            using (var z = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                z.Write(block);
            blocks.Add(buffer.ToArray());
        }
        var header = new byte[8 * (3 + blocks.Count)];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)blocks.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), BlockSize);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), (ulong)(data.Length % BlockSize));
        for (var b = 0; b < blocks.Count; b++)
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24 + 8 * b), (ulong)blocks[b].Length);
        w.Write(Convert.ToBase64String(header));
        var encoder = new Base64Chunks(w);
        foreach (var block in blocks)
            encoder.Put(block);
        encoder.Finish();
    }

    /// <summary>One base64 stream written in pieces: input is encoded in multiples of 3 bytes so that the pieces join.</summary>
    private sealed class Base64Chunks(TextWriter w)
    {
        private const int Chunk = 3 << 16;
        private readonly byte[] _buffer = new byte[Chunk];
        private readonly char[] _chars = new char[Chunk / 3 * 4];
        private int _filled;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                var n = Math.Min(bytes.Length, Chunk - _filled);
                bytes[..n].CopyTo(_buffer.AsSpan(_filled));
                _filled += n;
                bytes = bytes[n..];
                if (_filled == Chunk)
                    Flush(final: false);
            }
        }

        public void Finish() => Flush(final: true);

        private void Flush(bool final)
        {
            var take = final ? _filled : _filled / 3 * 3;
            var n = Convert.ToBase64CharArray(_buffer, 0, take, _chars, 0);
            w.Write(_chars, 0, n);
            Array.Copy(_buffer, take, _buffer, 0, _filled - take);
            _filled -= take;
        }
    }
}
