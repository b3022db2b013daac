using System.Buffers.Binary;

namespace MlApt.Io;

/// <summary>
/// EPOS: 44-byte big-endian records: x, y, z, m, TOF, V_DC, V_pulse, det_x, det_y (float32), then
/// ΔPulse and ions-per-pulse (uint32). The fields beyond POS are kept in <see cref="EposExtras"/>.
/// </summary>
internal static class EposFormat
{
    /// <summary>Bytes per ion.</summary>
    public const int RecordSize = 44;

    /// <summary>Reads an EPOS file. Throws <see cref="InputException"/> for malformed content.</summary>
    public static IonCloud Read(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        var count = IonCounts.FromLength(path, length, RecordSize, "EPOS");
        float[] x = new float[count], y = new float[count], z = new float[count], m = new float[count];
        var e = new EposExtras(count);
        var bad = RecordReader.Read(file, 0, count, RecordSize, (ReadOnlySpan<byte> r, int first, ref long firstBad) =>
        {
            for (var k = 0; k * RecordSize < r.Length; k++)
            {
                var rec = r.Slice(k * RecordSize, RecordSize);
                var i = first + k;
                x[i] = BinaryPrimitives.ReadSingleBigEndian(rec);
                y[i] = BinaryPrimitives.ReadSingleBigEndian(rec[4..]);
                z[i] = BinaryPrimitives.ReadSingleBigEndian(rec[8..]);
                m[i] = BinaryPrimitives.ReadSingleBigEndian(rec[12..]);
                e.Tof[i] = BinaryPrimitives.ReadSingleBigEndian(rec[16..]);
                e.VDc[i] = BinaryPrimitives.ReadSingleBigEndian(rec[20..]);
                e.VPulse[i] = BinaryPrimitives.ReadSingleBigEndian(rec[24..]);
                e.DetX[i] = BinaryPrimitives.ReadSingleBigEndian(rec[28..]);
                e.DetY[i] = BinaryPrimitives.ReadSingleBigEndian(rec[32..]);
                e.PulseDelta[i] = BinaryPrimitives.ReadUInt32BigEndian(rec[36..]);
                e.IonsPerPulse[i] = BinaryPrimitives.ReadUInt32BigEndian(rec[40..]);
                if (!(float.IsFinite(x[i]) && float.IsFinite(y[i]) && float.IsFinite(z[i]) && float.IsFinite(m[i])) && i < firstBad)
                    firstBad = i;
            }
        });
        if (bad >= 0)
            IonCounts.ThrowNotFinite(path, bad, RecordSize, x, y, z, m);
        return new IonCloud(x, y, z, m, e);
    }

    /// <summary>
    /// Writes an EPOS file atomically. Ions without EPOS fields get zeros there (and
    /// ions-per-pulse 1), which readers treat as single hits.
    /// </summary>
    public static void Write(string path, IonCloud ions)
    {
        ArgumentNullException.ThrowIfNull(ions);
        var e = ions.Extras;
        AtomicFile.Write(path, s =>
        {
            const int perChunk = 1 << 15;
            var buffer = new byte[perChunk * RecordSize];
            for (var start = 0; start < ions.Count; start += perChunk)
            {
                var n = Math.Min(perChunk, ions.Count - start);
                for (var k = 0; k < n; k++)
                {
                    var rec = buffer.AsSpan(k * RecordSize, RecordSize);
                    var i = start + k;
                    BinaryPrimitives.WriteSingleBigEndian(rec, ions.X[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[4..], ions.Y[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[8..], ions.Z[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[12..], ions.M[i]);
                    BinaryPrimitives.WriteSingleBigEndian(rec[16..], e?.Tof[i] ?? 0f);
                    BinaryPrimitives.WriteSingleBigEndian(rec[20..], e?.VDc[i] ?? 0f);
                    BinaryPrimitives.WriteSingleBigEndian(rec[24..], e?.VPulse[i] ?? 0f);
                    BinaryPrimitives.WriteSingleBigEndian(rec[28..], e?.DetX[i] ?? 0f);
                    BinaryPrimitives.WriteSingleBigEndian(rec[32..], e?.DetY[i] ?? 0f);
                    BinaryPrimitives.WriteUInt32BigEndian(rec[36..], e?.PulseDelta[i] ?? 0u);
                    BinaryPrimitives.WriteUInt32BigEndian(rec[40..], e?.IonsPerPulse[i] ?? 1u);
                }
                s.Write(buffer, 0, n * RecordSize);
            }
        });
    }
}
