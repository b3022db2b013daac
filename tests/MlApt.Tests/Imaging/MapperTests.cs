using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Imaging;

/// <summary>
/// The mapper against an independent, literal implementation of METHOD §3, §4, §7: brute-force z-SDM
/// per voxel, scalar preprocessing, the same classifier, sub-voxel sums by geometric containment, and
/// brute-force extraction.
/// </summary>
public class MapperTests
{
    /// <summary>A deterministic stand-in classifier: a smooth function of the curve.</summary>
    private static float Score(ReadOnlySpan<float> curve)
    {
        if (float.IsNaN(curve[0])) return float.NaN;
        double s = 0;
        for (var b = 30; b < 63; b++) s += curve[b];
        return (float)(s / 33.0);
    }

    private static void Classify(ReadOnlySpan<float> inputs, int count, Span<float> p, Span<float> std)
    {
        for (var t = 0; t < count; t++)
        {
            p[t] = Score(inputs.Slice(t * 93, 93));
            std[t] = float.IsNaN(p[t]) ? float.NaN : 0f;
        }
    }

    private static (IonCloud Cloud, byte[] Species, RangeTable Table) Specimen(int seed)
    {
        var cloud = DemoSpecimen.Generate((5, 5, 5), seed);
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        return (cloud, table.Assign(cloud), table);
    }

    [Fact]
    public void Map_EqualsLiteralPipeline()
    {
        var (cloud, species, table) = Specimen(21);
        var box = new Box(-2, 2, -2, 2, -4, -1);
        var threshold = 1.9;
        var map = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], Classify,
            new MapOptions(Box: box, Threshold: threshold, SlabLayers: 3));

        var grid = new VoxelGrid(box);
        var (nx, ny, nz) = ElementPair.Positions(cloud, species, table, "Ni");
        var expectedP = new float[grid.Count];
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            List<double> sx = [], sy = [], sz = [];
            for (var i = 0; i < nx.Length; i++)
            {
                double dx = nx[i] - cx, dy = ny[i] - cy, dz = nz[i] - cz;
                if (dx * dx + dy * dy + dz * dz <= 0.5625) { sx.Add(nx[i]); sy.Add(ny[i]); sz.Add(nz[i]); }
            }
            var full = new long[200];
            ZSdm.AccumulatePairs(sx.ToArray(), sy.ToArray(), sz.ToArray(), sx.ToArray(), sy.ToArray(), sz.ToArray(), 1.5, full);
            var raw = full.Skip(54).Take(93).Select(c => (double)c).ToArray();
            var pre = new double[93];
            Preprocessing.Apply(raw, pre, SdmStage.Preprocessed);
            expectedP[v] = Score(pre.Select(d => (float)d).ToArray());
        }
        Assert.Equal(expectedP, map.VoxelProbability);

        // Sub-voxel sums by geometric containment and the reference threshold.
        var sub = map.SubGrid;
        var selectedCount = 0;
        for (var s = 0; s < sub.Count; s++)
        {
            var c = sub.Centre(s);
            double total = 0;
            var undefined = false;
            for (var v = 0; v < grid.Count; v++)
            {
                var vc = grid.Centre(v);
                if (Math.Abs(vc.X - c.X) < 0.5 && Math.Abs(vc.Y - c.Y) < 0.5 && Math.Abs(vc.Z - c.Z) < 0.5)
                {
                    if (float.IsNaN(expectedP[v])) undefined = true;
                    total += expectedP[v];
                }
            }
            var expectedScore = undefined ? float.NaN : (float)total;
            Assert.Equal(expectedScore, map.SubVoxelScore[s]);
            var on = expectedScore > threshold;
            Assert.Equal(on ? 1 : 0, map.Selected[s]);
            if (on) selectedCount++;
        }
        Assert.Equal(selectedCount, map.SelectedSubVoxels);
        Assert.True(selectedCount > 0 && selectedCount < sub.Count, $"the test needs a mixed decision, got {selectedCount}");

        // Extraction: every ion within 0.3535 nm of a selected centre, each once.
        var expectedIons = new List<int>();
        for (var i = 0; i < cloud.Count; i++)
        {
            for (var s = 0; s < sub.Count; s++)
            {
                if (map.Selected[s] == 0) continue;
                var c = sub.Centre(s);
                double dx = cloud.X[i] - c.X, dy = cloud.Y[i] - c.Y, dz = cloud.Z[i] - c.Z;
                if (dx * dx + dy * dy + dz * dz <= 0.3535 * 0.3535) { expectedIons.Add(i); break; }
            }
        }
        Assert.Equal(expectedIons, map.ExtractedIons);
        Assert.Equal((double)selectedCount / map.DefinedSubVoxels, map.VolumeFraction);
    }

    [Fact]
    public void Map_IsIndependentOfSlabSize()
    {
        var (cloud, species, table) = Specimen(22);
        var box = new Box(-2, 2, -2, 2, -4, -1);
        var a = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], Classify, new MapOptions(Box: box, Threshold: 1.9, SlabLayers: 1));
        var b = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], Classify, new MapOptions(Box: box, Threshold: 1.9, SlabLayers: 100));
        Assert.Equal(a.VoxelProbability, b.VoxelProbability);
        Assert.Equal(a.ExtractedIons, b.ExtractedIons);
    }

    [Fact]
    public void Map_AutomaticBox_MasksEmptyVoxels()
    {
        // A cylinder of ions: corners of its bounding box are empty and must not be analysed.
        var (cloud, species, table) = Specimen(23);
        var keep = Enumerable.Range(0, cloud.Count).Where(i => cloud.X[i] * cloud.X[i] + cloud.Y[i] * cloud.Y[i] < 4).ToArray();
        var cyl = new IonCloud(keep.Select(i => cloud.X[i]).ToArray(), keep.Select(i => cloud.Y[i]).ToArray(),
            keep.Select(i => cloud.Z[i]).ToArray(), keep.Select(i => cloud.M[i]).ToArray());
        var sp = table.Assign(cyl);
        var map = CsroMapper.Map(cyl, sp, table, [new ElementPair("Ni", "Ni")], Classify, new MapOptions(Threshold: 1.9));
        Assert.True(map.AutomaticBox);
        Assert.True(map.AnalysableVoxels < map.Grid.Count);
        var g = map.Grid;
        var corner = g.Index(0, 0, g.Nz / 2);
        Assert.True(float.IsNaN(map.VoxelProbability[corner]));
        var centre = g.Index(g.Nx / 2, g.Ny / 2, g.Nz / 2);
        Assert.False(float.IsNaN(map.VoxelProbability[centre]));
    }

    [Fact]
    public void Map_BoxSmallerThanAVoxel_IsInputError()
    {
        var (cloud, species, table) = Specimen(24);
        var e = Assert.Throws<InputException>(() => CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], Classify,
            new MapOptions(Box: new Box(0, 0.5, 0, 0.5, -1, 0))));
        Assert.Contains("smaller than one voxel", e.Message, StringComparison.Ordinal);
    }
}
