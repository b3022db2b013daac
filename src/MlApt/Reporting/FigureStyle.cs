using ScottPlot;

namespace MlApt.Reporting;

/// <summary>
/// One look for every figure (maps, validation, SDMs, banks, training, explanations, alignment, envelope, study):
/// fonts large enough to read when a figure is printed a column wide, legends beside the data rather than on it,
/// colour bars with a few round ticks, and the colours the map figures share.
/// </summary>
internal static class FigureStyle
{
    public const float TitleSize = 26;
    public const float LabelSize = 24;
    public const float TickSize = 20;
    public const float LegendSize = 20;

    /// <summary>Cells the map did not analyse (outside the analysable region, or no z-SDM defined).</summary>
    public static readonly Color NotAnalysed = Color.FromHex("#C8C8C8");

    /// <summary>Outlines of the true domains: red stands out from every Viridis colour.</summary>
    public static readonly Color Truth = Color.FromHex("#E41A1C");

    public static readonly Color Real = Color.FromHex("#1F77B4");
    public static readonly Color Control = Color.FromHex("#8C8C8C");

    /// <summary>Sets the fonts of the title, the axes, their ticks and the legend.</summary>
    public static void Apply(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = TitleSize;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right })
        {
            axis.Label.FontSize = LabelSize;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Legend.FontSize = LegendSize;
    }

    /// <summary>A new figure in the shared look, with its title and axis labels.</summary>
    public static Plot NewFigure(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Apply(plot);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A figure width of at least <paramref name="minimum"/> px that fits <paramref name="title"/>.</summary>
    public static int WidthFor(string title, int minimum) => Math.Max(minimum, TextWidth(title, TitleSize) + 60);

    /// <summary>
    /// Fixed margins around a data area of <paramref name="dataWidth"/> × <paramref name="dataHeight"/> px (so that a heatmap's
    /// cells keep their shape), widened evenly on both sides when the title needs more room; returns the figure's size.
    /// </summary>
    public static (int Width, int Height) FixedLayout(Plot plot, string title, int dataWidth, int dataHeight, int left, int right, int top, int bottom)
    {
        // The title is centred over the data area, not the figure: unequal margins need that much more width.
        var width = Math.Max(left + dataWidth + right, WidthFor(title, 0) + Math.Abs(right - left));
        var extra = width - (left + dataWidth + right);
        plot.Layout.Fixed(new PixelPadding(left + extra / 2, right + extra - extra / 2, bottom, top));
        return (width, top + dataHeight + bottom);
    }

    /// <summary>The legend beside the data (right of the plot), where it can never cover a curve.</summary>
    public static void LegendBeside(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = LegendSize;
    }

    /// <summary>
    /// A colour bar for <paramref name="source"/> labelled <paramref name="label"/>, in the shared fonts, with about six round
    /// ticks over <paramref name="range"/> (a tick every 1, 2 or 5 × 10^k).
    /// </summary>
    public static ScottPlot.Panels.ColorBar ColorBar(Plot plot, IHasColorAxis source, string label, ScottPlot.Range range)
    {
        var bar = plot.Add.ColorBar(source);
        bar.Label = label;
        bar.LabelStyle.FontSize = LabelSize;
        bar.Axis.TickLabelStyle.FontSize = TickSize;
        var step = NiceStep(range.Max - range.Min, 6);
        var first = Math.Ceiling(range.Min / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var t = first; t <= range.Max + 1e-9 * step; t += step) ticks.Add(Math.Round(t / step) * step + 0.0); // + 0.0: no "-0"
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks], [.. ticks.Select(t => t.ToString("G4", System.Globalization.CultureInfo.InvariantCulture))]);
        return bar;
    }

    /// <summary>The range of the finite values (0 … 1 when there are none).</summary>
    public static ScottPlot.Range FiniteRange(double[,] values)
    {
        var finite = values.Cast<double>().Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? new ScottPlot.Range(0, 1) : new ScottPlot.Range(finite.Min(), Math.Max(finite.Max(), finite.Min() + 1e-12));
    }

    /// <summary>A tick step of 1, 2 or 5 × 10^k giving about <paramref name="ticks"/> ticks over <paramref name="span"/>, at least <paramref name="minimum"/>.</summary>
    public static double NiceStep(double span, int ticks, double minimum = 0)
    {
        var raw = Math.Max(span / Math.Max(1, ticks), minimum);
        if (!(raw > 0) || !double.IsFinite(raw)) return Math.Max(1, minimum);
        var decade = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(f => f * decade).First(s => s >= raw * 0.999);
        return Math.Max(step, minimum);
    }

    /// <summary>Ticks every <paramref name="step"/> (major only) on an axis.</summary>
    public static void Ticks(IAxis axis, double step) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(step);

    /// <summary>
    /// A generous estimate of a text's width in pixels at <paramref name="size"/> (bold serif, the title
    /// font): figures are made at least this wide so that titles are never clipped.
    /// </summary>
    public static int TextWidth(string text, float size) =>
        (int)Math.Ceiling(text.Split('\n').Max(line => line.Length) * 0.62 * size);
}
