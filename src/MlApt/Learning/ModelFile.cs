using MlApt.Numerics;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// An ensemble in one safetensors file (readable with Python's <c>safetensors</c> package): an 8-byte
/// little-endian header length, a JSON header (space-padded to 8 bytes) mapping each tensor name to
/// <c>dtype</c> "F32", <c>shape</c> and <c>data_offsets</c> [begin, end) in the data that follows, and a
/// <c>__metadata__</c> object of strings. Tensors are <c>member{i}.{conv.kernel|conv.bias|dense1.kernel|…}</c>
/// in Keras layouts; the metadata holds <c>format</c>, <c>architecture</c> (JSON), <c>classes</c> and
/// <c>pairs</c> (JSON lists), <c>members</c>, <c>metadata</c> (JSON object of the ensemble's metadata) and
/// <c>program_version</c>.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> metadata entry.</summary>
    public const string Format = "mlapt-cnn-ensemble-1";

    private const int MaxHeader = 100 << 20;

    /// <summary>Writes <paramref name="ensemble"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, CnnEnsemble ensemble)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ensemble);
        var tensors = ensemble.Members.SelectMany((m, i) => m.Tensors().Select(t => (Name: $"member{i}.{t.Name}", t.Data, t.Shape))).ToList();
        using var header = new MemoryStream();
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            w.WriteStartObject("__metadata__");
            foreach (var (k, v) in MetadataOf(ensemble))
                w.WriteString(k, v);
            w.WriteEndObject();
            long offset = 0;
            foreach (var (name, data, shape) in tensors)
            {
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                foreach (var d in shape)
                    w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset += 4L * data.Length);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        var headerBytes = header.ToArray().ToList();
        while (headerBytes.Count % 8 != 0)
            headerBytes.Add((byte)' ');
        AtomicFile.Write(path, s =>
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)headerBytes.Count);
            s.Write(len);
            s.Write(headerBytes.ToArray());
            foreach (var (_, data, _) in tensors)
            {
                if (BitConverter.IsLittleEndian)
                {
                    s.Write(MemoryMarshal.AsBytes(data.AsSpan()));
                }
                else
                {
                    var b = new byte[4];
                    foreach (var f in data)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(b, f);
                        s.Write(b);
                    }
                }
            }
        });
    }

    private static IEnumerable<(string, string)> MetadataOf(CnnEnsemble e)
    {
        var a = e.Architecture;
        yield return ("format", Format);
        yield return ("architecture", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["channels"] = a.Channels, ["length"] = a.Length, ["filters"] = a.Filters, ["width"] = a.Width,
            ["padding"] = a.Padding == Padding.Valid ? "valid" : "same", ["pool"] = a.Pool, ["hidden"] = a.Hidden,
            ["classes"] = a.Classes, ["dropout"] = a.Dropout,
        }));
        yield return ("classes", JsonSerializer.Serialize(e.ClassNames));
        yield return ("pairs", JsonSerializer.Serialize(e.Pairs));
        yield return ("members", e.Members.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("metadata", JsonSerializer.Serialize(e.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value)));
        yield return ("program_version", Provenance.Version);
    }

    /// <summary>Reads an ensemble; a malformed file gives an <see cref="InputException"/> naming it and the fault.</summary>
    public static CnnEnsemble Load(string path)
    {
        IonFile.CheckReadable(path);
        return Load(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads an ensemble from the bytes of a model file (e.g. an embedded resource); <paramref name="source"/> names it in errors.</summary>
    public static CnnEnsemble Load(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8)
            InputError.In(source, "too short for a safetensors file (expected an 8-byte header length)");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeader || 8 + headerLength > (ulong)bytes.Length)
            InputError.In(source, $"header length {headerLength} does not fit in the file of {bytes.Length} bytes: not a safetensors file");
        var dataStart = 8 + (int)headerLength;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            InputError.In(source, $"the safetensors header is not valid JSON ({e.Message})");
            throw;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                InputError.In(source, "the safetensors header is not a JSON object");
            if (!root.TryGetProperty("__metadata__", out var md) || md.ValueKind != JsonValueKind.Object)
                InputError.In(source, "no __metadata__ in the header: not an mlapt model file");
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in md.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String)
                    InputError.In(source, $"__metadata__ '{p.Name}' is not a string");
                meta[p.Name] = p.Value.GetString()!;
            }
            if (!meta.TryGetValue("format", out var format) || format != Format)
                InputError.In(source, $"__metadata__ format is '{(format ?? "missing")}', expected '{Format}'");
            var arch = ParseArchitecture(source, Required(source, meta, "architecture"));
            var classes = ParseStrings(source, "classes", Required(source, meta, "classes"));
            var pairs = ParseStrings(source, "pairs", Required(source, meta, "pairs"));
            if (!int.TryParse(Required(source, meta, "members"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                InputError.In(source, $"__metadata__ members '{meta["members"]}' is not a positive count");
            Dictionary<string, string> extra;
            try
            {
                extra = meta.TryGetValue("metadata", out var mj) ? JsonSerializer.Deserialize<Dictionary<string, string>>(mj) ?? [] : [];
            }
            catch (JsonException)
            {
                InputError.In(source, "__metadata__ metadata is not a JSON object of strings");
                throw;
            }
            if (classes.Count != arch.Classes)
                InputError.In(source, $"{classes.Count} class names for {arch.Classes} classes");
            if (pairs.Count != arch.Channels)
                InputError.In(source, $"{pairs.Count} channel pairs for {arch.Channels} channels");

            var members = new List<CnnWeights>(count);
            for (var i = 0; i < count; i++)
            {
                var w = new CnnWeights(arch);
                foreach (var (name, data, shape) in w.Tensors())
                    ReadTensor(source, root, $"member{i}.{name}", shape, data, bytes.AsSpan(dataStart));
                members.Add(w);
            }
            var expected = new HashSet<string>(members.SelectMany((m, i) => m.Tensors().Select(t => $"member{i}.{t.Name}")), StringComparer.Ordinal) { "__metadata__" };
            foreach (var p in root.EnumerateObject())
                if (!expected.Contains(p.Name))
                    InputError.In(source, $"unexpected tensor '{p.Name}' for an ensemble of {count} members");
            return new CnnEnsemble(arch, members, classes, pairs, extra);
        }
    }

    private static string Required(string path, Dictionary<string, string> meta, string key)
    {
        if (!meta.TryGetValue(key, out var v))
            InputError.In(path, $"__metadata__ has no '{key}'");
        return v;
    }

    private static CnnArchitecture ParseArchitecture(string path, string json)
    {
        try
        {
            using var d = JsonDocument.Parse(json);
            var r = d.RootElement;
            int I(string k) => r.GetProperty(k).GetInt32();
            var padding = r.GetProperty("padding").GetString() switch
            {
                "valid" => Padding.Valid,
                "same" => Padding.Same,
                var other => throw new InputException($"{path}: architecture padding '{other}': expected valid or same"),
            };
            var a = new CnnArchitecture(I("channels"), I("length"), I("filters"), I("width"), padding, I("pool"), I("hidden"), I("classes"), r.GetProperty("dropout").GetDouble());
            a.Validate();
            return a;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InputException($"{path}: __metadata__ architecture is malformed ({e.Message})", e);
        }
    }

    private static List<string> ParseStrings(string path, string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new InputException($"{path}: __metadata__ {key} is not a JSON list of strings");
        }
    }

    private static void ReadTensor(string path, JsonElement root, string name, int[] shape, float[] destination, ReadOnlySpan<byte> data)
    {
        if (!root.TryGetProperty(name, out var t) || t.ValueKind != JsonValueKind.Object)
            InputError.In(path, $"tensor '{name}' is missing");
        if (!t.TryGetProperty("dtype", out var dt) || dt.ValueKind != JsonValueKind.String || dt.GetString() != "F32")
            InputError.In(path, $"tensor '{name}': dtype must be F32");
        var actualShape = t.TryGetProperty("shape", out var sh) && sh.ValueKind == JsonValueKind.Array
            ? sh.EnumerateArray().Select(e => e.TryGetInt32(out var v) ? v : -1).ToArray() : [];
        if (!actualShape.SequenceEqual(shape))
            InputError.In(path, $"tensor '{name}' has shape [{string.Join(", ", actualShape)}], expected [{string.Join(", ", shape)}]");
        if (!t.TryGetProperty("data_offsets", out var off) || off.ValueKind != JsonValueKind.Array || off.GetArrayLength() != 2
            || !off[0].TryGetInt64(out var begin) || !off[1].TryGetInt64(out var end))
        {
            InputError.In(path, $"tensor '{name}': data_offsets must be [begin, end]");
            return;
        }
        if (begin < 0 || end - begin != 4L * destination.Length || end > data.Length)
            InputError.In(path, $"tensor '{name}': data_offsets [{begin}, {end}] do not hold {destination.Length} floats within the {data.Length} data bytes");
        var src = data.Slice((int)begin, (int)(end - begin));
        for (var i = 0; i < destination.Length; i++)
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(src.Slice(4 * i, 4));
    }
}
