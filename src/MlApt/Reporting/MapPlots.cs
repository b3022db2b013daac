using MlApt.Imaging;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>PNG figures of a CSRO map (ScottPlot 5): slices, projection, domain sizes, real vs control.</summary>
public static class MapPlots
{
    /// <summary>
    /// Writes the orthogonal slices through the centre of the voxel probability map (x–z at the middle
    /// y, y–z at the middle x, x–y at the middle z) and its maximum projection along y, axes in nm.
    /// Returns the file names written.
    /// </summary>
    public static IReadOnlyList<string> SaveSlices(string dir, CsroMap map, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(map);
        var g = map.Grid;
        var p = map.VoxelProbability;
        var (x0, y0, z0) = (g.CentreX(0), g.CentreY(0), g.CentreZ(0));
        var (x1, y1, z1) = (g.CentreX(g.Nx - 1), g.CentreY(g.Ny - 1), g.CentreZ(g.Nz - 1));
        var half = g.Options.Stride / 2;
        var files = new List<string>();
        var pair = string.Join("+", map.Pairs);

        var xz = new double[g.Nz, g.Nx];
        var jm = g.Ny / 2;
        for (var k = 0; k < g.Nz; k++)
            for (var i = 0; i < g.Nx; i++) xz[k, i] = p[g.Index(i, jm, k)];
        files.Add(Heatmap(dir, prefix + "slice_xz.png", xz, (x0 - half, x1 + half), (z0 - half, z1 + half),
            $"{pair} P(CSRO), x–z slice at y = {g.CentreY(jm):F2} nm", "x (nm)", "z (nm)"));

        var yz = new double[g.Nz, g.Ny];
        var im = g.Nx / 2;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++) yz[k, j] = p[g.Index(im, j, k)];
        files.Add(Heatmap(dir, prefix + "slice_yz.png", yz, (y0 - half, y1 + half), (z0 - half, z1 + half),
            $"{pair} P(CSRO), y–z slice at x = {g.CentreX(im):F2} nm", "y (nm)", "z (nm)"));

        var xy = new double[g.Ny, g.Nx];
        var km = g.Nz / 2;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++) xy[j, i] = p[g.Index(i, j, km)];
        files.Add(Heatmap(dir, prefix + "slice_xy.png", xy, (x0 - half, x1 + half), (y0 - half, y1 + half),
            $"{pair} P(CSRO), x–y slice at z = {g.CentreZ(km):F2} nm", "x (nm)", "y (nm)"));

        var proj = new double[g.Nz, g.Nx];
        for (var k = 0; k < g.Nz; k++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                var m = double.NaN;
                for (var j = 0; j < g.Ny; j++)
                {
                    var v = p[g.Index(i, j, k)];
                    if (!float.IsNaN(v) && (double.IsNaN(m) || v > m)) m = v;
                }
                proj[k, i] = m;
            }
        }
        files.Add(Heatmap(dir, prefix + "projection_max_xz.png", proj, (x0 - half, x1 + half), (z0 - half, z1 + half),
            $"{pair} P(CSRO), maximum along y", "x (nm)", "z (nm)"));
        return files;
    }

    /// <summary>Histogram of domain sizes (DBSCAN atoms per cluster), real and, when given, control.</summary>
    public static string SaveDomainSizes(string dir, string name, int[] realSizes, IReadOnlyList<int[]>? controlSizes, string title)
    {
        ArgumentNullException.ThrowIfNull(realSizes);
        var plot = new Plot();
        var edges = SizeHistogram.Edges(realSizes, controlSizes);
        var real = SizeHistogram.Count(realSizes, edges);
        var bars = plot.Add.Bars(Centres(edges), real);
        bars.LegendText = "real";
        if (controlSizes is { Count: > 0 })
        {
            var mean = new double[real.Length];
            foreach (var c in controlSizes)
            {
                var h = SizeHistogram.Count(c, edges);
                for (var b = 0; b < h.Length; b++) mean[b] += h[b] / controlSizes.Count;
            }
            var line = plot.Add.Scatter(Centres(edges), mean);
            line.LegendText = $"control (mean of {controlSizes.Count})";
            line.LineWidth = 2;
            plot.ShowLegend();
        }
        plot.Title(title);
        plot.XLabel("atoms per domain");
        plot.YLabel("domains");
        SdmPlots.Save(plot, Path.Combine(dir, name), 800, 500);
        return name;
    }

    /// <summary>Real versus control volume fractions (bars) in percent.</summary>
    public static string SaveRealVersusControl(string dir, string name, double realFraction, IReadOnlyList<double> controlFractions, string title)
    {
        ArgumentNullException.ThrowIfNull(controlFractions);
        var plot = new Plot();
        // An undefined fraction (no analysed sub-voxel) is drawn as an empty bar, with a note.
        var values = new List<double> { 100 * realFraction };
        values.AddRange(controlFractions.Select(f => 100 * f));
        if (values.Any(v => !double.IsFinite(v)))
        {
            NoData(plot, (values.Count - 1) / 2.0, 0, "undefined volume fraction (no analysed sub-voxel)");
            for (var i = 0; i < values.Count; i++)
                values[i] = double.IsFinite(values[i]) ? values[i] : 0;
        }
        var positions = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        plot.Add.Bars(positions, values.ToArray());
        var ticks = new List<Tick> { new(0, "real") };
        for (var i = 1; i < values.Count; i++) ticks.Add(new Tick(i, $"control {i}"));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Title(title);
        plot.YLabel("CSRO volume fraction (%)");
        SdmPlots.Save(plot, Path.Combine(dir, name), 800, 500);
        return name;
    }

    /// <summary>The note written on a figure with nothing to draw.</summary>
    private static void NoData(Plot plot, double x, double y, string note)
    {
        var text = plot.Add.Text(note, x, y);
        text.LabelFontSize = 18;
        text.LabelAlignment = Alignment.MiddleCenter;
    }

    private static bool HasValue(double[,] values)
    {
        foreach (var v in values)
        {
            if (double.IsFinite(v))
                return true;
        }
        return false;
    }

    private static double[] Centres(double[] edges) => edges.Zip(edges.Skip(1), (a, b) => (a + b) / 2).ToArray();

    private static string Heatmap(string dir, string name, double[,] values, (double Min, double Max) xRange, (double Min, double Max) yRange,
        string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (HasValue(values))
        {
            var map = SdmPlots.AddHeatmap(plot, values, new CoordinateRect(xRange.Min, xRange.Max, yRange.Min, yRange.Max));
            map.ManualRange = new ScottPlot.Range(0, 1);
            plot.Add.ColorBar(map).Label = "P(CSRO)";
        }
        else
        {
            // A slice through no analysed voxel (a stray ion far from the specimen widens the box, a box at the
            // data's edge, unranged ions, a model giving NaN): an empty frame that says so, not a failed run.
            NoData(plot, (xRange.Min + xRange.Max) / 2, (yRange.Min + yRange.Max) / 2, "no analysed voxel in this slice");
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimits(xRange.Min, xRange.Max, yRange.Min, yRange.Max);
        // Keep nm square: a tall specimen gives a tall image.
        var aspect = (yRange.Max - yRange.Min) / Math.Max(1e-9, xRange.Max - xRange.Min);
        var height = (int)Math.Clamp(500 * aspect, 400, 1600);
        var width = (int)Math.Clamp(height / aspect + 200, 500, 1200);
        SdmPlots.Save(plot, Path.Combine(dir, name), width, height);
        return name;
    }
}
