using ScottPlot;

namespace MlApt.Reporting;

/// <summary>
/// PNG plots of spatial distribution maps (ScottPlot 5). Files are written under a temporary name in
/// the target folder and renamed into place, so a reader never sees a half-written image.
/// </summary>
public static class SdmPlots
{
    /// <summary>
    /// A z-SDM as a step line over its bins: <paramref name="binLeftEdgesNm"/> are the left edges
    /// (e.g. <see cref="Sdm.ZSdm.CroppedBinLeftEdges"/>), <paramref name="values"/> the counts or
    /// normalised values (NaN values leave gaps). The x axis is Δz in nm.
    /// </summary>
    public static void SaveZSdm(string pngPath, ReadOnlySpan<double> binLeftEdgesNm, ReadOnlySpan<double> values, string title,
        string valueLabel = "counts")
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        var (plot, width, height) = ZSdmFigure(binLeftEdgesNm, values, title, valueLabel);
        Save(plot, pngPath, width, height);
    }

    /// <summary>The z-SDM figure of <see cref="SaveZSdm"/> and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) ZSdmFigure(ReadOnlySpan<double> binLeftEdgesNm, ReadOnlySpan<double> values, string title,
        string valueLabel)
    {
        if (binLeftEdgesNm.Length != values.Length || values.IsEmpty)
            throw new ArgumentException("need one left edge per value and at least one value", nameof(values));
        var plot = FigureStyle.NewFigure(title, "Δz (nm)", valueLabel);
        var line = plot.Add.Scatter(StepXs(binLeftEdgesNm), StepYs(values));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2f;
        plot.Axes.SetLimitsX(binLeftEdgesNm[0], StepXs(binLeftEdgesNm)[^1]);
        FigureStyle.Ticks(plot.Axes.Bottom, FigureStyle.NiceStep(binLeftEdgesNm[^1] - binLeftEdgesNm[0], 6));
        return (plot, FigureStyle.WidthFor(title, 900), 600);
    }

    /// <summary>
    /// The x of a step line over bins: the left edges and one closing point at the last bin's right edge (a histogram:
    /// each value is drawn flat from its left edge to the next edge).
    /// </summary>
    internal static double[] StepXs(ReadOnlySpan<double> binLeftEdges)
    {
        var n = binLeftEdges.Length;
        var width = n > 1 ? binLeftEdges[1] - binLeftEdges[0] : Sdm.ZSdm.BinWidth;
        var xs = new double[n + 1];
        binLeftEdges.CopyTo(xs);
        xs[n] = binLeftEdges[n - 1] + width;
        return xs;
    }

    /// <summary>The y of a step line over bins: the values and the last one again, to close the last step.</summary>
    internal static double[] StepYs(ReadOnlySpan<double> values)
    {
        var ys = new double[values.Length + 1];
        values.CopyTo(ys);
        ys[^1] = values[^1];
        return ys;
    }

    /// <summary>
    /// A 2D SDM as a heatmap: <paramref name="counts"/>[zBin, xBin] (as from <see cref="Sdm.Sdm2D.ToArray"/>)
    /// covering [−<paramref name="halfRangeNm"/>, +<paramref name="halfRangeNm"/>) on both axes, Δx
    /// horizontal, Δz vertical (increasing upwards), square nm, with a colour bar.
    /// </summary>
    public static void SaveSdm2D(string pngPath, double[,] counts, string title, double halfRangeNm = Sdm.ZSdm.HalfRange)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        var (plot, width, height) = Sdm2DFigure(counts, title, halfRangeNm);
        Save(plot, pngPath, width, height);
    }

    /// <summary>The 2D SDM figure of <see cref="SaveSdm2D"/> and the size it is drawn at.</summary>
    internal static (Plot Plot, int Width, int Height) Sdm2DFigure(double[,] counts, string title, double halfRangeNm = Sdm.ZSdm.HalfRange)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        if (rows == 0 || cols == 0) throw new ArgumentException("empty histogram", nameof(counts));
        var plot = FigureStyle.NewFigure(title, "Δx (nm)", "Δz (nm)");
        var map = AddHeatmap(plot, counts, new CoordinateRect(-halfRangeNm, halfRangeNm, -halfRangeNm, halfRangeNm));
        FigureStyle.ColorBar(plot, map, "pair counts", FigureStyle.FiniteRange(counts));
        plot.Axes.SetLimits(-halfRangeNm, halfRangeNm, -halfRangeNm, halfRangeNm);
        var step = FigureStyle.NiceStep(2 * halfRangeNm, 6);
        FigureStyle.Ticks(plot.Axes.Bottom, step);
        FigureStyle.Ticks(plot.Axes.Left, step);
        // Square data area: 600 px each way inside fixed margins (axis labels left and below, colour bar right).
        var (width, height) = FigureStyle.FixedLayout(plot, title, 600, 600, left: 110, right: 190, top: 70, bottom: 100);
        return (plot, width, height);
    }

    /// <summary>
    /// Adds a Viridis heatmap of <paramref name="values"/> (row 0 = the lowest y) covering <paramref name="rect"/>.
    /// ScottPlot draws row 0 at the top, so the rows are flipped.
    /// </summary>
    internal static ScottPlot.Plottables.Heatmap AddHeatmap(Plot plot, double[,] values, CoordinateRect rect)
    {
        int rows = values.GetLength(0), cols = values.GetLength(1);
        var flipped = new double[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++) flipped[rows - 1 - r, c] = values[r, c];
        var map = plot.Add.Heatmap(flipped);
        map.Rectangle = rect;
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        return map;
    }

    /// <summary>Renders a plot to PNG and writes it atomically.</summary>
    internal static void Save(Plot plot, string path, int width, int height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        Io.AtomicFile.Write(path, s => s.Write(bytes));
    }
}
