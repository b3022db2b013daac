using System.Globalization;
using MlApt.Learning;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG plots of a training run: loss and accuracy curves per fold, and the confusion matrix.</summary>
internal static class TrainingPlots
{
    /// <summary>Writes <c>loss.png</c>, <c>accuracy.png</c> and <c>confusion.png</c> into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> SaveAll(string directory, TrainingResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var loss = Path.Combine(directory, "loss.png");
        var accuracy = Path.Combine(directory, "accuracy.png");
        var confusion = Path.Combine(directory, "confusion.png");
        SaveCurves(loss, result.Folds, "loss (categorical cross-entropy)", e => e.TrainLoss, e => e.ValidationLoss);
        SaveCurves(accuracy, result.Folds, "accuracy", e => e.TrainAccuracy, e => e.ValidationAccuracy, fraction: true);
        SaveConfusion(confusion, result.Test, result.Model.ClassNames, "held-out test set, ensemble");
        return [loss, accuracy, confusion];
    }

    /// <summary>
    /// Training (solid) and validation (dashed) curves per fold over epochs; with <c>fraction</c> (accuracy) the y axis
    /// ends at 1 and starts a little below the lowest value.
    /// </summary>
    public static void SaveCurves(string pngPath, IReadOnlyList<FoldReport> folds, string label, Func<EpochRecord, double> train, Func<EpochRecord, double> validation,
        bool fraction = false)
    {
        var (plot, width, height) = CurvesFigure(folds, label, train, validation, fraction);
        Save(plot, pngPath, width, height);
    }

    /// <summary>
    /// The figure of <see cref="SaveCurves"/> and the size it is drawn at. With <paramref name="fraction"/> the y axis
    /// runs from 0.05 below the lowest value (rounded down to a multiple of 0.05) to 1, so that accuracies of
    /// 0.881–0.891 are not drawn across the whole height as if they differed much.
    /// </summary>
    internal static (Plot Plot, int Width, int Height) CurvesFigure(IReadOnlyList<FoldReport> folds, string label, Func<EpochRecord, double> train,
        Func<EpochRecord, double> validation, bool fraction = false)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var title = $"{label} per fold: training (solid) and validation (dashed)";
        var plot = FigureStyle.NewFigure(title, "epoch", label);
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var f in folds)
        {
            var xs = f.History.Select(e => (double)e.Epoch).ToArray();
            var color = palette.GetColor(f.Fold);
            var t = plot.Add.Scatter(xs, f.History.Select(train).ToArray());
            t.Color = color;
            t.MarkerSize = 0;
            t.LineWidth = 2;
            t.LegendText = string.Create(CultureInfo.InvariantCulture, $"fold {f.Fold + 1} training");
            var v = plot.Add.Scatter(xs, f.History.Select(validation).ToArray());
            v.Color = color;
            v.MarkerSize = 0;
            v.LineWidth = 2;
            v.LinePattern = LinePattern.Dashed;
            v.LegendText = string.Create(CultureInfo.InvariantCulture, $"fold {f.Fold + 1} validation");
        }
        var epochs = folds.Select(f => f.History.Count).DefaultIfEmpty(1).Max();
        FigureStyle.Ticks(plot.Axes.Bottom, FigureStyle.NiceStep(epochs, 6, 1));
        if (fraction)
        {
            var lowest = folds.SelectMany(f => f.History).SelectMany(e => new[] { train(e), validation(e) }).Where(double.IsFinite).DefaultIfEmpty(0).Min();
            var bottom = Math.Clamp(Math.Floor((lowest - 0.05) / 0.05 + 1e-9) * 0.05, 0, 0.9);
            // A little room above 1, so that curves at 1 are not drawn on the frame.
            plot.Axes.SetLimitsY(bottom, 1.0 + 0.02 * (1.0 - bottom));
            FigureStyle.Ticks(plot.Axes.Left, FigureStyle.NiceStep(1.0 - bottom, 6));
        }
        FigureStyle.LegendBeside(plot);
        return (plot, FigureStyle.WidthFor(title, 1200), 650);
    }

    /// <summary>The confusion matrix (rows: true class, columns: predicted) as a heatmap with the counts written in.</summary>
    public static void SaveConfusion(string pngPath, ClassificationMetrics metrics, IReadOnlyList<string> classes, string title)
    {
        var (plot, width, height) = ConfusionFigure(metrics, classes, title);
        Save(plot, pngPath, width, height);
    }

    /// <summary>The figure of <see cref="SaveConfusion"/> (square cells) and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) ConfusionFigure(ClassificationMetrics metrics, IReadOnlyList<string> classes, string title)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(classes);
        var k = classes.Count;
        var values = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                values[i, j] = metrics.Confusion[i][j];
        var fullTitle = string.Create(CultureInfo.InvariantCulture, $"{title}: accuracy {metrics.Accuracy:P2}");
        var plot = FigureStyle.NewFigure(fullTitle, "predicted", "true");
        var map = plot.Add.Heatmap(values);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        // Cell (i, j) spans [j, j+1] × [k−1−i, k−i]: heatmap row 0 is drawn at the top.
        map.Rectangle = new CoordinateRect(0, k, 0, k);
        FigureStyle.ColorBar(plot, map, "samples", FigureStyle.FiniteRange(values));
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
            {
                var text = plot.Add.Text(metrics.Confusion[i][j].ToString(CultureInfo.InvariantCulture), j + 0.5, k - i - 0.5);
                text.LabelFontSize = FigureStyle.LabelSize;
                text.LabelFontColor = Colors.White;
                text.LabelBackgroundColor = Colors.Black.WithAlpha(0.4);
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, k).Select(j => j + 0.5).ToArray(), [.. classes]);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, k).Select(i => k - i - 0.5).ToArray(), [.. classes]);
        plot.Axes.SetLimits(0, k, 0, k);
        var (width, height) = FigureStyle.FixedLayout(plot, fullTitle, 500, 500, left: 160, right: 190, top: 70, bottom: 100);
        return (plot, width, height);
    }

    private static void Save(Plot plot, string path, int width, int height)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full) ?? ".");
        SdmPlots.Save(plot, full, width, height);
    }
}
