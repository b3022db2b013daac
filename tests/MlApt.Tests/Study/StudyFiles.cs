using System.Globalization;
using System.Text.Json;

namespace MlApt.Tests.Study;

/// <summary>Writes summary.json files shaped like those of <c>mlapt map</c> for study tests.</summary>
internal static class StudyFiles
{
    /// <summary>A map folder with summary.json (and domains.csv when radii are given); returns the folder.</summary>
    public static string Map(string dir, string[] pairs, double fraction, double[]? controls = null, int domains = 4, double density = 2e24,
        double radius = 0.8, double[]? radii = null, string? order = null)
    {
        Directory.CreateDirectory(dir);
        using var s = File.Create(Path.Combine(dir, "summary.json"));
        using (var w = new Utf8JsonWriter(s))
        {
            w.WriteStartObject();
            w.WriteStartArray("pairs");
            foreach (var p in pairs) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteNumber("csro_volume_fraction", fraction);
            if (order is not null)
            {
                w.WriteStartObject("model");
                w.WriteString("order", order);
                w.WriteString("structure", order.Contains("L1₁", StringComparison.Ordinal) ? "L11" : "L12");
                w.WriteString("element", "Ni");
                w.WriteEndObject();
            }
            w.WriteStartObject("domains");
            w.WriteNumber("analysed_volume_nm3", 1000);
            w.WriteStartObject("connected");
            w.WriteNumber("count", domains);
            w.WriteNumber("number_density_m3", density);
            w.WriteNumber("mean_volume_nm3", 2.0);
            if (domains > 0) w.WriteNumber("mean_equivalent_radius_nm", radius); else w.WriteNull("mean_equivalent_radius_nm");
            w.WriteEndObject();
            w.WriteEndObject();
            if (controls is not null)
            {
                w.WriteStartObject("control");
                w.WriteNumber("permutations", controls.Length);
                w.WriteStartArray("volume_fractions");
                foreach (var c in controls) w.WriteNumberValue(c);
                w.WriteEndArray();
                w.WriteNumber("mean_volume_fraction", controls.Average());
                w.WriteNumber("excess_volume_fraction", fraction - controls.Average());
                w.WriteNumber("p_value", 1.0 / (1 + controls.Length));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        if (radii is not null)
            File.WriteAllText(Path.Combine(dir, "domains.csv"), "id,subvoxels,volume_nm3,equivalent_radius_nm,centroid_x_nm,centroid_y_nm,centroid_z_nm,ions,dominant_species\n"
                + string.Concat(radii.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1},8,1.0,{r:R},0,0,0,10,Ni\n"))));
        return dir;
    }
}
