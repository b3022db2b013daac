using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Imaging;

/// <summary>Maps with the authors' published Keras ensemble (skipped without ../shared).</summary>
public class PublishedModelMapTests
{
    private static CnnEnsemble Published() =>
        KerasImport.Load(SharedData.Require("reference-ml-apt/keras-models"));

    [Fact]
    public void ReferenceSettings_EqualTheLiteralPipeline()
    {
        var ensemble = Published();
        var domains = new List<(double, double, double, double)> { (0, 0, -2.5, 1.6) };
        var cloud = DemoSpecimen.Generate((6, 6, 5), 31, domains, "Ni");
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        var species = table.Assign(cloud);
        var box = new Box(-2, 2, -2, 2, -4.5, -0.5);
        var map = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], EnsembleClassifier.CreateReference(ensemble), new MapOptions(Box: box));

        // Literal: brute-force z-SDM per voxel, scalar preprocessing, reference forward pass of every member.
        var grid = new VoxelGrid(box);
        var (nx, ny, nz) = ElementPair.Positions(cloud, species, table, "Ni");
        var expected = new float[grid.Count];
        for (var v = 0; v < grid.Count; v++)
        {
            var (cx, cy, cz) = grid.Centre(v);
            var inside = Enumerable.Range(0, nx.Length).Where(i =>
                (nx[i] - cx) * (nx[i] - cx) + (ny[i] - cy) * (ny[i] - cy) + (nz[i] - cz) * (nz[i] - cz) <= 0.5625).ToArray();
            double[] sx = inside.Select(i => nx[i]).ToArray(), sy = inside.Select(i => ny[i]).ToArray(), sz = inside.Select(i => nz[i]).ToArray();
            var full = new long[200];
            ZSdm.AccumulatePairs(sx, sy, sz, sx, sy, sz, 1.5, full);
            var pre = new double[93];
            if (!Preprocessing.Apply(full.Skip(54).Take(93).Select(c => (double)c).ToArray(), pre, SdmStage.Preprocessed))
            {
                expected[v] = float.NaN;
                continue;
            }
            // The mapper hands the classifier float32 curves.
            var asFloat = pre.Select(d => (double)(float)d).ToArray();
            expected[v] = (float)ensemble.Members.Average(m => ReferenceCnn.Predict(m, asFloat)[1]);
        }
        for (var v = 0; v < grid.Count; v++)
            Assert.Equal(expected[v], map.VoxelProbability[v], 1e-6f);
        Assert.Contains(map.VoxelProbability, p => p > 0.5f);
        Assert.Contains(map.VoxelProbability, p => p < 0.5f);
    }

    [Fact]
    public void FastEngine_AgreesWithReference()
    {
        var ensemble = Published();
        var cloud = DemoSpecimen.Generate((6, 6, 5), 32, [(0, 0, -2.5, 1.6)], "Ni");
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        var species = table.Assign(cloud);
        var options = new MapOptions(Box: new Box(-2.5, 2.5, -2.5, 2.5, -4.5, -0.5));
        var fast = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], EnsembleClassifier.Create(ensemble), options);
        var slow = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], EnsembleClassifier.CreateReference(ensemble), options);
        for (var v = 0; v < fast.VoxelProbability.Length; v++)
            Assert.Equal(slow.VoxelProbability[v], fast.VoxelProbability[v], 1e-4f);
    }

    [Fact]
    public void SimulatedDomains_AreFoundWhereTheyAre()
    {
        var ensemble = Published();
        var domains = new List<(double X, double Y, double Z, double R)> { (-3, -3, -5, 1.8), (3, 3, -13, 1.8), (-2.5, 3, -20, 1.8) };
        var cloud = DemoSpecimen.Generate((12, 12, 25), 33, domains, "Ni");
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        var species = table.Assign(cloud);
        var map = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], EnsembleClassifier.Create(ensemble),
            new MapOptions(Box: new Box(-5.5, 5.5, -5.5, 5.5, -24, -1)));
        var sub = map.SubGrid;
        int truePositive = 0, selected = 0;
        var hitPerDomain = new int[domains.Count];
        for (var s = 0; s < sub.Count; s++)
        {
            if (map.Selected[s] == 0) continue;
            selected++;
            var c = sub.Centre(s);
            for (var d = 0; d < domains.Count; d++)
            {
                var (x, y, z, r) = domains[d];
                if ((c.X - x) * (c.X - x) + (c.Y - y) * (c.Y - y) + (c.Z - z) * (c.Z - z) <= r * r)
                {
                    truePositive++;
                    hitPerDomain[d]++;
                    break;
                }
            }
        }
        var precision = (double)truePositive / Math.Max(1, selected);
        Assert.True(selected > 0, "nothing selected");
        Assert.True(precision >= 0.8, $"precision {precision:F3} ({truePositive}/{selected})");
        Assert.All(hitPerDomain, h => Assert.True(h > 0, $"a domain was missed: {string.Join(",", hitPerDomain)}"));
        // Each connected domain's centroid is near a true domain centre.
        Assert.All(map.Domains.Where(d => d.Domain.SubVoxels >= 8), d =>
            Assert.Contains(domains, t => Math.Sqrt(Math.Pow(d.Domain.Centroid.X - t.X, 2) + Math.Pow(d.Domain.Centroid.Y - t.Y, 2) + Math.Pow(d.Domain.Centroid.Z - t.Z, 2)) < 1.5));
    }
}
