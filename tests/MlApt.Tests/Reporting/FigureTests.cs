using System.Buffers.Binary;
using MlApt.Crystal;
using MlApt.Learning;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Study;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Tests.Reporting;

/// <summary>
/// Every figure outside the map (sdm, bank, train, explain, align, envelope, study), rendered from tiny inputs in the
/// shared look: the PNG has the size the layout asked for, the title fits, fonts are the map figures', legends sit
/// beside the data (never on it), heatmaps over lengths or angles have square units and colour bars a few round ticks.
/// </summary>
public class FigureTests
{
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Renders and checks what every figure shares: size, shared fonts, a title that fits, a legend (if any) beside the data.</summary>
    private static void AssertShared((Plot Plot, int Width, int Height) figure, string name)
    {
        var (plot, width, height) = figure;
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        Assert.Equal((width, height), PngSize(png));
        // MLAPT_FIGURE_DIR=DIR keeps the figures, to look at them.
        if (Environment.GetEnvironmentVariable("MLAPT_FIGURE_DIR") is { Length: > 0 } keep)
            File.WriteAllBytes(Path.Combine(keep, name.Replace(' ', '_') + (name.EndsWith(".png", StringComparison.Ordinal) ? "" : ".png")), png);
        Assert.True(width is >= 600 and <= 3000 && height is >= 500 and <= 3000, $"{name}: {width} × {height}");
        var label = plot.Axes.Title.Label;
        Assert.Equal(FigureStyle.TitleSize, label.FontSize);
        Assert.Equal(FigureStyle.LabelSize, plot.Axes.Bottom.Label.FontSize);
        Assert.Equal(FigureStyle.TickSize, plot.Axes.Left.TickLabelStyle.FontSize);
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(label.FontName, label.Bold ? SkiaSharp.SKFontStyle.Bold : SkiaSharp.SKFontStyle.Normal);
        using var font = new SkiaSharp.SKFont(typeface, label.FontSize);
        var titleWidth = label.Text.Split('\n').Max(l => font.MeasureText(l));
        Assert.True(titleWidth <= width, $"{name}: title {titleWidth:F0} px in a {width} px figure");
        // Inside the data area a legend can cover a curve: legends are panels beside it.
        var keyed = plot.GetPlottables().SelectMany(p => p.LegendItems).Any(i => !string.IsNullOrEmpty(i.LabelText)) || plot.Legend.ManualItems.Count > 0;
        Assert.False(keyed && plot.Legend.IsVisible, $"{name}: the legend is inside the data area");
    }

    /// <summary>The data area has as many pixels per unit along x as along y.</summary>
    private static void AssertSquareUnits(Plot plot, string name)
    {
        var data = plot.LastRender.DataRect;
        var limits = plot.Axes.GetLimits();
        var x = data.Width / (limits.Right - limits.Left);
        var y = data.Height / (limits.Top - limits.Bottom);
        Assert.True(Math.Abs(x / y - 1) < 0.01, $"{name}: {x:F2} px per unit along x, {y:F2} along y");
    }

    /// <summary>The colour bar's ticks: between two and eight, evenly spaced by 1, 2 or 5 × 10^k.</summary>
    private static void AssertRoundColourBarTicks(Plot plot, string name)
    {
        var bar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
        var ticks = bar.Axis.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).Order().ToArray();
        Assert.True(ticks.Length is >= 2 and <= 8, $"{name}: {ticks.Length} colour-bar ticks");
        var step = ticks[1] - ticks[0];
        Assert.True(Math.Abs(FigureStyle.NiceStep(step, 1) - step) < 1e-9 * step, $"{name}: colour-bar tick step {step}");
        Assert.All(ticks.Zip(ticks.Skip(1)), p => Assert.Equal(step, p.Second - p.First, 9));
    }

    [Fact]
    public void ZSdm_And_Sdm2D_AreInTheSharedLook_AndTheSdm2DHasSquareNanometres()
    {
        var edges = ZSdm.CroppedBinLeftEdges();
        var values = edges.Select(e => Math.Cos(8 * e) + 1).ToArray();
        AssertShared(SdmPlots.ZSdmFigure(edges, values, "Ni-Ni z-SDM, 12,345 centres", "pair counts"), "zsdm.png");
        var counts = new double[40, 40];
        for (var r = 0; r < 40; r++)
            for (var c = 0; c < 40; c++)
                counts[r, c] = r * 37 + c;
        var sdm2d = SdmPlots.Sdm2DFigure(counts, "Ni-Ni 2D SDM (Δx–Δz)");
        AssertShared(sdm2d, "sdm2d.png");
        AssertSquareUnits(sdm2d.Plot, "sdm2d.png");
        AssertRoundColourBarTicks(sdm2d.Plot, "sdm2d.png");
    }

    [Fact]
    public void TrainingCurves_And_Confusion_AreInTheSharedLook()
    {
        var history = Enumerable.Range(1, 12).Select(e => new EpochRecord(0, e, 1.0 / e, 1 - 0.5 / e, 1.1 / e, 1 - 0.6 / e)).ToList();
        var test = new ClassificationMetrics(30, 0.9, [[14, 1], [2, 13]], [0.875, 0.93], [0.93, 0.87]);
        FoldReport[] folds = [.. Enumerable.Range(0, 5).Select(f => new FoldReport(f, 100, 20, 12, 10, 0.2, 0.9,
            [.. history.Select(h => h with { Fold = f })], test))];
        AssertShared(TrainingPlots.CurvesFigure(folds, "loss", e => e.TrainLoss, e => e.ValidationLoss), "loss.png");
        // Accuracy: the axis ends at 1 and starts at least 0.05 below the lowest value, on a multiple of 0.05.
        var flat = Enumerable.Range(1, 12).Select(e => new EpochRecord(0, e, 0.3, 0.881 + 0.0008 * e, 0.3, 0.885)).ToList();
        FoldReport[] flatFolds = [new FoldReport(0, 100, 20, 12, 10, 0.2, 0.9, flat, test)];
        var accuracy = TrainingPlots.CurvesFigure(flatFolds, "accuracy", e => e.TrainAccuracy, e => e.ValidationAccuracy, fraction: true);
        AssertShared(accuracy, "accuracy.png");
        var y = accuracy.Plot.Axes.GetLimits();
        Assert.InRange(y.Top, 1.0, 1.01);
        Assert.Equal(0.8, y.Bottom, 9);
        var curves = TrainingPlots.CurvesFigure(folds, "accuracy", e => e.TrainAccuracy, e => e.ValidationAccuracy, fraction: true).Plot.Axes.GetLimits();
        Assert.Equal(0.35, curves.Bottom, 9); // lowest 0.4 (1 − 0.6 at epoch 1)
        var confusion = TrainingPlots.ConfusionFigure(test, ["FCC", "CSRO"], "held-out test set, ensemble");
        AssertShared(confusion, "confusion.png");
        AssertSquareUnits(confusion.Plot, "confusion.png");
        AssertRoundColourBarTicks(confusion.Plot, "confusion.png");
    }

    [Fact]
    public void GradCam_IsInTheSharedLook_WithItsKeyBesideTheCurve()
    {
        var edges = ZSdm.CroppedBinLeftEdges();
        var curve = edges.Select(e => Math.Abs(Math.Sin(6 * e))).ToArray();
        var cam = edges.Select(e => Math.Exp(-e * e * 20)).ToArray();
        var figure = ExplainPlots.GradCamFigure(edges, curve, cam,
            "z-SDM 3: CSRO (p = 0.912 ± 0.034); Grad-CAM of CSRO", "min-max normalised z-SDM");
        AssertShared(figure, "gradcam.png");
        Assert.Equal(FigureStyle.LabelSize, figure.Plot.Axes.Right.Label.FontSize);
    }

    [Fact]
    public void PoleFigure_HasSquareDegrees_AndRoundColourBarTicks_AndTheBeforeAfterKeyIsBesideTheCurves()
    {
        var specimen = SimulatedSpecimen.Generate(new SpecimenSpec { Size = (8, 8, 8), Domains = 0, Seed = 3 });
        PoleAlignment.Find(specimen.Cloud, [], new PoleAlignmentOptions(), out var best);
        Assert.NotNull(best);
        var pole = AlignmentReport.PoleFigure(best);
        AssertShared(pole, "pole_figure.png");
        AssertSquareUnits(pole.Plot, "pole_figure.png");
        AssertRoundColourBarTicks(pole.Plot, "pole_figure.png");
        AssertShared(AlignmentReport.ZSdmBeforeAfterFigure(specimen.Cloud, specimen.Cloud, [], best), "zsdm_before_after.png");
    }

    [Fact]
    public void ZSdmRipple_KeepsThePlaneRipple_AndDropsTheEnvelope()
    {
        // 12 bins per period; a window of 12 bins either side spans two periods (25 bins, one extra bin).
        var edges = MlApt.Sdm.ZSdm.CroppedBinLeftEdges();
        var n = edges.Length;
        var ramp = Enumerable.Range(0, n).Select(i => 1000.0 + 3 * i).ToArray();
        var (x, flat) = AlignmentReport.Ripple(ramp, edges, 12);
        Assert.Equal(n - 24, x.Length);
        Assert.All(flat, v => Assert.InRange(v, -1e-9, 1e-9));
        var rippled = Enumerable.Range(0, n).Select(i => 1000.0 * (1 + 0.2 * Math.Cos(2 * Math.PI * i / 12))).ToArray();
        var (_, ripple) = AlignmentReport.Ripple(rippled, edges, 12);
        Assert.InRange(ripple.Max(), 17, 23);
        Assert.InRange(ripple.Min(), -23, -17);
    }

    [Fact]
    public void Envelope_Heatmap_And_Axis_AreInTheSharedLook()
    {
        var values = new double[,] { { 0.1, 0.5, 0.93 }, { 0.2, double.NaN, 0.71 } };
        var heatmap = EnvelopeReport.HeatmapFigure(values, [0.6, 1.0, 1.6], [0.5, 1.0], "domain radius (nm)", "order parameter S", "F1");
        AssertShared(heatmap, "envelope heatmap");
        AssertSquareUnits(heatmap.Plot, "envelope heatmap");
        AssertRoundColourBarTicks(heatmap.Plot, "envelope heatmap");
        // One column: every finite cell still drawn (as a rectangle over the heatmap).
        var column = EnvelopeReport.HeatmapFigure(new double[,] { { 1.05 }, { 1.28 } }, [0.5], [0.25, 0.4], "detection efficiency η", "σxy (nm)", "detected / true volume");
        AssertShared(column, "envelope one-column heatmap");
        Assert.Equal(2, column.Plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>().Count());
        var spec = new SpecimenSpec();
        EnvelopeResult Point(double tilt, double f1) => new(new EnvelopePoint("tilt", new Dictionary<string, double> { ["tilt_deg"] = tilt }, spec, tilt, 1, null),
            new MapScore(90, (long)(100 * (1 - f1)), 10, 1000), 0.001, 1);
        AssertShared(EnvelopeReport.AxisFigure([Point(0, 0.9), Point(4, 0.7), Point(8, 0.4)], "tilt_deg", "residual tilt (°)"), "envelope axis");
        // Titled with the order type, as the envelope command draws them: the title still fits, the cells stay square.
        var order = MlApt.Crystal.OrderType.Parse("111", "pole").Describe();
        var titled = EnvelopeReport.HeatmapFigure(values, [0.6, 1.0, 1.6], [0.5, 1.0], "domain radius (nm)", "order parameter S", "F1", order);
        AssertShared(titled, "envelope heatmap with its order type");
        AssertSquareUnits(titled.Plot, "envelope heatmap with its order type");
        Assert.StartsWith(order + "\n", titled.Plot.Axes.Title.Label.Text);
        AssertShared(EnvelopeReport.AxisFigure([Point(0, 0.9), Point(4, 0.7), Point(8, 0.4)], "tilt_deg", "residual tilt (°)", order), "envelope axis with its order type");
        // A fixed scale: the colours span 0–1 whatever the values, widened only for a value outside it.
        var narrow = new double[,] { { 0.80, 0.87 } };
        var fixedMap = EnvelopeReport.HeatmapFigure(narrow, [0.3, 0.5], [0.2], "detection efficiency η", "σxy (nm)", "F1", null, new ScottPlot.Range(0, 1)).Plot
            .GetPlottables().OfType<ScottPlot.Plottables.Heatmap>().Single();
        Assert.Equal(new ScottPlot.Range(0, 1), fixedMap.ManualRange);
        var wide = EnvelopeReport.HeatmapFigure(new double[,] { { 0.5, 2.6 } }, [0.3, 0.5], [0.2], "detection efficiency η", "σxy (nm)", "detected / true volume", null, new ScottPlot.Range(0, 2)).Plot
            .GetPlottables().OfType<ScottPlot.Plottables.Heatmap>().Single();
        Assert.Equal(new ScottPlot.Range(0, 2.6), wide.ManualRange);
        var own = EnvelopeReport.HeatmapFigure(narrow, [0.3, 0.5], [0.2], "detection efficiency η", "σxy (nm)", "F1").Plot
            .GetPlottables().OfType<ScottPlot.Plottables.Heatmap>().Single();
        Assert.Null(own.ManualRange);
    }

    [Fact]
    public void StudyRelationship_IsInTheSharedLook()
    {
        var table = SampleTable.Parse("name,map,anneal T [K],resistivity [µΩ cm]\nA,m0,500,100\nB,m1,600,104\nC,m2,700,109\nD,m3,800,113\n", "samples.csv", "/data");
        var study = StudyAnalysis.Build(table, [.. new[] { 0.01, 0.03, 0.05, 0.08 }.Select(f => (IReadOnlyList<CsroMetrics>)
            [new CsroMetrics("Ni-Ni", f, 0.001, f - 0.005, 0.0012, 2e24, 1e24, 0.8, 0.05, 3, 0.25, 0.02, "summary.json")])], ["resistivity"]);
        var r = study.Relationships.First();
        AssertShared(StudyPlots.Figure(r, study.Table.Samples), "study");
    }
}
