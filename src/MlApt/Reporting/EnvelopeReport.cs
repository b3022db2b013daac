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

    /// <summary>The single axes, their keys and labels ({0}: the specimens' pole, e.g. 001).</summary>
    public static readonly (string Axis, string Key, string Label)[] Axes =
    [
        ("sigma_z", "sigma_z_nm", "σz (nm)"),
        ("tilt", "tilt_deg", "residual tilt of ⟨{0}⟩ from z (°)"),
        ("z_scale", "z_scale", "z-scale error (reconstructed / true depth)"),
        ("composition", "composition_index", "matrix composition"),
    ];

    /// <summary>
    /// Writes the figures and envelope.json (points, scores, the grid's name, the profile's model and decision,
    /// whether each specimen was aligned first, the figures, the elapsed time and the program) into <paramref name="dir"/>; returns the JSON and the figures.
    /// </summary>
    public static (string Json, IReadOnlyList<string> Figures) Write(string dir, IReadOnlyList<EnvelopeResult> results, string grid,
        MapProfile profile, double elapsedSeconds, bool aligned = false, Crystal.OrderType? order = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        order ??= Crystal.OrderType.L12Along001;
        var files = SaveFigures(dir, results, order);
        var json = JsonText.Write(w => WriteJson(w, results, w2 =>
        {
            w2.WriteString("grid", grid);
            w2.WriteString("specimens_order", order.Describe());
            w2.WriteString("specimens_pole", order.PoleName);
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
            w.WriteFiniteOrNull("precision", r.Score.Precision);
            w.WriteFiniteOrNull("recall", r.Score.Recall);
            w.WriteFiniteOrNull("f1", r.Score.F1);
            w.WriteFiniteOrNull("true_volume_fraction", r.Score.TrueVolumeFraction);
            w.WriteFiniteOrNull("detected_volume_fraction", r.Score.DetectedVolumeFraction);
            w.WriteFiniteOrNull("volume_ratio", r.Score.VolumeRatio);
            w.WriteFiniteOrNull("null_false_positive_fraction", r.NullFalsePositiveFraction);
            w.WriteNumber("seconds", Math.Round(r.Seconds, 2));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        writeProvenance?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the figures into <paramref name="dir"/>, each titled with the order type its specimens hold
    /// (default: that of the points); returns their file names.
    /// </summary>
    public static IReadOnlyList<string> SaveFigures(string dir, IReadOnlyList<EnvelopeResult> results, Crystal.OrderType? order = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        order ??= results.Count > 0 ? results[0].Point.OrderType : Crystal.OrderType.L12Along001;
        var subject = order.Describe();
        var files = new List<string>();
        foreach (var (axis, xKey, yKey, xLabel, yLabel) in Planes)
        {
            var points = results.Where(r => r.Point.Axis == axis).ToList();
            if (points.Count == 0) continue;
            // Fixed colour scales, so that every figure (and every run) reads alike: F1 over 0–1, the volume ratio
            // over 0–2 (1 is the middle), not the measured extremes, which make 0.80 against 0.87 look like failure.
            foreach (var (metric, label, pick, scale) in new (string, string, Func<EnvelopeResult, double>, ScottPlot.Range)[]
                     { ("f1", "F1", r => r.Score.F1, new(0, 1)), ("volume_ratio", "detected / true volume", r => r.Score.VolumeRatio, new(0, 2)) })
            {
                var name = $"envelope_{axis.Replace('×', '_')}_{metric}.png";
                SaveHeatmap(Path.Combine(dir, name), points, xKey, yKey, xLabel, yLabel, pick, label, subject, scale);
                files.Add(name);
            }
        }
        foreach (var (axis, key, label) in Axes)
        {
            var points = results.Where(r => r.Point.Axis == axis).ToList();
            if (points.Count == 0) continue;
            var name = $"envelope_{axis}.png";
            SaveAxis(Path.Combine(dir, name), points, key, string.Format(CultureInfo.InvariantCulture, label, order.PoleName), subject);
            files.Add(name);
        }
        return files;
    }

    private static void SaveHeatmap(string path, List<EnvelopeResult> points, string xKey, string yKey, string xLabel, string yLabel,
        Func<EnvelopeResult, double> pick, string label, string subject, ScottPlot.Range scale)
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
        var (plot, width, height) = HeatmapFigure(values, xs, ys, xLabel, yLabel, label, subject, scale);
        SdmPlots.Save(plot, path, width, height);
    }

    /// <summary>
    /// A grid of measured values over two parameters, each cell written in (square cells), and the size it is drawn at;
    /// <paramref name="subject"/> (the order type looked for) is the title's first line when given. The colours span
    /// <paramref name="scale"/>, widened to hold every value (null: the values' own range).
    /// </summary>
    internal static (Plot Plot, int Width, int Height) HeatmapFigure(double[,] values, double[] xs, double[] ys, string xLabel, string yLabel, string label,
        string? subject = null, ScottPlot.Range? scale = null)
    {
        var title = Titled(subject, $"{label} over {xLabel} × {yLabel}");
        var plot = FigureStyle.NewFigure(title, xLabel, yLabel);
        var map = SdmPlots.AddHeatmap(plot, values, new CoordinateRect(-0.5, xs.Length - 0.5, -0.5, ys.Length - 0.5));
        map.NaNCellColor = Colors.White;
        var range = FigureStyle.FiniteRange(values);
        if (scale is { } fixedScale)
        {
            range = new ScottPlot.Range(Math.Min(fixedScale.Min, range.Min), Math.Max(fixedScale.Max, range.Max));
            map.ManualRange = range;
        }
        FigureStyle.ColorBar(plot, map, label, range);
        for (var r = 0; r < ys.Length; r++)
        for (var c = 0; c < xs.Length; c++)
        {
            // Each cell also as a rectangle: ScottPlot leaves a one-row or one-column heatmap blank.
            if (double.IsFinite(values[r, c]))
            {
                var square = plot.Add.Rectangle(c - 0.5, c + 0.5, r - 0.5, r + 0.5);
                square.FillColor = map.Colormap.GetColor((values[r, c] - range.Min) / Math.Max(range.Max - range.Min, 1e-12));
                square.LineWidth = 0;
            }
            var text = plot.Add.Text(double.IsFinite(values[r, c]) ? values[r, c].ToString("F2", CultureInfo.InvariantCulture) : "–", c, r);
            text.LabelFontSize = FigureStyle.TickSize;
            text.LabelBold = true;
            text.LabelFontColor = values[r, c] > range.Min + 0.6 * (range.Max - range.Min) ? Colors.Black : Colors.White;
            text.LabelAlignment = Alignment.MiddleCenter;
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, xs.Length).Select(i => (double)i).ToArray(), xs.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(-0.5, xs.Length - 0.5, -0.5, ys.Length - 0.5);
        // Square cells, at least 110 px and the grid at least 360 px tall.
        var cell = Math.Max(110, (int)Math.Ceiling(360.0 / ys.Length));
        var (width, height) = FigureStyle.FixedLayout(plot, title, cell * xs.Length, cell * ys.Length, left: 120, right: 210, top: subject is null ? 70 : 105, bottom: 100);
        return (plot, width, height);
    }

    private static void SaveAxis(string path, List<EnvelopeResult> points, string key, string label, string subject)
    {
        var (plot, width, height) = AxisFigure(points, key, label, subject);
        SdmPlots.Save(plot, path, width, height);
    }

    /// <summary>F1 and detected/true volume along one parameter, and the size the figure is drawn at (title as for <see cref="HeatmapFigure"/>).</summary>
    internal static (Plot Plot, int Width, int Height) AxisFigure(IReadOnlyList<EnvelopeResult> points, string key, string label, string? subject = null)
    {
        var ordered = points.OrderBy(p => p.Point.Values[key]).ToList();
        var xs = ordered.Select(p => p.Point.Values[key]).ToArray();
        var title = Titled(subject, $"Detection along {label}");
        var plot = FigureStyle.NewFigure(title, label, "F1, detected / true volume");
        foreach (var (name, pick, color) in new (string, Func<EnvelopeResult, double>, Color)[]
                 { ("F1", r => r.Score.F1, FigureStyle.Real), ("detected / true volume", r => r.Score.VolumeRatio, FigureStyle.Truth) })
        {
            var line = plot.Add.Scatter(xs, ordered.Select(pick).ToArray(), color);
            line.LegendText = name;
            line.MarkerSize = 10;
            line.LineWidth = 2;
        }
        var one = plot.Add.HorizontalLine(1);
        one.LinePattern = LinePattern.Dotted;
        one.Color = Colors.Gray;
        if (key == "composition_index")
            plot.Axes.Bottom.SetTicks(xs, ordered.Select(p => p.Point.Composition ?? "").ToArray());
        var top = Math.Max(1.4, ordered.Select(p => p.Score.VolumeRatio).Where(double.IsFinite).DefaultIfEmpty(1).Max() + 0.1);
        plot.Axes.SetLimitsY(0, top);
        FigureStyle.Ticks(plot.Axes.Left, FigureStyle.NiceStep(top, 6));
        FigureStyle.LegendBeside(plot);
        return (plot, FigureStyle.WidthFor(title, key == "composition_index" ? 1300 : 1100), subject is null ? 600 : 640);
    }

    // The order type first, as in the map figures: an envelope is only ever that of one order type and its model.
    private static string Titled(string? subject, string title) => subject is null ? title : $"{subject}\n{title}";
}
