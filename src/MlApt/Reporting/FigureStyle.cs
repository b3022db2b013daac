using ScottPlot;

namespace MlApt.Reporting;

/// <summary>
/// One look for the map and validation figures: fonts large enough to read when a figure is printed a
/// column wide, and the colours every map figure shares.
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
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = LabelSize;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Legend.FontSize = LegendSize;
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
