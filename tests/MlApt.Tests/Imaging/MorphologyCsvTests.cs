using System.Globalization;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Tests.Imaging;

/// <summary>domains.csv and dbscan_clusters.csv rows against brute-force sums over the ions they describe.</summary>
public class MorphologyCsvTests
{
    // Every defined voxel is CSRO: one domain filling the box, many DBSCAN clusters of its Ni ions.
    private static void Everything(ReadOnlySpan<float> inputs, int count, Span<float> p, Span<float> std)
    {
        for (var t = 0; t < count; t++)
        {
            p[t] = float.IsNaN(inputs[t * 93]) ? float.NaN : 1f;
            std[t] = 0f;
        }
    }

    private static (CsroMap Map, IonCloud Cloud, byte[] Species, RangeTable Table) Map()
    {
        var cloud = DemoSpecimen.Generate((5, 5, 5), 4);
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        var species = table.Assign(cloud);
        var map = CsroMapper.Map(cloud, species, table, [new ElementPair("Ni", "Ni")], Everything,
            new MapOptions(Box: new Box(-2, 2, -2, 2, -4, -1), Threshold: 3.75, MinDomainSubVoxels: 1));
        return (map, cloud, species, table);
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double BruteRg(IonCloud cloud, IEnumerable<int> ions)
    {
        var list = ions.ToList();
        double s = 0;
        foreach (var i in list)
        foreach (var j in list)
        {
            double dx = cloud.X[i] - cloud.X[j], dy = cloud.Y[i] - cloud.Y[j], dz = cloud.Z[i] - cloud.Z[j];
            s += dx * dx + dy * dy + dz * dz;
        }
        return Math.Sqrt(s / (2.0 * list.Count * list.Count));
    }

    [Fact]
    public void Domains_ShapeAndCompositionOfTheirExtractedIons()
    {
        var (map, cloud, species, table) = Map();
        Assert.NotEmpty(map.Domains);
        var rows = Rows(MapReport.DomainsCsv(map, cloud, species, table));
        Assert.Equal(map.Domains.Count, rows.Count);
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            var id = int.Parse(row["id"], CultureInfo.InvariantCulture);
            var ions = map.ExtractedIons.Where((_, t) => map.ExtractedDomain[t] == id).ToList();
            Assert.Equal(ions.Count, int.Parse(row["ions"], CultureInfo.InvariantCulture));
            Assert.Equal(BruteRg(cloud, ions), D(row["rg_nm"]), 1e-5);
            Assert.Equal(Math.Sqrt(5.0 / 3.0) * D(row["rg_nm"]), D(row["guinier_radius_nm"]), 1e-9);
            Assert.True(D(row["aspect_ratio"]) >= D(row["oblateness"]) && D(row["oblateness"]) >= 1);
            for (var sp = 1; sp < table.Species.Count; sp++)
                Assert.Equal(ions.Count(i => species[i] == sp), long.Parse(row["n_" + table.Species[sp].Name], CultureInfo.InvariantCulture));
            var fractions = Enumerable.Range(1, table.Species.Count - 1).Sum(sp => D(row["frac_" + table.Species[sp].Name]));
            Assert.Equal(1.0, fractions, 1e-12);
        }
    }

    [Fact]
    public void DbscanClusters_ShapeOfTheirIonsAndCompositionWithTheEnvelope()
    {
        var (map, cloud, species, table) = Map();
        var db = map.Dbscan;
        Assert.True(db.Clusters >= 2, $"{db.Clusters} clusters");
        var rows = Rows(MapReport.DbscanCsv(map, cloud, species, table));
        Assert.Equal(db.Clusters, rows.Count);
        var ni = table.SingleAtomSpecies("Ni");
        for (var c = 0; c < rows.Count; c++)
        {
            var row = rows[c];
            var ions = db.Ions.Where((_, t) => db.Labels[t] == c).ToList();
            Assert.Equal(db.Sizes[c], ions.Count);
            Assert.Equal(ions.Count, int.Parse(row["atoms"], CultureInfo.InvariantCulture));
            Assert.Equal(ions.Average(i => (double)cloud.Z[i]), D(row["centroid_z_nm"]), 1e-9);
            Assert.Equal(BruteRg(cloud, ions), D(row["rg_nm"]), 1e-5);
            // The envelope holds the cluster's own ions and nothing farther than eps from them.
            var envelope = int.Parse(row["envelope_ions"], CultureInfo.InvariantCulture);
            Assert.True(long.Parse(row["n_Ni"], CultureInfo.InvariantCulture) >= ions.Count);
            var reachable = map.ExtractedIons.Count(q => ions.Any(i =>
            {
                double dx = cloud.X[i] - cloud.X[q], dy = cloud.Y[i] - cloud.Y[q], dz = cloud.Z[i] - cloud.Z[q];
                return dx * dx + dy * dy + dz * dz <= db.Eps * db.Eps;
            }));
            Assert.InRange(envelope, ions.Count, reachable);
        }
        Assert.True(db.Sizes.SequenceEqual(db.Sizes.OrderByDescending(s => s)));
        Assert.Equal(ni, species[db.Ions[0]]);
    }
}
