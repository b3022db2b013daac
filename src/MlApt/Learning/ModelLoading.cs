using MlApt.Numerics;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// Opens a classifier whatever its form, recognised by its content rather than its name (a user may call the
/// file of <c>mlapt train --out cocrni.model</c> anything): an mlapt model file (safetensors, from
/// <c>mlapt train</c>, <see cref="ModelFile"/>), a folder of Keras <c>.h5</c> files or one Keras HDF5 file
/// (<see cref="KerasImport"/>). Other forms are an <see cref="InputException"/> saying what is accepted; new
/// model-file formats are added here.
/// </summary>
public static class ModelLoading
{
    /// <summary>What <see cref="Load"/> accepts, for error messages and help text.</summary>
    public const string Accepted = "an mlapt .safetensors model file, a Keras .h5 file or a folder of .h5 files";

    /// <summary>Loads the ensemble at <paramref name="path"/>.</summary>
    public static CnnEnsemble Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
            return KerasImport.Load(path);
        if (!File.Exists(path))
            InputError.In(path, $"model not found (expected {Accepted})");
        return Recognise(path) switch
        {
            ModelFormat.Safetensors => ModelFile.Load(path),
            ModelFormat.Hdf5 => KerasImport.Load(path),
            ModelFormat.ZipArchive => Unsupported(path, "a Keras 3 .keras (zip) archive; save the model in the legacy HDF5 format (model.save(\"m.h5\"))"),
            _ => Unsupported(path, "neither a safetensors nor an HDF5 file (by its first bytes)"),
        };
    }

    /// <summary>The forms a model file can take, told apart by their first bytes.</summary>
    public enum ModelFormat
    {
        /// <summary>Not a model file.</summary>
        Unknown,
        /// <summary>safetensors: an 8-byte little-endian header length, then a JSON object.</summary>
        Safetensors,
        /// <summary>HDF5 (Keras <c>.h5</c>): the 8-byte HDF5 signature at offset 0.</summary>
        Hdf5,
        /// <summary>A zip archive (Keras 3 <c>.keras</c>).</summary>
        ZipArchive,
    }

    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Which model form the file at <paramref name="path"/> is, from its first bytes.</summary>
    public static ModelFormat Recognise(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith(Hdf5Signature))
            return ModelFormat.Hdf5;
        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
            return ModelFormat.ZipArchive;
        if (head.Length >= 9)
        {
            var headerLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(head);
            var length = new FileInfo(path).Length;
            if (headerLength >= 2 && headerLength <= (ulong)(length - 8) && head[8] == (byte)'{')
                return ModelFormat.Safetensors;
        }
        return ModelFormat.Unknown;
    }

    /// <summary>
    /// A stable identifier of a model: <c>sha256:</c> and the hash of the file, or for a folder the hash
    /// of its sorted member names and hashes, so that a map records exactly which model made it.
    /// </summary>
    public static string Id(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path))
            return "sha256:" + Provenance.Sha256(path);
        var members = Directory.GetFiles(path).Where(f => f.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".hdf5", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + ":" + Provenance.Sha256(f));
        var text = string.Join("\n", members);
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static CnnEnsemble Unsupported(string path, string what)
    {
        InputError.In(path, $"{what}: expected {Accepted}");
        return null!;
    }
}
