using Microsoft.Win32.SafeHandles;
using MlApt.Numerics;

namespace MlApt.Io;

/// <summary>Decodes a run of whole records; <paramref name="first"/> is the index of the first one.</summary>
internal delegate void RecordDecoder(ReadOnlySpan<byte> records, int first, ref long firstBad);

/// <summary>
/// Reads fixed-size records from a file region in parallel chunks (positional reads, one buffer
/// per worker), so that a large POS/EPOS/APT file streams through a few megabytes of buffer and
/// both cores decode. Decoders report the first invalid record they meet; the smallest wins, so
/// the error names the same ion whatever the thread count.
/// </summary>
internal static class RecordReader
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Reads <paramref name="count"/> records and returns the index of the first bad one, or -1.</summary>
    public static long Read(SafeFileHandle file, long offset, int count, int recordSize, RecordDecoder decode)
    {
        var perChunk = Math.Max(1, ChunkBytes / recordSize);
        var chunks = (count + perChunk - 1) / perChunk;
        long firstBad = long.MaxValue;
        Parallel.For(0, chunks, Parallelism.Options,
            () => new byte[perChunk * recordSize],
            (c, _, buffer) =>
            {
                var first = c * perChunk;
                var n = Math.Min(perChunk, count - first);
                var span = buffer.AsSpan(0, n * recordSize);
                var at = offset + (long)first * recordSize;
                var read = 0;
                while (read < span.Length)
                {
                    var got = RandomAccess.Read(file, span[read..], at + read);
                    if (got == 0)
                        throw new EndOfStreamException();
                    read += got;
                }
                long bad = long.MaxValue;
                decode(span, first, ref bad);
                if (bad != long.MaxValue)
                    InterlockedMin(ref firstBad, bad);
                return buffer;
            },
            _ => { });
        return firstBad == long.MaxValue ? -1 : firstBad;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
