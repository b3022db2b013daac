using System.Globalization;
using ScottPlot;

namespace MlApt.Study;

/// <summary>The scatter plot of one relationship (ScottPlot 5): points with error bars, the fit and its 95 % band.</summary>
internal static class StudyPlots
{
    /// <summary>Renders the plot of <paramref name="r"/> to PNG bytes, with the sample names next to the points.</summary>
    public static byte[] Render(Relationship r, IReadOnlyList<Sample> samples)
    {
        var (plot, width, height) = Figure(r, samples);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The plot of <paramref name="r"/> and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) Figure(Relationship r, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(samples);
        var xs = r.Samples.Select(i => r.X.Values[i]).ToArray();
        var ys = r.Samples.Select(i => r.Y.Values[i]).ToArray();
        var xe = r.Samples.Select(i => Error(r.X, i)).ToArray();
        var ye = r.Samples.Select(i => Error(r.Y, i)).ToArray();
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{r.Y.Name} vs {r.X.Name}\nr = {r.Pearson.R:F3} (p = {r.Pearson.P:G3}), ρ = {r.Spearman.R:F3} (p = {r.Spearman.P:G3})");
        var plot = Reporting.FigureStyle.NewFigure(title, r.X.Label, r.Y.Label);

        // The band and line span the data (and their error bars) so the band's flaring is visible.
        double lo = xs.Select((x, k) => x - xe[k]).Min(), hi = xs.Select((x, k) => x + xe[k]).Max();
        var pad = 0.05 * (hi - lo);
        const int Steps = 100;
        var gx = Enumerable.Range(0, Steps + 1).Select(k => lo - pad + (hi - lo + 2 * pad) * k / Steps).ToArray();
        var fit = gx.Select(r.Fit.Predict).ToArray();
        var band = plot.Add.FillY(gx, gx.Select((x, k) => fit[k] - r.Fit.BandHalfWidth(x)).ToArray(), gx.Select((x, k) => fit[k] + r.Fit.BandHalfWidth(x)).ToArray());
        band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "95 % confidence band";
        var line = plot.Add.Scatter(gx, fit);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.Color = Colors.SteelBlue;
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"fit: slope {r.Fit.Slope:G4} ± {r.Fit.SlopeHalfWidth:G3}");

        if (xe.Any(e => e > 0) || ye.Any(e => e > 0))
        {
            var bars = plot.Add.ErrorBar(xs, ys, ye);
            bars.XErrorPositive = xe;
            bars.XErrorNegative = xe;
            bars.Color = Colors.Black;
        }
        var points = plot.Add.Scatter(xs, ys);
        points.LineWidth = 0;
        points.MarkerSize = 8;
        points.Color = Colors.Black;
        points.LegendText = string.Create(CultureInfo.InvariantCulture, $"samples (n = {r.N})");
        for (var k = 0; k < xs.Length; k++)
        {
            var label = plot.Add.Text(samples[r.Samples[k]].Name, xs[k], ys[k]);
            label.LabelFontSize = Reporting.FigureStyle.TickSize * 0.8f;
            label.LabelAlignment = Alignment.LowerLeft;
            label.LabelOffsetX = 6;
            label.LabelOffsetY = -4;
        }

        Reporting.FigureStyle.LegendBeside(plot);
        return (plot, Reporting.FigureStyle.WidthFor(title, 1350), 650);
    }

    // Error bars show what is known; an unknown uncertainty draws no bar.
    private static double Error(StudyVariable v, int i) => v.Errors is { } e && double.IsFinite(e[i]) ? e[i] : 0;
}
