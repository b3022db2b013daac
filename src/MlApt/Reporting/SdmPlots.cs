using ScottPlot;

namespace MlApt.Reporting;

/// <summary>
/// PNG plots of spatial distribution maps (ScottPlot 5). Files are written under a temporary name in
/// the target folder and renamed into place, so a reader never sees a half-written image.
/// </summary>
public static class SdmPlots
{
    /// <summary>Default image width (px).</summary>
    public const int DefaultWidth = 800;
    /// <summary>Default image height (px).</summary>
    public const int DefaultHeight = 500;

    /// <summary>
    /// A z-SDM as a step line over its bins: <paramref name="binLeftEdgesNm"/> are the left edges
    /// (e.g. <see cref="Sdm.ZSdm.CroppedBinLeftEdges"/>), <paramref name="values"/> the counts or
    /// normalised values (NaN values leave gaps). The x axis is Δz in nm.
    /// </summary>
    public static void SaveZSdm(string pngPath, ReadOnlySpan<double> binLeftEdgesNm, ReadOnlySpan<double> values, string title,
        string valueLabel = "counts", int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        if (binLeftEdgesNm.Length != values.Length || values.IsEmpty)
            throw new ArgumentException("need one left edge per value and at least one value", nameof(values));
        // A histogram: each value is drawn flat from its left edge to the next edge, so one closing
        // point at the last bin's right edge completes the last step.
        var width0 = binLeftEdgesNm.Length > 1 ? binLeftEdgesNm[1] - binLeftEdgesNm[0] : Sdm.ZSdm.BinWidth;
        var n = values.Length;
        var xs = new double[n + 1];
        var ys = new double[n + 1];
        binLeftEdgesNm.CopyTo(xs);
        values.CopyTo(ys);
        xs[n] = binLeftEdgesNm[n - 1] + width0;
        ys[n] = values[n - 1];
        var plot = new Plot();
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 1.5f;
        plot.Title(title);
        plot.XLabel("Δz (nm)");
        plot.YLabel(valueLabel);
        Save(plot, pngPath, width, height);
    }

    /// <summary>
    /// A 2D SDM as a heatmap: <paramref name="counts"/>[zBin, xBin] (as from <see cref="Sdm.Sdm2D.ToArray"/>)
    /// covering [−<paramref name="halfRangeNm"/>, +<paramref name="halfRangeNm"/>) on both axes, Δx
    /// horizontal, Δz vertical (increasing upwards), with a colour bar.
    /// </summary>
    public static void SaveSdm2D(string pngPath, double[,] counts, string title, double halfRangeNm = Sdm.ZSdm.HalfRange,
        int width = 700, int height = 600)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        if (rows == 0 || cols == 0) throw new ArgumentException("empty histogram", nameof(counts));
        var plot = new Plot();
        var map = AddHeatmap(plot, counts, new CoordinateRect(-halfRangeNm, halfRangeNm, -halfRangeNm, halfRangeNm));
        plot.Add.ColorBar(map);
        plot.Title(title);
        plot.XLabel("Δx (nm)");
        plot.YLabel("Δz (nm)");
        plot.Axes.SetLimits(-halfRangeNm, halfRangeNm, -halfRangeNm, halfRangeNm);
        Save(plot, pngPath, width, height);
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
