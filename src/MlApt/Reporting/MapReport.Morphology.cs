using System.Globalization;
using System.Text;
using MlApt.Imaging;
using MlApt.Io;

namespace MlApt.Reporting;

/// <summary>The size, shape and composition tables of a map: <c>domains.csv</c> and <c>dbscan_clusters.csv</c>.</summary>
public static partial class MapReport
{
    /// <summary>The shape columns shared by both tables (see <see cref="ClusterShape"/>).</summary>
    private const string ShapeHeader = "rg_nm,rg_x_nm,rg_y_nm,rg_z_nm,guinier_radius_nm,aspect_ratio,oblateness";

    /// <summary>
    /// One row per connected domain: its sub-voxel geometry, then the shape and composition of the ions
    /// extracted into it (every species).
    /// </summary>
    internal static string DomainsCsv(CsroMap map, IonCloud cloud, byte[] species, RangeTable table)
    {
        var ions = map.ExtractedIons;
        var labels = map.ExtractedDomain.Select(d => d - 1).ToArray();
        var shapes = Shapes(cloud, ions, labels, map.Domains.Count);
        var counts = Composition(species, table, ions, labels, map.Domains.Count);
        var sb = new StringBuilder("id,subvoxels,volume_nm3,equivalent_radius_nm,centroid_x_nm,centroid_y_nm,centroid_z_nm,ions,dominant_species,")
            .Append(ShapeHeader).Append(',').Append(CompositionHeader(table)).Append('\n');
        for (var k = 0; k < map.Domains.Count; k++)
        {
            var d = map.Domains[k];
            var g = d.Domain;
            sb.Append(CultureInfo.InvariantCulture,
                $"{g.Id},{g.SubVoxels},{g.VolumeNm3:R},{g.EquivalentRadiusNm:R},{g.Centroid.X:R},{g.Centroid.Y:R},{g.Centroid.Z:R},{d.Ions},{d.DominantSpecies},");
            AppendShape(sb, shapes[g.Id - 1]);
            AppendComposition(sb, counts, g.Id - 1);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// One row per DBSCAN cluster, largest first: atoms, centroid and shape of the clustered ions (the
    /// centre element, as AP Suite sizes clusters by their solute ions), then the composition of the
    /// cluster with its envelope: every extracted ion whose nearest clustered ion lies within eps.
    /// </summary>
    internal static string DbscanCsv(CsroMap map, IonCloud cloud, byte[] species, RangeTable table)
    {
        var db = map.Dbscan;
        var shapes = Shapes(cloud, db.Ions, db.Labels, db.Clusters);
        var envelope = new int[map.ExtractedIons.Length];
        if (db.Clusters > 0)
        {
            var (cx, cy, cz) = Positions(cloud, db.Ions);
            var (qx, qy, qz) = Positions(cloud, map.ExtractedIons);
            ClusterEnvelope.Assign(cx, cy, cz, db.Labels, qx, qy, qz, db.Eps, envelope);
        }
        var counts = Composition(species, table, map.ExtractedIons, envelope, db.Clusters);
        var sb = new StringBuilder("cluster,atoms,centroid_x_nm,centroid_y_nm,centroid_z_nm,").Append(ShapeHeader)
            .Append(",envelope_ions,").Append(CompositionHeader(table)).Append('\n');
        for (var c = 0; c < db.Clusters; c++)
        {
            var s = shapes[c];
            sb.Append(CultureInfo.InvariantCulture, $"{c + 1},{db.Sizes[c]},");
            AppendValues(sb, s.Centroid.X, s.Centroid.Y, s.Centroid.Z);
            sb.Append(',');
            AppendShape(sb, s);
            long total = 0;
            for (var sp = 0; sp < table.Species.Count; sp++)
                total += counts[c, sp];
            sb.Append(CultureInfo.InvariantCulture, $"{total},");
            AppendComposition(sb, counts, c);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static ClusterShape[] Shapes(IonCloud cloud, int[] ions, int[] labels, int clusters)
    {
        var (x, y, z) = Positions(cloud, ions);
        return ClusterMorphology.Compute(x, y, z, labels, clusters);
    }

    private static (double[] X, double[] Y, double[] Z) Positions(IonCloud cloud, int[] ions)
    {
        double[] x = new double[ions.Length], y = new double[ions.Length], z = new double[ions.Length];
        cloud.CopyPositions(ions, x, y, z);
        return (x, y, z);
    }

    /// <summary>Ions of each species (columns, 0 = unranged) per cluster (rows); labels outside 0 … clusters−1 are skipped.</summary>
    private static long[,] Composition(byte[] species, RangeTable table, int[] ions, int[] labels, int clusters)
    {
        var counts = new long[clusters, table.Species.Count];
        for (var t = 0; t < ions.Length; t++)
        {
            if ((uint)labels[t] < (uint)clusters)
                counts[labels[t], species[ions[t]]]++;
        }
        return counts;
    }

    /// <summary><c>n_X</c> per species and <c>n_unranged</c>, then <c>frac_X</c> = n_X / ranged ions.</summary>
    private static string CompositionHeader(RangeTable table)
    {
        var names = table.Species.Skip(1).Select(s => ColumnName(s.Name)).ToList();
        return string.Join(',', names.Select(n => "n_" + n).Append("n_unranged").Concat(names.Select(n => "frac_" + n)));
    }

    private static void AppendComposition(StringBuilder sb, long[,] counts, int row)
    {
        var species = counts.GetLength(1);
        long ranged = 0;
        for (var sp = 1; sp < species; sp++)
        {
            sb.Append(counts[row, sp].ToString(CultureInfo.InvariantCulture)).Append(',');
            ranged += counts[row, sp];
        }
        sb.Append(counts[row, 0].ToString(CultureInfo.InvariantCulture));
        for (var sp = 1; sp < species; sp++)
        {
            sb.Append(',');
            if (ranged > 0)
                sb.Append(((double)counts[row, sp] / ranged).ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void AppendShape(StringBuilder sb, ClusterShape s)
    {
        AppendValues(sb, s.RadiusOfGyration, s.RadiusOfGyrationAxes.X, s.RadiusOfGyrationAxes.Y, s.RadiusOfGyrationAxes.Z,
            s.GuinierRadius, s.AspectRatio, s.Oblateness);
        sb.Append(',');
    }

    /// <summary>Comma-separated values, an empty field for NaN (a cluster without ions).</summary>
    private static void AppendValues(StringBuilder sb, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) sb.Append(',');
            if (double.IsFinite(values[i]))
                sb.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static string ColumnName(string species) =>
        new(species.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray());
}
