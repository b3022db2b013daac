using System.IO.Compression;

namespace MlApt.Io;

/// <summary>
/// NumPy <c>.npz</c> archives: a zip of <c>NAME.npy</c> members (<c>numpy.load(path)["NAME"]</c>),
/// plus any other text members (e.g. <c>metadata.json</c>).
/// </summary>
internal static class Npz
{
    /// <summary>Builds an archive in memory-light streaming fashion; call <see cref="Save"/> to write it atomically.</summary>
    public sealed class Writer
    {
        private readonly List<(string Name, Action<Stream> Write)> _members = [];

        /// <summary>Adds a float32 array as <c>name.npy</c>.</summary>
        public Writer Add(string name, float[] data, params int[] shape)
        {
            _members.Add((name + ".npy", s => Npy.Write(s, data, shape)));
            return this;
        }

        /// <summary>Adds an int32 array as <c>name.npy</c>.</summary>
        public Writer Add(string name, int[] data, params int[] shape)
        {
            _members.Add((name + ".npy", s => Npy.Write(s, data, shape)));
            return this;
        }

        /// <summary>Adds a float64 array as <c>name.npy</c>.</summary>
        public Writer Add(string name, double[] data, params int[] shape)
        {
            _members.Add((name + ".npy", s => Npy.Write(s, data, shape)));
            return this;
        }

        /// <summary>Adds a UTF-8 text member under its full name (e.g. <c>metadata.json</c>).</summary>
        public Writer AddText(string fileName, string text)
        {
            _members.Add((fileName, s => { var b = System.Text.Encoding.UTF8.GetBytes(text); s.Write(b); }));
            return this;
        }

        /// <summary>Writes the archive atomically (stored, not compressed: numpy reads both).</summary>
        public void Save(string path) =>
            AtomicFile.Write(path, s =>
            {
                using var zip = new ZipArchive(s, ZipArchiveMode.Create, leaveOpen: true);
                foreach (var (name, write) in _members)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                    // A fixed time keeps the file byte-identical for identical content.
                    entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    using var es = entry.Open();
                    write(es);
                }
            });
    }

    /// <summary>Reads every <c>.npy</c> member (by name without extension) and the text of the others.</summary>
    public static (Dictionary<string, NpyArray> Arrays, Dictionary<string, string> Texts) Read(string path)
    {
        IonFile.CheckReadable(path);
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                if (e.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    arrays[e.FullName[..^4]] = Npy.Read(s, $"{path}[{e.FullName}]");
                }
                else
                {
                    using var r = new StreamReader(s);
                    texts[e.FullName] = r.ReadToEnd();
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{path}: not a valid .npz (zip) archive: {e.Message}", e);
        }
        return (arrays, texts);
    }
}
