using System.Security.Cryptography;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// The default model embedded in the library (<c>Learning/Models/default.safetensors</c>, made by
/// <c>scripts/train-default-model.sh</c>): maps and validations use it when no model is given.
/// </summary>
public static class DefaultModel
{
    /// <summary>How the embedded model is named in outputs.</summary>
    public const string Name = "embedded:default.safetensors";
    private const string Resource = "MlApt.default.safetensors";
    private static readonly Lazy<byte[]?> Bytes = new(() =>
    {
        using var s = typeof(DefaultModel).Assembly.GetManifestResourceStream(Resource);
        if (s is null) return null;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    /// <summary>Whether this build carries the default model.</summary>
    public static bool Available => Bytes.Value is not null;

    /// <summary>sha256 of the embedded model.</summary>
    public static string Id => Bytes.Value is { } b ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(b)) : "none";

    /// <summary>Loads the embedded model; an <see cref="InputException"/> naming <c>model</c> when this build has none.</summary>
    public static CnnEnsemble Load() =>
        Bytes.Value is { } b ? ModelFile.Load(b, Name)
            : throw new InputException("model: this build has no embedded default model; give a model (see scripts/train-default-model.sh)");
}
