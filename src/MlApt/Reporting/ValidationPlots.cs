using System.Globalization;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG figures of a validation: the precision–recall curve over decision thresholds.</summary>
internal static class ValidationPlots
{
    /// <summary>
    /// Precision and recall against recall (the PR curve), with the operating point of the map marked; returns the path.
    /// </summary>
    public static string SavePrecisionRecall(string dir, string name, IReadOnlyList<CurvePoint> curve, MapScore operating, double threshold, string title)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var (plot, width, height) = PrecisionRecall(curve, operating, threshold, title);
        SdmPlots.Save(plot, Path.Combine(dir, name), width, height);
        return Path.Combine(dir, name);
    }

    internal static (Plot Plot, int Width, int Height) PrecisionRecall(IReadOnlyList<CurvePoint> curve, MapScore operating, double threshold, string title)
    {
        var points = curve.Where(p => double.IsFinite(p.Score.Precision) && double.IsFinite(p.Score.Recall)).ToList();
        var plot = new Plot();
        FigureStyle.Apply(plot);
        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(points.Select(p => p.Score.Recall).ToArray(), points.Select(p => p.Score.Precision).ToArray());
            line.MarkerSize = 4;
            line.LineWidth = 2;
            line.LegendText = "thresholds";
        }
        if (double.IsFinite(operating.Precision) && double.IsFinite(operating.Recall))
        {
            var op = plot.Add.Scatter(new[] { operating.Recall }, new[] { operating.Precision });
            op.MarkerSize = 14;
            op.LineWidth = 0;
            op.Color = Colors.Red;
            op.LegendText = string.Create(CultureInfo.InvariantCulture, $"map: threshold {threshold:G4}, F1 {operating.F1:F3}");
        }
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        FigureStyle.Ticks(plot.Axes.Bottom, 0.2);
        FigureStyle.Ticks(plot.Axes.Left, 0.2);
        // A PR curve hugs the top and the right: the lower left is where the key covers nothing.
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title);
        plot.XLabel("recall");
        plot.YLabel("precision");
        return (plot, Math.Max(760, FigureStyle.TextWidth(title, FigureStyle.TitleSize) + 60), 700);
    }
}
