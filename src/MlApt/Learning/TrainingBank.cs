using System.Globalization;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// Labelled training z-SDMs: N samples of C channels × L bins ([N][C][L], float32), an integer class
/// per sample, the class names, the element pair of each channel and free-form metadata.
/// </summary>
public sealed class TrainingBank
{
    /// <summary>Creates a bank; labels must lie in [0, classes).</summary>
    public TrainingBank(float[] x, int[] y, int channels, int length, IReadOnlyList<string> classes, IReadOnlyList<string> pairs,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (x.Length != (long)y.Length * channels * length)
            throw new ArgumentException($"{x.Length} values for {y.Length} samples of {channels}×{length}", nameof(x));
        if (pairs.Count != channels)
            throw new ArgumentException($"{pairs.Count} pairs for {channels} channels", nameof(pairs));
        if (classes.Count < 2)
            throw new ArgumentException("a bank needs at least two classes", nameof(classes));
        foreach (var label in y)
            if ((uint)label >= (uint)classes.Count)
                throw new ArgumentException($"label {label} outside [0, {classes.Count})", nameof(y));
        X = x;
        Y = y;
        Channels = channels;
        Length = length;
        Classes = classes;
        Pairs = pairs;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    /// <summary>Samples, [N][C][L].</summary>
    public float[] X { get; }
    /// <summary>Class index of each sample.</summary>
    public int[] Y { get; }
    /// <summary>Channels C.</summary>
    public int Channels { get; }
    /// <summary>Bins per channel L.</summary>
    public int Length { get; }
    /// <summary>Class names.</summary>
    public IReadOnlyList<string> Classes { get; }
    /// <summary>Element pair per channel.</summary>
    public IReadOnlyList<string> Pairs { get; }
    /// <summary>Metadata (from the bank's metadata.json: strings as they are, other values as JSON).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
    /// <summary>Number of samples N.</summary>
    public int Count => Y.Length;
    /// <summary>Values per sample C·L.</summary>
    public int SampleSize => Channels * Length;

    /// <summary>
    /// Reads a bank archive: <c>x</c> (N, C, L) or (N, L), <c>y</c> integer (N), and an optional
    /// <c>metadata.json</c> with the class names (<c>class_names</c> or <c>classes</c>, as lists of
    /// strings) and the channel pairs (<c>pairs</c>, <c>channels</c> or <c>pair</c>), as <c>mlapt bank</c>
    /// writes it. Without names, classes are called class0… and channels channel0…. Metadata values up
    /// to <see cref="MaxMetadataValue"/> characters are kept.
    /// </summary>
    public static TrainingBank Load(string path)
    {
        var (arrays, texts) = Npz.Read(path);
        if (!arrays.TryGetValue("x", out var xa))
            InputError.In(path, "no array 'x' (expected the samples, shape (N, C, L))");
        if (!arrays.TryGetValue("y", out var ya))
            InputError.In(path, "no array 'y' (expected the integer class of each sample, shape (N,))");
        if (xa.Shape.Length is not (2 or 3))
            InputError.In(path, $"'x' has shape ({string.Join(", ", xa.Shape)}); expected (N, C, L) or (N, L)");
        var n = xa.Shape[0];
        var channels = xa.Shape.Length == 3 ? xa.Shape[1] : 1;
        var length = xa.Shape[^1];
        if (ya.Shape.Length != 1 || ya.Shape[0] != n)
            InputError.In(path, $"'y' has shape ({string.Join(", ", ya.Shape)}); expected ({n},) to match 'x'");
        if (n == 0 || channels == 0 || length == 0)
            InputError.In(path, "the bank is empty");
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            var v = ya.Data[i];
            if (v != Math.Floor(v) || v < 0 || v > int.MaxValue)
                InputError.In(path, string.Create(CultureInfo.InvariantCulture, $"'y'[{i}] = {v}: expected a class index ≥ 0"));
            y[i] = (int)v;
        }
        var x = xa.ToSingles();
        for (var i = 0; i < x.Length; i++)
            if (!float.IsFinite(x[i]))
                InputError.In(path, $"'x' sample {i / (channels * length)} holds a non-finite value; a training bank must be fully defined");

        List<string>? classes = null, pairs = null;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (texts.TryGetValue("metadata.json", out var json))
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    InputError.In(path, "metadata.json: expected a JSON object");
                var root = doc.RootElement;
                foreach (var p in root.EnumerateObject())
                {
                    var text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    // Per-sample records (hundreds of kB) stay in the bank; the model keeps its SHA-256.
                    if (text.Length <= MaxMetadataValue)
                        metadata[p.Name] = text;
                }
                classes = Names(path, root, "class_names", "classes");
                pairs = Names(path, root, "pairs", "channels", "pair");
            }
            catch (JsonException e)
            {
                InputError.In(path, $"metadata.json is not valid JSON ({e.Message})");
            }
        }
        var k = Math.Max(2, y.Max() + 1);
        classes ??= [.. Enumerable.Range(0, k).Select(i => "class" + i.ToString(CultureInfo.InvariantCulture))];
        pairs ??= [.. Enumerable.Range(0, channels).Select(i => "channel" + i.ToString(CultureInfo.InvariantCulture))];
        if (y.Max() >= classes.Count)
            InputError.In(path, $"'y' holds class {y.Max()} but metadata.json names only {classes.Count} classes");
        if (classes.Count < 2)
            InputError.In(path, "metadata.json names fewer than two classes");
        if (pairs.Count != channels)
            InputError.In(path, $"metadata.json names {pairs.Count} channel pairs for {channels} channels in 'x'");
        return new TrainingBank(x, y, channels, length, classes, pairs, metadata);
    }

    /// <summary>Metadata values longer than this (in JSON text) are not carried into models.</summary>
    public const int MaxMetadataValue = 4096;

    /// <summary>The first of <paramref name="keys"/> that holds a string or a list of strings (other shapes are skipped), or null.</summary>
    private static List<string>? Names(string path, JsonElement root, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (!root.TryGetProperty(key, out var v))
                continue;
            if (v.ValueKind == JsonValueKind.String)
                return [v.GetString()!];
            if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                return [.. v.EnumerateArray().Select(e => e.GetString()!)];
            if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String))
                InputError.In(path, $"metadata.json: '{key}' must be a list of strings");
        }
        return null;
    }

    /// <summary>
    /// Concatenates banks with the same channels, length, class names and pairs; the metadata of the
    /// first is kept. <paramref name="names"/> label the banks in errors.
    /// </summary>
    public static TrainingBank Concat(IReadOnlyList<TrainingBank> banks, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(banks);
        ArgumentNullException.ThrowIfNull(names);
        if (banks.Count == 0)
            throw new ArgumentException("no banks", nameof(banks));
        if (banks.Count == 1)
            return banks[0];
        var first = banks[0];
        for (var i = 1; i < banks.Count; i++)
        {
            var b = banks[i];
            if (b.Channels != first.Channels || b.Length != first.Length)
                InputError.In(names[i], $"samples of {b.Channels}×{b.Length} do not match {names[0]} ({first.Channels}×{first.Length})");
            if (!b.Classes.SequenceEqual(first.Classes))
                InputError.In(names[i], $"classes [{string.Join(", ", b.Classes)}] differ from {names[0]} [{string.Join(", ", first.Classes)}]");
            if (!b.Pairs.SequenceEqual(first.Pairs))
                InputError.In(names[i], $"channel pairs [{string.Join(", ", b.Pairs)}] differ from {names[0]} [{string.Join(", ", first.Pairs)}]");
        }
        return new TrainingBank([.. banks.SelectMany(b => b.X)], [.. banks.SelectMany(b => b.Y)], first.Channels, first.Length,
            first.Classes, first.Pairs, first.Metadata);
    }
}
