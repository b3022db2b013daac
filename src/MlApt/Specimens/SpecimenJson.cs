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
}
