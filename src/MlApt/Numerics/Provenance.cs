using System.Security.Cryptography;

namespace MlApt.Numerics;

/// <summary>What every output records about how it was made: input hashes and the program version.</summary>
public static class Provenance
{
    // A run records the same inputs in several documents (summary, slab file, map.nxs); a multi-GB
    // reconstruction is hashed once per process unless the file changes (size or write time).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Hashes = new();

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            return Hash(path); // the same FileNotFoundException as always
        return Hashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), static key => Hash(key.Path));
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The library's informational version (e.g. <c>0.1.0+commit</c>).</summary>
    public static string Version { get; } =
        typeof(Provenance).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(Provenance).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The program as every output names it: <c>mlapt</c> and <see cref="Version"/>.</summary>
    public static string Program => "mlapt " + Version;
}
