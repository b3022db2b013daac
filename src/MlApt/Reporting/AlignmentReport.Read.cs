using System.Globalization;
using System.Text.Json;
using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Reporting;

internal static partial class AlignmentReport
{
    /// <summary>
    /// An alignment from a file: the object <c>mlapt align --json</c> prints, or a <c>summary.json</c> or
    /// <c>slab.json</c> holding it as <c>alignment</c>. Errors name <paramref name="path"/> and say what is wrong.
    /// </summary>
    public static PoleAlignmentResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        IonFile.CheckReadable(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("alignment", out var inner) && inner.ValueKind == JsonValueKind.Object)
                root = inner;
            return Read(root, path);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>
    /// The alignment an object written by <see cref="WriteFields"/> describes (pole, direction, rotation, centre,
    /// spacings, contrast; the search's own details are not kept). The rotation must be proper and take the
    /// direction to +z; errors name <paramref name="source"/>.
    /// </summary>
    public static PoleAlignmentResult Read(JsonElement a, string source)
    {
        if (a.ValueKind != JsonValueKind.Object)
            InputError.In(source, "expected an alignment object (pole, direction, rotation, centre, …) as mlapt align --json prints it");
        var pole = Numbers(a, "pole", 3, source);
        var direction = Numbers(a, "direction", 3, source);
        var centre = Numbers(a, "centre", 3, source);
        if (!a.TryGetProperty("rotation", out var rows) || rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != 3)
            InputError.In(source, "alignment 'rotation': expected 3 rows of 3 numbers");
        var r = rows.EnumerateArray().Select((row, i) => Numbers(row, $"rotation row {i}", 3, source)).ToArray();
        var rotation = Rotation.FromRows((r[0][0], r[0][1], r[0][2]), (r[1][0], r[1][1], r[1][2]), (r[2][0], r[2][1], r[2][2]));
        if (!rotation.IsProperRotation(1e-9))
            InputError.In(source, "alignment 'rotation' is not a rotation (expected an orthonormal matrix with determinant 1)");
        var onZ = rotation.Apply(direction[0], direction[1], direction[2]);
        if (Math.Abs(onZ.Z - 1) > 1e-6)
            InputError.In(source, string.Create(CultureInfo.InvariantCulture,
                $"alignment 'rotation' takes 'direction' to ({onZ.X:G4}, {onZ.Y:G4}, {onZ.Z:G4}): expected (0, 0, 1)"));
        double Scalar(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        var hkl = pole.Select(v => (int)Math.Round(v)).ToArray();
        return new PoleAlignmentResult
        {
            Pole = new PlaneFamily(hkl[0], hkl[1], hkl[2]),
            Direction = (direction[0], direction[1], direction[2]),
            Rotation = rotation,
            Centre = (centre[0], centre[1], centre[2]),
            SpacingNm = Scalar("d_spacing_nm"),
            ExpectedSpacingNm = Scalar("d_expected_nm"),
            Contrast = Scalar("contrast"),
            Significance = double.NaN,
            IonsUsed = 0,
            Figure = new PoleFigure(0, 0, [], 0, 0),
        };
    }

    private static double[] Numbers(JsonElement parent, string name, int count, string source)
    {
        var e = parent;
        if (parent.ValueKind == JsonValueKind.Object && !parent.TryGetProperty(name, out e))
            InputError.In(source, $"alignment has no '{name}'");
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != count || e.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            InputError.In(source, $"alignment '{name}': expected {count} numbers");
        var values = e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        if (values.Any(v => !double.IsFinite(v)))
            InputError.In(source, $"alignment '{name}': expected finite numbers");
        return values;
    }

    /// <summary>"In the aligned frame: the ⟨001⟩ pole at tilt 9.94°, azimuth 0.1° was put on z (…)", for a command's screen output.</summary>
    public static string Describe(PoleAlignmentResult a, string where)
    {
        ArgumentNullException.ThrowIfNull(a);
        return string.Create(CultureInfo.InvariantCulture,
            $"In the aligned frame: the ⟨{a.Pole}⟩ pole at tilt {a.TiltDegrees:F2}°, azimuth {a.AzimuthDegrees:F1}° was put on z ({where} \"alignment\").");
    }

    /// <summary>The alignment as its JSON object (the text <see cref="WriteFields"/> writes).</summary>
    public static void Write(Utf8JsonWriter w, string name, PoleAlignmentResult a)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject(name);
        WriteFields(w, a);
        w.WriteEndObject();
    }
}
