using System.Globalization;
using MlApt.Imaging;
using MlApt.Specimens;
using ScottPlot;

namespace MlApt.Reporting;

public static partial class MapPlots
{
    /// <summary>Longest side of a slice's data area (px) when the specimen allows it.</summary>
    private const int TargetLongSide = 800;
    /// <summary>Shortest side of a slice's data area (px) when the longest stays under <see cref="MaxLongSide"/>.</summary>
    private const int TargetShortSide = 320;
    private const int MaxLongSide = 2400;

    /// <summary>
    /// Writes the orthogonal slices of the voxel probability map through the middle of the analysed region
    /// (x–z, y–z, x–y) and its maximum projection along y, with equal scales in nm (square pixels), the
    /// voxels that were not analysed in grey with a key, and, when <paramref name="trueDomains"/> are given,
    /// the true domains outlined (their cross-sections in a slice, their full radius in the projection).
    /// <paramref name="subject"/> names the order mapped (see <see cref="OrderName"/>); without it the
    /// pairs name it. Returns the file names written.
    /// </summary>
    public static IReadOnlyList<string> SaveSlices(string dir, CsroMap map, string prefix = "", string? subject = null,
        IReadOnlyList<SphericalDomain>? trueDomains = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var files = new List<string>();
        foreach (var view in SliceViews(map))
        {
            var (plot, width, height) = Slice(map, view, subject, trueDomains);
            var name = prefix + view.Name;
            SdmPlots.Save(plot, Path.Combine(dir, name), width, height);
            files.Add(name);
        }
        return files;
    }

    /// <summary>One figure of <see cref="SaveSlices"/>: which plane, which values.</summary>
    internal sealed record SliceView(string Name, string Description, string XLabel, string YLabel, double[,] Values,
        (double Min, double Max) X, (double Min, double Max) Y, Func<SphericalDomain, (double X, double Y, double Radius)?> Outline);

    internal static IReadOnlyList<SliceView> SliceViews(CsroMap map)
    {
        var g = map.Grid;
        var p = map.VoxelProbability;
        var half = g.Options.Stride / 2;
        (double, double) Span(Func<int, double> centre, int n) => (centre(0) - half, centre(n - 1) + half);
        var xs = Span(g.CentreX, g.Nx);
        var ys = Span(g.CentreY, g.Ny);
        var zs = Span(g.CentreZ, g.Nz);
        var (im, jm, km) = MiddleOfAnalysed(map);
        var (xm, ym, zm) = (g.CentreX(im), g.CentreY(jm), g.CentreZ(km));
        static (double, double, double)? Cut(double centreA, double centreB, double offset, double radius) =>
            Math.Abs(offset) < radius ? (centreA, centreB, Math.Sqrt(radius * radius - offset * offset)) : null;

        var xz = new double[g.Nz, g.Nx];
        var yz = new double[g.Nz, g.Ny];
        var xy = new double[g.Ny, g.Nx];
        var proj = new double[g.Nz, g.Nx];
        for (var k = 0; k < g.Nz; k++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                xz[k, i] = p[g.Index(i, jm, k)];
                var m = double.NaN;
                for (var j = 0; j < g.Ny; j++)
                {
                    var v = p[g.Index(i, j, k)];
                    if (!float.IsNaN(v) && (double.IsNaN(m) || v > m)) m = v;
                }
                proj[k, i] = m;
            }
            for (var j = 0; j < g.Ny; j++) yz[k, j] = p[g.Index(im, j, k)];
        }
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++) xy[j, i] = p[g.Index(i, j, km)];

        return
        [
            new("slice_xz.png", Invariant($"x–z slice at y = {ym:F1} nm"), "x (nm)", "z (nm)", xz, xs, zs, d => Cut(d.X, d.Z, d.Y - ym, d.Radius)),
            new("slice_yz.png", Invariant($"y–z slice at x = {xm:F1} nm"), "y (nm)", "z (nm)", yz, ys, zs, d => Cut(d.Y, d.Z, d.X - xm, d.Radius)),
            new("slice_xy.png", Invariant($"x–y slice at z = {zm:F1} nm"), "x (nm)", "y (nm)", xy, xs, ys, d => Cut(d.X, d.Y, d.Z - zm, d.Radius)),
            new("projection_max_xz.png", "maximum along y", "x (nm)", "z (nm)", proj, xs, zs, d => (d.X, d.Z, d.Radius)),
        ];
    }

    /// <summary>The voxel indices halfway between the first and last analysed layer along each axis (the grid's middle when none is).</summary>
    private static (int I, int J, int K) MiddleOfAnalysed(CsroMap map)
    {
        var g = map.Grid;
        int i0 = int.MaxValue, i1 = -1, j0 = int.MaxValue, j1 = -1, k0 = int.MaxValue, k1 = -1;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    if (float.IsNaN(map.VoxelProbability[g.Index(i, j, k)])) continue;
                    (i0, i1) = (Math.Min(i0, i), Math.Max(i1, i));
                    (j0, j1) = (Math.Min(j0, j), Math.Max(j1, j));
                    (k0, k1) = (Math.Min(k0, k), Math.Max(k1, k));
                }
        return i1 < 0 ? (g.Nx / 2, g.Ny / 2, g.Nz / 2) : ((i0 + i1 + 1) / 2, (j0 + j1 + 1) / 2, (k0 + k1 + 1) / 2);
    }

    /// <summary>
    /// The figure of one view and its size. The data area is laid out by hand so that one nm is the same
    /// number of pixels along both axes; the margins hold the title, the axes, the colour bar and the key.
    /// </summary>
    internal static (Plot Plot, int Width, int Height) Slice(CsroMap map, SliceView view, string? subject, IReadOnlyList<SphericalDomain>? trueDomains)
    {
        var (wx, wy) = (view.X.Max - view.X.Min, view.Y.Max - view.Y.Min);
        var scale = Math.Min(Math.Max(TargetLongSide / Math.Max(wx, wy), TargetShortSide / Math.Min(wx, wy)), MaxLongSide / Math.Max(wx, wy));
        var (dataW, dataH) = ((int)Math.Round(wx * scale), (int)Math.Round(wy * scale));

        var plot = new Plot();
        FigureStyle.Apply(plot);
        var title = $"{subject ?? string.Join("+", map.Pairs)}\nP(CSRO), {view.Description}";
        plot.Title(title);
        plot.XLabel(view.XLabel);
        plot.YLabel(view.YLabel);

        var rect = new CoordinateRect(view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
        var anyDefined = view.Values.Cast<double>().Any(double.IsFinite);
        // ScottPlot cannot colour-scale an array without one finite value: draw the not-analysed grey alone,
        // and keep a (hidden) heatmap for the colour bar.
        var heatmap = SdmPlots.AddHeatmap(plot, anyDefined ? view.Values : new double[1, 1], anyDefined ? rect : new CoordinateRect(view.X.Min, view.X.Min, view.Y.Min, view.Y.Min));
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = FigureStyle.NotAnalysed;
        if (!anyDefined)
        {
            var grey = plot.Add.Rectangle(view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
            grey.FillColor = FigureStyle.NotAnalysed;
            grey.LineWidth = 0;
        }
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "P(CSRO)";
        bar.LabelStyle.FontSize = FigureStyle.LabelSize;
        bar.Axis.TickLabelStyle.FontSize = FigureStyle.TickSize;
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);

        var key = new List<LegendItem>
        {
            new() { LabelText = "not analysed", FillColor = FigureStyle.NotAnalysed, LineColor = Colors.Black, LineWidth = 1 },
        };
        if (trueDomains is not null)
        {
            foreach (var d in trueDomains)
            {
                if (view.Outline(d) is not { } c) continue;
                var circle = plot.Add.Circle(c.X, c.Y, c.Radius);
                circle.LineColor = FigureStyle.Truth;
                circle.LineWidth = 2.5f;
                circle.FillColor = Colors.Transparent;
            }
            key.Add(new LegendItem { LabelText = "true domain", LineColor = FigureStyle.Truth, LineWidth = 2.5f });
        }
        plot.Legend.ManualItems.AddRange(key);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = FigureStyle.LegendSize;
        plot.Axes.SetLimits(view.X.Min, view.X.Max, view.Y.Min, view.Y.Max);
        // About five ticks along the shorter side; the longer side keeps that step unless it would crowd
        // (a 120 nm specimen gets a tick every 20 nm, not every 5).
        var shortStep = FigureStyle.NiceStep(Math.Min(wx, wy), 5, 0.5);
        var longStep = Math.Max(shortStep, FigureStyle.NiceStep(Math.Max(wx, wy), 8));
        FigureStyle.Ticks(plot.Axes.Bottom, wx >= wy ? longStep : shortStep);
        FigureStyle.Ticks(plot.Axes.Left, wy > wx ? longStep : shortStep);

        // Margins: tick labels and axis label on the left; colour bar with its ticks and label on the right;
        // two title lines on top; tick labels, axis label and the key below.
        var (left, right, top, bottom) = (105, 165, 100, 140);
        var titleWidth = FigureStyle.TextWidth(title, FigureStyle.TitleSize) + 40;
        var width = left + dataW + right;
        if (width < titleWidth)
        {
            var extra = titleWidth - width;
            (left, right, width) = (left + extra / 2, right + extra - extra / 2, titleWidth);
        }
        plot.Layout.Fixed(new PixelPadding(left, right, bottom, top));
        return (plot, width, top + dataH + bottom);
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
