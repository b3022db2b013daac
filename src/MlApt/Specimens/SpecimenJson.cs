using System.Text.Json;

namespace MlApt.Specimens;

/// <summary>JSON spellings of a specimen's settings shared by every output that records them.</summary>
internal static class SpecimenJson
{
    /// <summary>The detector: <c>eta</c>, <c>sigma_xy_nm</c>, <c>sigma_z_nm</c>, in that order.</summary>
    public static void WriteDetector(Utf8JsonWriter w, SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteNumber("eta", spec.Efficiency);
        w.WriteNumber("sigma_xy_nm", spec.SigmaXy);
        w.WriteNumber("sigma_z_nm", spec.SigmaZ);
    }

    /// <summary>The domains' order: <c>structure</c>, <c>element</c> and the crystal direction along z, <c>orientation</c>.</summary>
    public static void WriteDomainOrder(Utf8JsonWriter w, SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteString("structure", spec.Structure.ToString());
        w.WriteString("element", spec.Element);
        w.WriteStartArray("orientation");
        w.WriteNumberValue(spec.Orientation.H);
        w.WriteNumberValue(spec.Orientation.K);
        w.WriteNumberValue(spec.Orientation.L);
        w.WriteEndArray();
    }
}
