using System.Buffers.Binary;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Tests.Reporting;

/// <summary>
/// Every figure type of a map and a validation, rendered from a tiny map: the PNG has the size the layout
/// asked for, slices have square nm, titles fit, histogram bars sit on their bins, and a map with nothing
/// analysed in a plane still draws.
/// </summary>
public class MapFigureTests
{
    private static void Classify(ReadOnlySpan<float> inputs, int count, Span<float> p, Span<float> std)
    {
        for (var t = 0; t < count; t++)
        {
            var curve = inputs.Slice(t * 93, 93);
            p[t] = float.IsNaN(curve[0]) ? float.NaN : Math.Clamp(curve[46], 0f, 1f);
            std[t] = float.IsNaN(p[t]) ? float.NaN : 0f;
        }
    }

    /// <summary>A map of a 4 × 3 × 4 nm box: different extents along x, y and z, so a stretched axis shows.</summary>
    private static CsroMap TinyMap()
    {
        var cloud = DemoSpecimen.Generate((5, 5, 5), 7);
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        return CsroMapper.Map(cloud, table.Assign(cloud), table, [new ElementPair("Ni", "Ni")], Classify,
            new MapOptions(Box: new MlApt.Geometry.Box(-2, 2, -1.5, 1.5, -4.5, -0.5), Threshold: 3.0));
    }

    private static readonly SphericalDomain[] Truth = [new(0.5, 0.2, -2.5, 1.0), new(-1.5, 0.0, -1.0, 0.6), new(0, 5, -2, 0.5)];

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static byte[] Render(Plot plot, int width, int height)
    {
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        Assert.Equal((width, height), PngSize(png));
        return png;
    }

    [Fact]
    public void Slices_HaveSquareNanometres_TitlesThatFit_AndTheTrueDomainsOutlined()
    {
        var map = TinyMap();
        const string subject = "L1₂-type Ni order along ⟨001⟩";
        var views = MapPlots.SliceViews(map);
        Assert.Equal(["slice_xz.png", "slice_yz.png", "slice_xy.png", "projection_max_xz.png"], views.Select(v => v.Name));
        foreach (var view in views)
        {
            var (plot, width, height) = MapPlots.Slice(map, view, subject, Truth);
            Render(plot, width, height);
            var data = plot.LastRender.DataRect;
            var limits = plot.Axes.GetLimits();
            var pxPerNmX = data.Width / (limits.Right - limits.Left);
            var pxPerNmY = data.Height / (limits.Top - limits.Bottom);
            Assert.True(Math.Abs(pxPerNmX / pxPerNmY - 1) < 0.01, $"{view.Name}: {pxPerNmX:F2} px/nm along x, {pxPerNmY:F2} along y");
            Assert.Equal(view.X.Min, limits.Left, 9);
            Assert.Equal(view.Y.Max, limits.Top, 9);
            Assert.True(width >= 500 && width <= 3000 && height >= 500 && height <= 3000, $"{view.Name}: {width} × {height}");
            Assert.Contains(subject, plot.Axes.Title.Label.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ni-Ni", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
            var label = plot.Axes.Title.Label;
            using var typeface = SkiaSharp.SKTypeface.FromFamilyName(label.FontName, label.Bold ? SkiaSharp.SKFontStyle.Bold : SkiaSharp.SKFontStyle.Normal);
            using var font = new SkiaSharp.SKFont(typeface, label.FontSize);
            var titleWidth = label.Text.Split('\n').Max(l => font.MeasureText(l));
            Assert.True(titleWidth <= width, $"{view.Name}: title {titleWidth:F0} px in a {width} px figure");
            // The outlines: every true domain the plane cuts (all three in the projection; the third lies outside y).
            var circles = plot.GetPlottables().OfType<ScottPlot.Plottables.Ellipse>().Count();
            var expected = Truth.Count(d => view.Outline(d) is not null);
            Assert.Equal(expected, circles);
            Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == "not analysed");
            Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == "true domain");
        }
    }

    [Fact]
    public void Slices_WithoutTruth_HaveNoOutlines_AndNameThePairsWithoutASubject()
    {
        var map = TinyMap();
        var (plot, width, height) = MapPlots.Slice(map, MapPlots.SliceViews(map)[0], null, null);
        Render(plot, width, height);
        Assert.Empty(plot.GetPlottables().OfType<ScottPlot.Plottables.Ellipse>());
        Assert.Contains("Ni-Ni", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(plot.Legend.ManualItems, i => i.LabelText == "true domain");
    }

    [Fact]
    public void SaveSlices_WritesEveryFigure_EvenWhenNothingWasAnalysed()
    {
        var map = TinyMap();
        var empty = new CsroMap
        {
            Pairs = map.Pairs, Grid = map.Grid, SubGrid = map.SubGrid, AutomaticBox = false, AnalysableVoxels = 0, DefinedVoxels = 0,
            VoxelProbability = Enumerable.Repeat(float.NaN, map.VoxelProbability.Length).ToArray(),
            VoxelStd = Enumerable.Repeat(float.NaN, map.VoxelStd.Length).ToArray(),
            SubVoxelScore = map.SubVoxelScore, SubVoxelMean = map.SubVoxelMean, Selected = map.Selected, DomainLabels = map.DomainLabels,
            SelectedSubVoxels = 0, DefinedSubVoxels = 0, Rule = map.Rule, Threshold = map.Threshold, ExtractedIons = [], ExtractedDomain = [],
            Domains = [], Dbscan = new DbscanSummary(0, [], 0, 0, [], [], 0.4), Timings = map.Timings,
        };
        using var dir = new TempDir();
        foreach (var m in new[] { map, empty })
        {
            var files = MapPlots.SaveSlices(dir.Path, m, m == map ? "a_" : "b_", "Ni order", Truth);
            Assert.Equal(4, files.Count);
            foreach (var f in files)
            {
                var (w, h) = PngSize(File.ReadAllBytes(dir.File(f)));
                Assert.True(w >= 500 && h >= 500, $"{f}: {w} × {h}");
            }
        }
    }

    [Fact]
    public void DomainSizes_BarsCoverTheirBins_AndTheKeyIsOutsideTheData()
    {
        int[] real = [3, 3, 4, 5, 9, 40, 41, 95];
        int[][] controls = [[3, 3], [4]];
        var (plot, width, height) = MapPlots.DomainSizes(real, controls, "Ni order\nDBSCAN cluster sizes");
        Render(plot, width, height);
        var edges = SizeHistogram.Edges(real, controls);
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(edges.Length - 1, bars.Count);
        for (var b = 0; b < bars.Count; b++)
        {
            // Whole-atom sizes e … e + w − 1 of bin [e, e + w): the bar spans e − ½ … e + w − ½.
            Assert.Equal(edges[b] - 0.5, bars[b].Position - bars[b].Size / 2, 9);
            Assert.Equal(edges[b + 1] - 0.5, bars[b].Position + bars[b].Size / 2, 9);
        }
        Assert.Equal(SizeHistogram.Count(real, edges), bars.Select(b => b.Value).ToArray());
        // The key is drawn as a panel beside the data, not inside it where it could cover a bar.
        Assert.False(plot.Legend.IsVisible);
        Assert.Equal(2, plot.Legend.ManualItems.Count);
    }

    [Fact]
    public void RealVersusControl_ShowsThePValueAndTheControlsSpread()
    {
        var (plot, width, height) = MapPlots.RealVersusControl(0.034, [0.001, 0.002, 0.0015], 0.25, "L1₂-type Ni order along ⟨001⟩");
        Render(plot, width, height);
        Assert.Contains("p = 0.25 (3 controls)", plot.Axes.Title.Label.Text, StringComparison.Ordinal);
        var key = Assert.Single(plot.Legend.ManualItems);
        Assert.Contains("0.15 ± 0.05 %", key.LabelText, StringComparison.Ordinal);
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>());
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal([3.4, 0.1, 0.2, 0.15], bars.Select(b => Math.Round(b.Value, 9)).ToArray());
    }

    [Fact]
    public void PrecisionRecall_RendersWithTheKeyInTheEmptyCorner()
    {
        // 100 positive sub-voxels; a higher threshold selects fewer, with fewer false positives.
        var curve = Enumerable.Range(0, 11).Select(i => new CurvePoint(i / 10.0, new MapScore(100 - 5 * i, 40 - 4 * i, 5 * i, 1000))).ToList();
        var (plot, width, height) = ValidationPlots.PrecisionRecall(curve, curve[5].Score, 0.5, "Ni order\nsub-voxel precision–recall");
        Render(plot, width, height);
        Assert.Equal(Alignment.LowerLeft, plot.Legend.Alignment);
    }
}
