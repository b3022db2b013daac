using System.Globalization;
using MlApt.Imaging;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG figures of a CSRO map (ScottPlot 5): slices, projection, domain sizes, real vs control.</summary>
public static partial class MapPlots
{
    /// <summary>
    /// Histogram of domain sizes (DBSCAN atoms per cluster): the real map's clusters as bars, each bar
    /// spanning the whole sizes of its bin (a bin of width 1 is centred on its size), and with controls
    /// their mean histogram as an outline. The key sits outside the data area.
    /// </summary>
    public static string SaveDomainSizes(string dir, string name, int[] realSizes, IReadOnlyList<int[]>? controlSizes, string title)
    {
        ArgumentNullException.ThrowIfNull(realSizes);
        var (plot, width, height) = DomainSizes(realSizes, controlSizes, title);
        SdmPlots.Save(plot, Path.Combine(dir, name), width, height);
        return name;
    }

    internal static (Plot Plot, int Width, int Height) DomainSizes(int[] realSizes, IReadOnlyList<int[]>? controlSizes, string title)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot);
        var edges = SizeHistogram.Edges(realSizes, controlSizes);
        var real = SizeHistogram.Count(realSizes, edges);
        // Sizes are whole atoms: bin [e, e + w) holds the sizes e … e + w − 1, drawn from e − ½ to e + w − ½.
        var bars = new List<Bar>();
        for (var b = 0; b < real.Length; b++)
        {
            var w = edges[b + 1] - edges[b];
            bars.Add(new Bar { Position = edges[b] - 0.5 + w / 2, Value = real[b], Size = w, FillColor = FigureStyle.Real.WithAlpha(0.85), LineColor = Colors.White, LineWidth = 1 });
        }
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"real ({realSizes.Length} clusters)", FillColor = FigureStyle.Real });
        var top = real.DefaultIfEmpty(0).Max();
        if (controlSizes is { Count: > 0 })
        {
            var mean = new double[real.Length];
            foreach (var c in controlSizes)
            {
                var h = SizeHistogram.Count(c, edges);
                for (var b = 0; b < h.Length; b++) mean[b] += h[b] / controlSizes.Count;
            }
            var xs = edges.Select(e => e - 0.5).ToArray();
            var ys = mean.Append(mean[^1]).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 3;
            line.Color = Colors.Black;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"control, mean of {controlSizes.Count}", LineColor = Colors.Black, LineWidth = 3 });
            top = Math.Max(top, mean.Max());
        }
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = FigureStyle.LegendSize;
        plot.Title(title);
        plot.XLabel("atoms per cluster");
        plot.YLabel("clusters");
        var span = edges[^1] - edges[0];
        plot.Axes.SetLimits(edges[0] - 0.5 - span * 0.01, edges[^1] - 0.5 + span * 0.02, 0, Math.Max(1, top) * 1.08);
        // Counts are whole clusters: whole-number ticks.
        FigureStyle.Ticks(plot.Axes.Left, FigureStyle.NiceStep(Math.Max(1, top), 5, 1));
        return (plot, Math.Max(900, FigureStyle.TextWidth(title, FigureStyle.TitleSize) + 60), 620);
    }

    /// <summary>
    /// The real CSRO volume fraction beside each control's (bars, in percent), the controls' mean ± standard
    /// deviation as a line and band, and the empirical p-value in the title under <paramref name="title"/> (the order mapped).
    /// </summary>
    public static string SaveRealVersusControl(string dir, string name, double realFraction, IReadOnlyList<double> controlFractions, double pValue, string title)
    {
        ArgumentNullException.ThrowIfNull(controlFractions);
        var (plot, width, height) = RealVersusControl(realFraction, controlFractions, pValue, title);
        SdmPlots.Save(plot, Path.Combine(dir, name), width, height);
        return name;
    }

    internal static (Plot Plot, int Width, int Height) RealVersusControl(double realFraction, IReadOnlyList<double> controlFractions, double pValue, string title)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot);
        var controls = controlFractions.Select(f => 100 * f).ToArray();
        var real = 100 * realFraction;
        var finite = controls.Where(double.IsFinite).ToArray();
        var mean = finite.Length > 0 ? finite.Average() : double.NaN;
        var sd = finite.Length > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1)) : 0;
        var top = new[] { real, mean + sd }.Concat(controls).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (double.IsFinite(mean))
        {
            var band = plot.Add.HorizontalSpan(Math.Max(0, mean - sd), mean + sd);
            band.FillStyle.Color = FigureStyle.Control.WithAlpha(0.25);
            band.LineStyle.Width = 0;
            var line = plot.Add.HorizontalLine(mean);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
        }
        var bars = new List<Bar>
        {
            new() { Position = 0, Value = double.IsFinite(real) ? real : 0, FillColor = FigureStyle.Real, Label = Percent(real) },
        };
        for (var i = 0; i < controls.Length; i++)
            bars.Add(new Bar { Position = i + 1, Value = double.IsFinite(controls[i]) ? controls[i] : 0, FillColor = FigureStyle.Control, Label = Percent(controls[i]) });
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = FigureStyle.TickSize;
        var ticks = new List<Tick> { new(0, "real") };
        for (var i = 1; i <= controls.Length; i++) ticks.Add(new Tick(i, controls.Length > 6 ? i.ToString(CultureInfo.InvariantCulture) : $"control {i}"));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = string.Create(CultureInfo.InvariantCulture, $"controls: {mean:0.###} ± {sd:0.###} % (mean ± s.d.)"),
            FillColor = FigureStyle.Control.WithAlpha(0.25), LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 2,
        });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = FigureStyle.LegendSize;
        var pText = string.Create(CultureInfo.InvariantCulture,
            $"real vs random labels: p = {pValue:0.###} ({controls.Length} control{(controls.Length == 1 ? "" : "s")})");
        var fullTitle = $"{title}\n{pText}";
        plot.Title(fullTitle);
        plot.YLabel("CSRO volume fraction (%)");
        plot.Axes.SetLimits(-0.6, controls.Length + 0.6, 0, Math.Max(top, 1e-3) * 1.2);
        return (plot, Math.Max(Math.Max(800, 220 + 110 * (controls.Length + 1)), FigureStyle.TextWidth(fullTitle, FigureStyle.TitleSize) + 60), 640);
    }

    private static string Percent(double v) => double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) + " %" : "–";
}
