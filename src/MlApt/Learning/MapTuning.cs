using System.Globalization;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Learning;

/// <summary>
/// How a model asks to be used in a map, stored in its metadata under <c>map.*</c> keys: the z-SDM stage it
/// was trained on, the voxel sphere it was trained for and the decision it was tuned for. Training writes
/// it (<see cref="WriteTo"/>); a map profile reads it (<see cref="Read"/>). Null: not recorded.
/// </summary>
/// <param name="Stage">z-SDM stage the model was trained on.</param>
/// <param name="SphereRadius">Voxel sphere radius, in voxel edges.</param>
/// <param name="MinDomainSubVoxels">Smallest selected domain kept (sub-voxels).</param>
/// <param name="DomainFraction">Fraction of its mean score each selected domain is cut at.</param>
/// <param name="Rule">Decision rule, <c>sum</c> or <c>mean</c>.</param>
/// <param name="Threshold">Decision threshold.</param>
public sealed record MapTuning(SdmStage? Stage = null, double? SphereRadius = null, int? MinDomainSubVoxels = null, double? DomainFraction = null,
    string? Rule = null, double? Threshold = null)
{
    /// <summary>Metadata key of the z-SDM stage (<c>preprocessed</c> or <c>normalized</c>).</summary>
    public const string StageKey = "map.stage";
    /// <summary>Metadata key of the voxel sphere radius (in voxel edges).</summary>
    public const string SphereKey = "map.sphere_radius";
    /// <summary>Metadata key of the smallest domain (sub-voxels) kept in the selection.</summary>
    public const string MinDomainKey = "map.min_domain_subvoxels";
    /// <summary>Metadata key of the fraction of its mean score each selected domain is cut at.</summary>
    public const string DomainFractionKey = "map.domain_fraction";
    /// <summary>Metadata key of the decision rule (<c>sum</c> or <c>mean</c>).</summary>
    public const string RuleKey = "map.rule";
    /// <summary>Metadata key of the decision threshold.</summary>
    public const string ThresholdKey = "map.threshold";

    /// <summary>Parses a stage name; errors name the parameter <paramref name="parameter"/>.</summary>
    public static SdmStage ParseStage(string text, string parameter = "map-stage") => SdmStageText.Parse(text, parameter);

    /// <summary>Checks the values and writes the recorded ones into <paramref name="metadata"/>; errors name the <c>map-*</c> parameter.</summary>
    public void WriteTo(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (Stage is { } stage)
            metadata[StageKey] = stage == SdmStage.Normalized ? "normalized" : "preprocessed";
        if (SphereRadius is { } ms)
            metadata[SphereKey] = ms > 0 && ms <= 3 ? ms.ToString("R", CultureInfo.InvariantCulture) : throw new InputException($"map-sphere {ms}: expected 0 … 3 voxel edges");
        if (MinDomainSubVoxels is { } mmd)
            metadata[MinDomainKey] = mmd is >= 0 and <= 100_000 ? mmd.ToString(CultureInfo.InvariantCulture) : throw new InputException($"map-min-domain {mmd}: expected 0 … 100000");
        if (DomainFraction is { } mpf)
            metadata[DomainFractionKey] = mpf is >= 0 and < 1 ? mpf.ToString("R", CultureInfo.InvariantCulture) : throw new InputException($"map-domain-fraction {mpf}: expected 0 ≤ F < 1");
        if (Rule is not null)
            metadata[RuleKey] = Rule.Equals("sum", StringComparison.OrdinalIgnoreCase) ? "sum"
                : Rule.Equals("mean", StringComparison.OrdinalIgnoreCase) ? "mean"
                : throw new InputException($"map-rule '{Rule}': expected sum or mean");
        if (Threshold is { } mt)
            metadata[ThresholdKey] = mt.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What <paramref name="metadata"/> records; a value that does not parse or lies outside its range
    /// counts as not recorded (a model file is not the user's input to correct).
    /// </summary>
    public static MapTuning Read(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        double? Number(string key) => metadata.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        return new MapTuning(
            Stage: metadata.TryGetValue(StageKey, out var st) ? (st.Equals("normalized", StringComparison.OrdinalIgnoreCase) ? SdmStage.Normalized : SdmStage.Preprocessed) : null,
            SphereRadius: Number(SphereKey) is { } r && r > 0 ? r : null,
            MinDomainSubVoxels: metadata.TryGetValue(MinDomainKey, out var md) && int.TryParse(md, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : null,
            DomainFraction: Number(DomainFractionKey) is { } f && f is > 0 and < 1 ? f : null,
            Rule: metadata.TryGetValue(RuleKey, out var rule) ? rule : null,
            Threshold: Number(ThresholdKey));
    }
}
