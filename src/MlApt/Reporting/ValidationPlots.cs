using System.Globalization;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG figures of a validation: the precision–recall curve over decision thresholds.</summary>
public static class ValidationPlots
{
    /// <summary>
    /// Precision and recall against recall (the PR curve), with the operating point of the map marked; returns the path.
    /// </summary>
    public static string SavePrecisionRecall(string dir, string name, IReadOnlyList<CurvePoint> curve, MapScore operating, double threshold, string title)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var points = curve.Where(p => double.IsFinite(p.Score.Precision) && double.IsFinite(p.Score.Recall)).ToList();
        var plot = new Plot();
        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(points.Select(p => p.Score.Recall).ToArray(), points.Select(p => p.Score.Precision).ToArray());
            line.MarkerSize = 3;
            line.LegendText = "thresholds";
        }
        if (double.IsFinite(operating.Precision) && double.IsFinite(operating.Recall))
        {
            var op = plot.Add.Scatter(new[] { operating.Recall }, new[] { operating.Precision });
            op.MarkerSize = 10;
            op.LineWidth = 0;
            op.Color = Colors.Red;
            op.LegendText = string.Create(CultureInfo.InvariantCulture, $"map: threshold {threshold:G4}, F1 {operating.F1:F3}");
        }
        plot.Axes.SetLimits(0, 1.02, 0, 1.02);
        plot.ShowLegend();
        plot.Title(title);
        plot.XLabel("recall");
        plot.YLabel("precision");
        SdmPlots.Save(plot, Path.Combine(dir, name), 700, 600);
        return Path.Combine(dir, name);
    }
}
