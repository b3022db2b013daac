using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Io;

namespace MlApt.Specimens;

/// <summary>
/// The truth file of a simulated specimen (<c>S.truth.json</c>): every parameter of the simulation and the
/// domains (centre, radius), enough to score a map and to simulate the specimen again.
/// </summary>
public static class SpecimenTruth
{
    /// <summary>Format tag of the file.</summary>
    public const string Format = "mlapt-specimen-truth-1";

    /// <summary>The truth as JSON text.</summary>
    public static string ToJson(SimulatedSpecimen specimen, string? program = null)
    {
        ArgumentNullException.ThrowIfNull(specimen);
        var s = specimen.Spec;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            if (program is not null) w.WriteString("program", program);
            w.WriteStartObject("parameters");
            Triple(w, "size_nm", s.Size.X, s.Size.Y, s.Size.Z);
            w.WriteString("lattice", s.Lattice.ToLowerInvariant());
            w.WriteNumber("a_nm", s.A);
            w.WriteStartObject("composition");
            foreach (var (e, amount) in s.Composition) w.WriteNumber(e, amount);
            w.WriteEndObject();
            w.WriteNumber("domains", s.Domains);
            w.WriteNumber("radius_min_nm", s.RadiusMin);
            w.WriteNumber("radius_max_nm", s.RadiusMax);
            w.WriteString("element", s.Element);
            w.WriteString("structure", s.Structure.ToString());
            w.WriteNumber("order", s.Order);
            SpecimenJson.WriteDetector(w, s);
            Triple(w, "orientation", s.Orientation.H, s.Orientation.K, s.Orientation.L);
            w.WriteNumber("charge", s.Charge);
            if (s.Charges is { } charges)
            {
                w.WriteStartObject("charges");
                foreach (var (e, q) in charges) w.WriteNumber(e, q);
                w.WriteEndObject();
            }
            w.WriteNumber("mass_noise_da", s.MassNoise);
            w.WriteNumber("seed", s.Seed);
            w.WriteEndObject();
            w.WriteStartObject("box_nm");
            Triple(w, "min", -s.Size.X / 2, -s.Size.Y / 2, -s.Size.Z);
            Triple(w, "max", s.Size.X / 2, s.Size.Y / 2, 0);
            w.WriteEndObject();
            w.WriteNumber("lattice_sites", specimen.Sites);
            w.WriteNumber("ions", specimen.Cloud.Count);
            w.WriteNumber("true_volume_fraction", specimen.TrueVolumeFraction);
            w.WriteStartArray("domain_list");
            foreach (var d in specimen.Domains)
            {
                w.WriteStartObject();
                w.WriteNumber("x", Math.Round(d.X, 6));
                w.WriteNumber("y", Math.Round(d.Y, 6));
                w.WriteNumber("z", Math.Round(d.Z, 6));
                w.WriteNumber("r", Math.Round(d.Radius, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a truth file: the spec and the domains. Malformed files give an <see cref="InputException"/>.</summary>
    public static (SpecimenSpec Spec, IReadOnlyList<SphericalDomain> Domains) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new InputException($"truth: {path} does not exist");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("format", out var f) || f.GetString() != Format)
                throw new InputException($"truth: {path} is not an mlapt truth file (format {Format})");
            var p = root.GetProperty("parameters");
            var size = p.GetProperty("size_nm");
            var orient = p.GetProperty("orientation");
            var spec = new SpecimenSpec
            {
                Size = (size[0].GetDouble(), size[1].GetDouble(), size[2].GetDouble()),
                Lattice = p.GetProperty("lattice").GetString()!,
                A = p.GetProperty("a_nm").GetDouble(),
                Composition = p.GetProperty("composition").EnumerateObject().Select(e => (e.Name, e.Value.GetDouble())).ToList(),
                Domains = p.GetProperty("domains").GetInt32(),
                RadiusMin = p.GetProperty("radius_min_nm").GetDouble(),
                RadiusMax = p.GetProperty("radius_max_nm").GetDouble(),
                Element = p.GetProperty("element").GetString()!,
                Structure = Enum.Parse<DomainStructure>(p.GetProperty("structure").GetString()!, ignoreCase: true),
                Order = p.GetProperty("order").GetDouble(),
                Efficiency = p.GetProperty("eta").GetDouble(),
                SigmaXy = p.GetProperty("sigma_xy_nm").GetDouble(),
                SigmaZ = p.GetProperty("sigma_z_nm").GetDouble(),
                Orientation = (orient[0].GetDouble(), orient[1].GetDouble(), orient[2].GetDouble()),
                Charge = p.GetProperty("charge").GetInt32(),
                Charges = p.TryGetProperty("charges", out var charges) ? charges.EnumerateObject().Select(e => (e.Name, e.Value.GetInt32())).ToList() : null,
                MassNoise = p.GetProperty("mass_noise_da").GetDouble(),
                Seed = p.GetProperty("seed").GetInt32(),
            };
            var domains = root.GetProperty("domain_list").EnumerateArray()
                .Select(d => new SphericalDomain(d.GetProperty("x").GetDouble(), d.GetProperty("y").GetDouble(), d.GetProperty("z").GetDouble(), d.GetProperty("r").GetDouble()))
                .ToList();
            return (spec, domains);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InputException($"truth: {path} is malformed ({e.Message})");
        }
    }

    private static void Triple(Utf8JsonWriter w, string name, double a, double b, double c)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(a); w.WriteNumberValue(b); w.WriteNumberValue(c);
        w.WriteEndArray();
    }

    /// <summary>Invariant formatting helper for messages.</summary>
    internal static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
}
