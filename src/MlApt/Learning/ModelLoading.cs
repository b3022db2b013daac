using MlApt.Numerics;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// Opens a classifier whatever its form, by the path: an mlapt model file (<c>.safetensors</c>, from
/// <c>mlapt train</c>, <see cref="ModelFile"/>), a folder of Keras <c>.h5</c> files or one
/// <c>.h5</c>/<c>.hdf5</c> file (<see cref="KerasImport"/>). Other forms are an <see cref="InputException"/>
/// saying what is accepted; new model-file formats are added here.
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
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".safetensors" => ModelFile.Load(path),
            ".h5" or ".hdf5" => KerasImport.Load(path),
            ".keras" => Unsupported(path, "a Keras 3 .keras archive; save the model in the legacy HDF5 format (model.save(\"m.h5\"))"),
            _ => Unsupported(path, $"unknown model format '{extension}'"),
        };
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
