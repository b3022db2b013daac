using MlApt.Numerics;
using System.Text;
using System.Text.Json;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Banks;

/// <summary>
/// Pattern banks as NumPy <c>.npz</c>: <c>x</c> float32 (N, C, 93), <c>y</c> int32 (N), <c>params</c>
/// float64 (N, 7) with the columns of <see cref="ParamColumns"/>, and <c>metadata.json</c> (class names,
/// channels, orientation, lattice parameter, preset, seed, per-sample parameters). In Python:
/// <c>z = numpy.load("bank.npz"); x, y = z["x"], z["y"]; meta = json.loads(zipfile.ZipFile("bank.npz").read("metadata.json"))</c>.
/// </summary>
public static class BankFile
{
    /// <summary>Name of the metadata member.</summary>
    public const string MetadataMember = "metadata.json";

    /// <summary>Columns of the <c>params</c> array (NaN where unknown, e.g. imported samples).</summary>
    public static IReadOnlyList<string> ParamColumns { get; } = ["sigma_xy", "sigma_z", "eta", "tilt_deg", "tilt_azimuth_deg", "a", "attempts"];

    /// <summary>Writes the bank atomically.</summary>
    public static void Save(string path, PatternBank bank, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var p = new double[bank.Count * ParamColumns.Count];
        for (var i = 0; i < bank.Count; i++)
        {
            var s = bank.Samples[i];
            var row = p.AsSpan(i * ParamColumns.Count, ParamColumns.Count);
            row[0] = s.SigmaXy; row[1] = s.SigmaZ; row[2] = s.Efficiency; row[3] = s.TiltDegrees;
            row[4] = s.TiltAzimuthDegrees; row[5] = s.LatticeParameter; row[6] = s.Attempts;
        }
        new Npz.Writer()
            .Add("x", bank.X, bank.Count, bank.ChannelCount, PatternBank.Bins)
            .Add("y", bank.Y, bank.Count)
            .Add("params", p, bank.Count, ParamColumns.Count)
            .AddText(MetadataMember, MetadataJson(bank, generator))
            .Save(path);
    }

    /// <summary>The metadata document.</summary>
    public static string MetadataJson(PatternBank bank, string? generator = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var info = bank.Info;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", "mlapt-pattern-bank");
            w.WriteNumber("format_version", 1);
            w.WriteString("generator", generator ?? "MlApt " + Provenance.Version);
            w.WriteString("preset", info.Preset);
            if (info.Seed is { } seed) w.WriteNumber("seed", seed); else w.WriteNull("seed");
            w.WriteNumber("samples", bank.Count);
            w.WriteStartArray("shape"); w.WriteNumberValue(bank.Count); w.WriteNumberValue(bank.ChannelCount); w.WriteNumberValue(PatternBank.Bins); w.WriteEndArray();
            Strings(w, "class_names", info.ClassNames);
            w.WriteStartArray("class_counts");
            for (var c = 0; c < info.ClassNames.Count; c++) w.WriteNumberValue(bank.Y.Count(v => v == c));
            w.WriteEndArray();
            Strings(w, "channels", info.Channels);
            if (info.Direction is { } d)
            {
                w.WriteStartArray("orientation_hkl"); w.WriteNumberValue(d.H); w.WriteNumberValue(d.K); w.WriteNumberValue(d.L); w.WriteEndArray();
                var r = Crystal.Orientation.ToZ(d.H, d.K, d.L);
                w.WriteStartArray("orientation_matrix");
                for (var i = 0; i < 3; i++)
                {
                    var (x, y, z) = r.Row(i);
                    w.WriteStartArray(); w.WriteNumberValue(x); w.WriteNumberValue(y); w.WriteNumberValue(z); w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("orientation_hkl");
            }
            var lattice = bank.Samples.Select(s => s.LatticeParameter).Where(double.IsFinite).Distinct().ToArray();
            if (lattice.Length == 1) w.WriteNumber("lattice_parameter", lattice[0]); else w.WriteNull("lattice_parameter");
            if (info.Cells is { } cells) w.WriteNumber("cells", cells); else w.WriteNull("cells");
            w.WriteNumber("pair_radius", info.PairRadius);
            w.WriteString("normalisation", "min-max");
            w.WriteNumber("crop_start_bin", ZSdm.CropStart);
            w.WriteNumber("bin_width", ZSdm.BinWidth);
            w.WriteStartArray("bin_left_edges");
            foreach (var e in ZSdm.CroppedBinLeftEdges()) w.WriteNumberValue(Math.Round(e, 12));
            w.WriteEndArray();
            if (info.Source is { } src)
            {
                w.WriteStartObject("source");
                w.WriteString("path", src.Path);
                w.WriteString("sha256", src.Sha256);
                w.WriteEndObject();
            }
            w.WriteStartArray("classes");
            foreach (var c in info.Classes)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                if (c.Lattice is not null) w.WriteString("lattice", c.Lattice);
                if (c.Motif is not null) w.WriteString("motif", c.Motif);
                if (c.Elements is not null) Strings(w, "elements", c.Elements);
                if (c.Order is { } o) w.WriteNumber("order", o);
                if (c.Sites is { } sites) w.WriteNumber("sites", sites);
                if (c.Parameters is not null)
                {
                    w.WriteStartObject("parameters");
                    foreach (var (k, v) in c.Parameters) w.WriteString(k, v);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "params_columns", ParamColumns);
            w.WriteStartArray("per_sample");
            foreach (var s in bank.Samples)
            {
                w.WriteStartObject();
                w.WriteString("class", info.ClassNames[s.Label]);
                w.WriteFiniteOrNull("sigma_xy", s.SigmaXy);
                w.WriteFiniteOrNull("sigma_z", s.SigmaZ);
                w.WriteFiniteOrNull("eta", s.Efficiency);
                w.WriteFiniteOrNull("tilt_deg", s.TiltDegrees);
                w.WriteFiniteOrNull("tilt_azimuth_deg", s.TiltAzimuthDegrees);
                w.WriteFiniteOrNull("a", s.LatticeParameter);
                w.WriteNumber("attempts", s.Attempts);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads <c>x</c>, <c>y</c> and the class names of a bank file (any NPZ with <c>x</c> (N, C, 93) and
    /// <c>y</c> (N)); the metadata is returned as text.
    /// </summary>
    public static (float[] X, int[] Y, int Channels, IReadOnlyList<string> ClassNames, string? Metadata) Load(string path)
    {
        var (arrays, texts) = Npz.Read(path);
        if (!arrays.TryGetValue("x", out var x) || x.Shape.Length != 3 || x.Shape[2] != PatternBank.Bins)
            InputError.In(path, "expected an array 'x' of shape (N, C, 93)");
        if (!arrays.TryGetValue("y", out var y) || y.Shape.Length != 1 || y.Shape[0] != x.Shape[0])
            InputError.In(path, "expected an array 'y' of shape (N) matching 'x'");
        texts.TryGetValue(MetadataMember, out var meta);
        IReadOnlyList<string> names = [];
        if (meta is not null)
        {
            using var doc = JsonDocument.Parse(meta);
            if (doc.RootElement.TryGetProperty("class_names", out var cn))
                names = cn.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        }
        var labels = y.Data.Select(v => (int)v).ToArray();
        return (x.ToSingles(), labels, x.Shape[1], names, meta);
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
