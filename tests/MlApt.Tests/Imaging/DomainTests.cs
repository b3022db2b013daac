using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Sdm;

namespace MlApt.Tests.Imaging;

public class DomainTests
{
    private static SubVoxelGrid Grid() => new(new VoxelGrid(new Box(0, 5, 0, 5, 0, 5)));

    [Fact]
    public void Components_Use26Neighbourhood()
    {
        var g = Grid();
        var sel = new byte[g.Count];
        sel[g.Index(0, 0, 0)] = 1;
        sel[g.Index(1, 1, 1)] = 1; // corner-touching: same domain
        sel[g.Index(5, 5, 5)] = 1; // separate
        sel[g.Index(5, 6, 5)] = 1;
        var labels = new int[g.Count];
        var d = ConnectedDomains.Label(g, sel, labels);
        Assert.Equal(2, d.Count);
        Assert.Equal(labels[g.Index(0, 0, 0)], labels[g.Index(1, 1, 1)]);
        Assert.NotEqual(labels[g.Index(0, 0, 0)], labels[g.Index(5, 5, 5)]);
        Assert.Equal(2, d[0].SubVoxels);
        Assert.Equal(2 * 0.125, d[0].VolumeNm3, 12);
        Assert.Equal(Math.Cbrt(3 * 0.25 / (4 * Math.PI)), d[0].EquivalentRadiusNm, 12);
        Assert.Equal((0.5, 0.5, 0.5), d[0].Centroid);
    }

    [Fact]
    public void Extraction_EqualsBruteForce()
    {
        var g = Grid();
        var r = new Random(3);
        var sel = new byte[g.Count];
        for (var i = 0; i < sel.Length; i++)
            sel[i] = r.NextDouble() < 0.1 ? (byte)1 : (byte)0;
        var n = 20_000;
        var x = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 6 - 0.5).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 6 - 0.5).ToArray();
        var z = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 6 - 0.5).ToArray();
        var got = new int[n];
        var count = IonExtraction.Extract(g, sel, [], x, y, z, IonExtraction.ReferenceRadius, got);
        var expected = 0;
        for (var p = 0; p < n; p++)
        {
            var hit = false;
            for (var s = 0; s < g.Count && !hit; s++)
            {
                if (sel[s] == 0) continue;
                var c = g.Centre(s);
                double dx = x[p] - c.X, dy = y[p] - c.Y, dz = z[p] - c.Z;
                hit = dx * dx + dy * dy + dz * dz <= 0.3535 * 0.3535;
            }
            Assert.Equal(hit, got[p] != 0);
            if (hit) expected++;
        }
        Assert.Equal(expected, count);
        Assert.True(count > 100);
    }

    [Fact]
    public void Dbscan_EqualsBruteForceDefinition()
    {
        var r = new Random(9);
        var n = 600;
        var x = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 4).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 4).ToArray();
        var z = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 4).ToArray();
        var labels = new int[n];
        var clusters = Dbscan.Cluster(x, y, z, 0.4, 3, labels);

        // Brute force, sklearn's order: points in index order, breadth-first from each new core point.
        var nb = Enumerable.Range(0, n).Select(p => Enumerable.Range(0, n).Where(q =>
            (x[p] - x[q]) * (x[p] - x[q]) + (y[p] - y[q]) * (y[p] - y[q]) + (z[p] - z[q]) * (z[p] - z[q]) <= 0.16).ToList()).ToList();
        var core = nb.Select(l => l.Count >= 3).ToArray();
        var expected = Enumerable.Repeat(-1, n).ToArray();
        var id = 0;
        for (var p = 0; p < n; p++)
        {
            if (expected[p] != -1 || !core[p]) continue;
            var queue = new Queue<int>([p]);
            expected[p] = id;
            while (queue.Count > 0)
            {
                var q = queue.Dequeue();
                if (!core[q]) continue;
                foreach (var t in nb[q].Where(t => expected[t] == -1)) { expected[t] = id; queue.Enqueue(t); }
            }
            id++;
        }
        Assert.Equal(id, clusters);
        Assert.Equal(expected, labels);
        Assert.True(clusters > 3);
    }

    [Fact]
    public void Permutation_KeepsPositionsAndMassMultiset_AndIsSeeded()
    {
        var c = Io.IonSamples.Random(1000, 2);
        var a = LabelPermutation.Permute(c, 7);
        var b = LabelPermutation.Permute(c, 7);
        var other = LabelPermutation.Permute(c, 8);
        Assert.Same(c.X, a.X);
        Assert.Equal(c.M.Order(), a.M.Order());
        Assert.Equal(a.M, b.M);
        Assert.NotEqual(a.M, other.M);
        Assert.NotEqual(c.M, a.M);
    }
}
