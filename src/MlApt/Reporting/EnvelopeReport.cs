using MlApt.Imaging;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Specimens;
using System.Globalization;
using System.Text.Json;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>The detection envelope as <c>envelope.json</c> and figures.</summary>
internal static class EnvelopeReport
{
    /// <summary>The two parameter planes and their axis keys.</summary>
    public static readonly (string Axis, string X, string Y, string XLabel, string YLabel)[] Planes =
    [
        ("radius×order", "radius_nm", "order", "domain radius (nm)", "order parameter S"),
        ("eta×sigma_xy", "eta", "sigma_xy_nm", "detection efficiency η", "σxy (nm)"),
    ];

    /// <summary>The single axes, their keys and labels.</summary>
    public static readonly (string Axis, string Key, string Label)[] Axes =
    [
        ("sigma_z", "sigma_z_nm", "σz (nm)"),
        ("tilt", "tilt_deg", "residual tilt of ⟨001⟩ from z (°)"),
        ("z_scale", "z_scale", "z-scale error (reconstructed / true depth)"),
        ("composition", "composition_index", "matrix composition"),
    ];

    /// <summary>
    /// Writes the figures and envelope.json (points, scores, the grid's name, the profile's model and decision,
    /// whether each specimen was aligned first, the figures, the elapsed time and the program) into <paramref name="dir"/>; returns the JSON and the figures.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Figures) Write(string dir, IReadOnlyList<EnvelopeResult> results, string grid,
        MapProfile profile, double elapsedSeconds, bool aligned = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var files = SaveFigures(dir, results);
        var json = JsonText.Write(w => WriteJson(w, results, w2 =>
        {
            w2.WriteString("grid", grid);
            // Aligned: every specimen was put in the frame of its own found pole before mapping (the residual-tilt axis then measures the alignment).
            w2.WriteBoolean("aligned", aligned);
            w2.WriteString("profile", profile.Profile);
            w2.WriteString("model", profile.Model);
            w2.WriteString("model_id", profile.ModelId);
            profile.WriteDecision(w2);
            w2.WriteStartArray("files");
            foreach (var f in files) w2.WriteStringValue(f);
            w2.WriteEndArray();
            w2.WriteNumber("elapsed_seconds", Math.Round(elapsedSeconds, 1));
            w2.WriteString("program", Provenance.Program);
        }));
        AtomicFile.WriteText(Path.Combine(dir, "envelope.json"), json);
        return (json, files);
    }

    /// <summary>Writes the points, their specimens and their scores.</summary>
    public static void WriteJson(Utf8JsonWriter w, IReadOnlyList<EnvelopeResult> results, Action<Utf8JsonWriter>? writeProvenance = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(results);
        w.WriteStartObject();
        w.WriteString("scoring", "per 0.5 nm sub-voxel inside the specimen moved in by 1 nm; F1 and detected/true volume against the truth; null_false_positive_fraction = selected/defined sub-voxels of the domain-free twin (same seed, same matrix)");
        w.WriteStartArray("points");
        foreach (var r in results)
        {
            var p = r.Point;
            var s = p.Spec;
            w.WriteStartObject();
            w.WriteString("axis", p.Axis);
            foreach (var (k, v) in p.Values) w.WriteNumber(k, v);
            if (p.Composition is not null) w.WriteString("composition", p.Composition);
            w.WriteStartObject("specimen");
            w.WriteNumber("seed", s.Seed);
            w.WriteStartArray("size_nm"); w.WriteNumberValue(s.Size.X); w.WriteNumberValue(s.Size.Y); w.WriteNumberValue(s.Size.Z); w.WriteEndArray();
            w.WriteNumber("domains", s.Domains);
            w.WriteNumber("radius_min_nm", s.RadiusMin);
            w.WriteNumber("radius_max_nm", s.RadiusMax);
            w.WriteNumber("order", s.Order);
            SpecimenJson.WriteDetector(w, s);
            w.WriteNumber("tilt_deg", p.TiltDegrees);
            w.WriteNumber("z_scale", p.ZScale);
            w.WriteString("composition", string.Join(",", s.Composition.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Element}:{c.Amount}"))));
            w.WriteEndObject();
            Number(w, "precision", r.Score.Precision);
            Number(w, "recall", r.Score.Recall);
            Number(w, "f1", r.Score.F1);
            Number(w, "true_volume_fraction", r.Score.TrueVolumeFraction);
            Number(w, "detected_volume_fraction", r.Score.DetectedVolumeFraction);
            Number(w, "volume_ratio", r.Score.VolumeRatio);
            Number(w, "null_false_positive_fraction", r.NullFalsePositiveFraction);
            w.WriteNumber("seconds", Math.Round(r.Seconds, 2));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        writeProvenance?.Invoke(w);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    /// <summary>Writes the figures into <paramref name="dir"/>; returns their file names.</summary>
    public static IReadOnlyList<string> SaveFigures(string dir, IReadOnlyList<EnvelopeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var files = new List<string>();
        foreach (var (axis, xKey, yKey, xLabel, yLabel) in Planes)
        {
            var points = results.Where(r => r.Point.Axis == axis).ToList();
            if (points.Count == 0) continue;
            foreach (var (metric, label, pick) in new (string, string, Func<EnvelopeResult, double>)[]
                     { ("f1", "F1", r => r.Score.F1), ("volume_ratio", "detected / true volume", r => r.Score.VolumeRatio) })
            {
                var name = $"envelope_{axis.Replace('×', '_')}_{metric}.png";
                SaveHeatmap(Path.Combine(dir, name), points, xKey, yKey, xLabel, yLabel, pick, label);
                files.Add(name);
            }
        }
        foreach (var (axis, key, label) in Axes)
        {
            var points = results.Where(r => r.Point.Axis == axis).ToList();
            if (points.Count == 0) continue;
            var name = $"envelope_{axis}.png";
            SaveAxis(Path.Combine(dir, name), points, key, label);
            files.Add(name);
        }
        return files;
    }

    private static void SaveHeatmap(string path, List<EnvelopeResult> points, string xKey, string yKey, string xLabel, string yLabel,
        Func<EnvelopeResult, double> pick, string label)
    {
        var xs = points.Select(p => p.Point.Values[xKey]).Distinct().Order().ToArray();
        var ys = points.Select(p => p.Point.Values[yKey]).Distinct().Order().ToArray();
        var values = new double[ys.Length, xs.Length];
        for (var r = 0; r < ys.Length; r++)
        for (var c = 0; c < xs.Length; c++)
        {
            var p = points.FirstOrDefault(q => q.Point.Values[xKey] == xs[c] && q.Point.Values[yKey] == ys[r]);
            values[r, c] = p is null ? double.NaN : pick(p);
        }
        var plot = new Plot();
        var map = SdmPlots.AddHeatmap(plot, values, new CoordinateRect(-0.5, xs.Length - 0.5, -0.5, ys.Length - 0.5));
        map.NaNCellColor = Colors.White;
        plot.Add.ColorBar(map).Label = label;
        for (var r = 0; r < ys.Length; r++)
        for (var c = 0; c < xs.Length; c++)
        {
            var text = plot.Add.Text(double.IsFinite(values[r, c]) ? values[r, c].ToString("F2", CultureInfo.InvariantCulture) : "–", c, r);
            text.LabelFontSize = 16;
            text.LabelBold = true;
            text.LabelFontColor = values[r, c] > 0.6 * (values.Cast<double>().Where(double.IsFinite).DefaultIfEmpty(1).Max()) ? Colors.Black : Colors.White;
            text.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, xs.Length).Select(i => (double)i).ToArray(), xs.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title($"{label} over {xLabel} × {yLabel}");
        SdmPlots.Save(plot, path, 720, 560);
    }

    private static void SaveAxis(string path, List<EnvelopeResult> points, string key, string label)
    {
        var ordered = points.OrderBy(p => p.Point.Values[key]).ToList();
        var xs = ordered.Select(p => p.Point.Values[key]).ToArray();
        var plot = new Plot();
        foreach (var (name, pick) in new (string, Func<EnvelopeResult, double>)[] { ("F1", r => r.Score.F1), ("detected / true volume", r => r.Score.VolumeRatio) })
        {
            var line = plot.Add.Scatter(xs, ordered.Select(pick).ToArray());
            line.LegendText = name;
            line.MarkerSize = 8;
            line.LineWidth = 2;
        }
        var one = plot.Add.HorizontalLine(1);
        one.LinePattern = LinePattern.Dotted;
        one.Color = Colors.Gray;
        if (key == "composition_index")
            plot.Axes.Bottom.SetTicks(xs, ordered.Select(p => p.Point.Composition ?? "").ToArray());
        plot.Axes.SetLimitsY(0, Math.Max(1.4, ordered.Select(p => p.Score.VolumeRatio).Where(double.IsFinite).DefaultIfEmpty(1).Max() + 0.1));
        plot.XLabel(label);
        plot.YLabel("F1, detected / true volume");
        plot.Title($"Detection along {label}");
        plot.ShowLegend(Alignment.LowerLeft);
        SdmPlots.Save(plot, path, 720, 480);
    }
}
