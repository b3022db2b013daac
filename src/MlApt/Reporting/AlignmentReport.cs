using System.Text.Json;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Sdm;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>The alignment as JSON (the same object for <c>align --json</c> and <c>summary.json</c>) and its figures.</summary>
internal static partial class AlignmentReport
{
    /// <summary>
    /// Writes the alignment's fields into the current JSON object: pole, direction, tilt_deg, azimuth_deg,
    /// rotation (3×3 row-major, p′ = R (p − c) + c), centre, d_spacing_nm, d_expected_nm, contrast.
    /// </summary>
    public static void WriteFields(Utf8JsonWriter w, PoleAlignmentResult a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartArray("pole");
        w.WriteNumberValue(a.Pole.H); w.WriteNumberValue(a.Pole.K); w.WriteNumberValue(a.Pole.L);
        w.WriteEndArray();
        Triple(w, "direction", a.Direction);
        w.WriteNumber("tilt_deg", Math.Round(a.TiltDegrees, 4));
        w.WriteNumber("azimuth_deg", Math.Round(a.AzimuthDegrees, 3));
        w.WriteStartArray("rotation");
        for (var i = 0; i < 3; i++)
        {
            w.WriteStartArray();
            var (x, y, z) = a.Rotation.Row(i);
            w.WriteNumberValue(x); w.WriteNumberValue(y); w.WriteNumberValue(z);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        Triple(w, "centre", a.Centre);
        w.WriteNumber("d_spacing_nm", Math.Round(a.SpacingNm, 5));
        w.WriteNumber("d_expected_nm", Math.Round(a.ExpectedSpacingNm, 5));
        w.WriteNumber("contrast", Math.Round(a.Contrast, 5));
    }

    private static void Triple(Utf8JsonWriter w, string name, (double X, double Y, double Z) v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.X); w.WriteNumberValue(v.Y); w.WriteNumberValue(v.Z);
        w.WriteEndArray();
    }

    /// <summary>
    /// The pole figure: the coarse plane contrast over pole directions, as tilt·(cos φ, sin φ) in degrees
    /// (azimuthal equidistant), the found pole marked.
    /// </summary>
    public static void SavePoleFigure(string pngPath, PoleAlignmentResult a)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        var (plot, width, height) = PoleFigure(a);
        SdmPlots.Save(plot, pngPath, width, height);
    }

    /// <summary>The figure of <see cref="SavePoleFigure"/> (square degrees) and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) PoleFigure(PoleAlignmentResult a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var f = a.Figure;
        var limit = f.MaxTiltDegrees;
        const double step = 0.25;
        var side = (int)Math.Round(2 * limit / step) + 1;
        var values = new double[side, side];
        for (var r = 0; r < side; r++)
        for (var c = 0; c < side; c++)
        {
            double u = -limit + c * step, v = -limit + r * step;
            var tilt = Math.Sqrt(u * u + v * v);
            if (tilt > limit) { values[r, c] = double.NaN; continue; }
            // A direction tilted by t towards φ has lateral wave vector k·tan t (at the reference |k|).
            var lateral = f.ReferenceK * Math.Tan(tilt * Math.PI / 180);
            var phi = Math.Atan2(v, u);
            var i = (int)Math.Round(lateral * Math.Cos(phi) / f.Step) + f.Size / 2;
            var j = (int)Math.Round(lateral * Math.Sin(phi) / f.Step) + f.Size / 2;
            values[r, c] = i >= 0 && i < f.Size && j >= 0 && j < f.Size ? f.Contrast[i * f.Size + j] : double.NaN;
        }
        var title = $"⟨{a.Pole}⟩ pole: tilt {a.TiltDegrees:F2}°, azimuth {a.AzimuthDegrees:F1}°\nd {a.SpacingNm:F4} nm (expected {a.ExpectedSpacingNm:F4} nm)";
        var plot = FigureStyle.NewFigure(title, "tilt towards +x (°)", "tilt towards +y (°)");
        var map = SdmPlots.AddHeatmap(plot, values, new CoordinateRect(-limit - step / 2, limit + step / 2, -limit - step / 2, limit + step / 2));
        map.NaNCellColor = Colors.White;
        FigureStyle.ColorBar(plot, map, "plane contrast", FigureStyle.FiniteRange(values));
        var tiltFound = a.TiltDegrees;
        var az = a.AzimuthDegrees * Math.PI / 180;
        var marker = plot.Add.Marker(tiltFound * Math.Cos(az), tiltFound * Math.Sin(az));
        marker.Shape = MarkerShape.OpenCircle;
        marker.Size = 22;
        marker.LineWidth = 3;
        marker.Color = Colors.Red;
        marker.LegendText = "found pole";
        var circle = plot.Add.Circle(0, 0, limit);
        circle.FillStyle.Color = Colors.Transparent;
        circle.LineColor = Colors.Gray;
        var edge = limit + step / 2;
        plot.Axes.SetLimits(-edge, edge, -edge, edge);
        var tickStep = FigureStyle.NiceStep(2 * limit, 6);
        FigureStyle.Ticks(plot.Axes.Bottom, tickStep);
        FigureStyle.Ticks(plot.Axes.Left, tickStep);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = FigureStyle.LegendSize;
        // Square data area inside fixed margins: two title lines, colour bar with its ticks and label on the right, legend below.
        var (width, height) = FigureStyle.FixedLayout(plot, title, 560, 560, left: 110, right: 200, top: 110, bottom: 150);
        return (plot, width, height);
    }

    /// <summary>
    /// The z-SDM (all ordered pairs within 1.5 nm, centres in an 8 nm cube at the ions' centroid) of the
    /// given ions before and after the rotation, each as its excess over its own local mean (a running mean over
    /// about two plane spacings), with the multiples of the expected spacing marked: the plane ripples that the
    /// broad pair envelope hides appear when the pole comes onto z, as far as the depth resolution along the
    /// pole lets them.
    /// </summary>
    public static void SaveZSdmBeforeAfter(string pngPath, IonCloud before, IonCloud after, ReadOnlySpan<int> ions, PoleAlignmentResult a)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        var (plot, width, height) = ZSdmBeforeAfterFigure(before, after, ions, a);
        SdmPlots.Save(plot, pngPath, width, height);
    }

    /// <summary>The figure of <see cref="SaveZSdmBeforeAfter"/> and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) ZSdmBeforeAfterFigure(IonCloud before, IonCloud after, ReadOnlySpan<int> ions, PoleAlignmentResult a)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(a);
        var edges = ZSdm.CroppedBinLeftEdges();
        var title = $"z-SDM before and after putting ⟨{a.Pole}⟩ on z (tilt {a.TiltDegrees:F2}°)";
        var plot = FigureStyle.NewFigure(title, "Δz (nm)", "pairs above the local mean (%)");
        var d = a.ExpectedSpacingNm;
        // Half a running window of one plane spacing each side: the mean over about two periods keeps the envelope
        // and drops the ripple, so the ratio shows the ripple alone.
        var half = Math.Max(1, (int)Math.Round(d / ZSdm.BinWidth));
        for (var k = 1; k * d < edges[^1]; k++)
            foreach (var x in new[] { -k * d, k * d })
            {
                var mark = plot.Add.VerticalLine(x);
                mark.Color = Colors.Gray.WithAlpha(0.6);
                mark.LineWidth = 1;
                mark.LinePattern = LinePattern.Dotted;
                if (k == 1 && x > 0) mark.LegendText = $"multiples of d = {d:F3} nm";
            }
        foreach (var (cloud, label, color) in new[] { (after, "after alignment", FigureStyle.Real), (before, "before", FigureStyle.Control) })
        {
            var (xs, ys) = Ripple(CentralZSdm(cloud, ions, a.Centre), edges, half);
            var line = plot.Add.Scatter(xs, ys, color);
            line.MarkerSize = 0;
            line.LineWidth = 2f;
            line.LegendText = label;
            // Dashed, so that the curve before stays visible where the two coincide (a pole already on z).
            if (cloud == before) line.LinePattern = LinePattern.Dashed;
        }
        FigureStyle.Ticks(plot.Axes.Bottom, FigureStyle.NiceStep(edges[^1] - edges[0], 6));
        FigureStyle.LegendBeside(plot);
        return (plot, FigureStyle.WidthFor(title, 1150), 600);
    }

    /// <summary>
    /// Each bin's excess (%) over the mean of the <paramref name="half"/> bins either side of it and itself, at the
    /// bin centres; bins without a whole window are left out.
    /// </summary>
    internal static (double[] X, double[] Y) Ripple(double[] profile, double[] leftEdges, int half)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = half; i < profile.Length - half; i++)
        {
            var sum = 0.0;
            for (var j = i - half; j <= i + half; j++) sum += profile[j];
            var mean = sum / (2 * half + 1);
            xs.Add(leftEdges[i] + ZSdm.BinWidth / 2);
            ys.Add(mean > 0 ? 100 * (profile[i] / mean - 1) : 0);
        }
        return ([.. xs], [.. ys]);
    }

    private static double[] CentralZSdm(IonCloud cloud, ReadOnlySpan<int> ions, (double X, double Y, double Z) c)
    {
        var all = ions.IsEmpty;
        var n = all ? cloud.Count : ions.Length;
        List<double> x = [], y = [], z = [];
        const double outer = 5.5;
        for (var t = 0; t < n; t++)
        {
            var i = all ? t : ions[t];
            double px = cloud.X[i], py = cloud.Y[i], pz = cloud.Z[i];
            if (Math.Abs(px - c.X) <= outer && Math.Abs(py - c.Y) <= outer && Math.Abs(pz - c.Z) <= outer)
            {
                x.Add(px); y.Add(py); z.Add(pz);
            }
        }
        var index = SpeciesIndex.Build(x.ToArray(), y.ToArray(), z.ToArray(), ZSdm.DefaultPairRadius);
        var full = new long[ZSdm.FullBinCount];
        var region = new Geometry.Box(c.X - 4, c.X + 4, c.Y - 4, c.Y + 4, c.Z - 4, c.Z + 4);
        ZSdm.AccumulateRegion(x.ToArray(), y.ToArray(), z.ToArray(), region, index, ZSdm.DefaultPairRadius, full);
        var cropped = new double[ZSdm.CropLength];
        ZSdm.Crop(full, cropped);
        return cropped;
    }
}
