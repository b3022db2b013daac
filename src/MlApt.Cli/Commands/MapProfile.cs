using System.Globalization;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Cli.Commands;

/// <summary>The model and decision a map runs with, after <c>--profile</c>, <c>--model</c>, <c>--rule</c> and <c>--threshold</c>.</summary>
/// <param name="Profile"><c>default</c> or <c>reference</c>.</param>
/// <param name="Ensemble">The classifier ensemble.</param>
/// <param name="Model">The model path, or <see cref="DefaultModel.Name"/> for the embedded model.</param>
/// <param name="ModelId">sha256 of the model.</param>
/// <param name="Rule">Decision rule.</param>
/// <param name="Threshold">Threshold of the rule.</param>
/// <param name="Stage">Preprocessing of the voxel z-SDMs the model expects.</param>
/// <param name="SphereRadius">Voxel sphere radius the model was trained for, in voxel edges (reference 0.75).</param>
public sealed record MapProfile(string Profile, CnnEnsemble Ensemble, string Model, string ModelId, DecisionRule Rule, double Threshold, SdmStage Stage,
    double SphereRadius = VoxelScanOptions.DefaultSphereRadius)
{
    /// <summary>Model metadata key of the voxel sphere radius (in voxel edges) a model was trained for.</summary>
    public const string SphereKey = "map.sphere_radius";

    /// <summary>Model metadata key of the smallest domain (sub-voxels) kept in the selection.</summary>
    public const string MinDomainKey = "map.min_domain_subvoxels";

    /// <summary>Smallest selected domain kept (sub-voxels; 0 keeps all, as the reference).</summary>
    public int MinDomainSubVoxels { get; init; }

    /// <summary>Model metadata key of the fraction of its mean score each selected domain is cut at.</summary>
    public const string DomainFractionKey = "map.domain_fraction";

    /// <summary>Each selected domain keeps the sub-voxels above this fraction of its mean score (0: off, as the reference).</summary>
    public double DomainFraction { get; init; }

    /// <summary>The scan of a map with this profile.</summary>
    public VoxelScanOptions Scan(double voxel, double stride) => new(voxel, stride, SphereRadius * voxel, ZSdm.DefaultPairRadius);

    /// <summary>The map settings of this profile for the given box and voxel geometry.</summary>
    public MapOptions MapOptions(Box? box, double voxel, double stride) =>
        new(Box: box, Scan: Scan(voxel, stride), Rule: Rule, Threshold: Threshold, Stage: Stage,
            MinDomainSubVoxels: MinDomainSubVoxels, DomainFraction: DomainFraction);

    /// <summary>Model metadata key of the z-SDM stage a model was trained on (<c>preprocessed</c> or <c>normalized</c>).</summary>
    public const string StageKey = "map.stage";

    /// <summary>Model metadata key of the decision rule a model was tuned for (<c>sum</c> or <c>mean</c>).</summary>
    public const string RuleKey = "map.rule";
    /// <summary>Model metadata key of the decision threshold a model was tuned for.</summary>
    public const string ThresholdKey = "map.threshold";

    /// <summary>The profile names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "reference"];

    /// <summary>The order this profile's model looks for in an analysis of <paramref name="pairs"/>, for figure titles.</summary>
    public string OrderName(IEnumerable<ElementPair> pairs) =>
        Reporting.OrderName.FromModel(Ensemble.Metadata, Ensemble.Pairs, pairs.Select(p => p.ToString()).ToList());

    /// <summary>Rule as text.</summary>
    public string RuleName => Rule == DecisionRule.Sum ? "sum" : "mean";

    /// <summary>Writes the decision in force (rule, threshold, smallest domain, domain fraction) as properties of the current JSON object.</summary>
    public void WriteDecision(System.Text.Json.Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteString("rule", RuleName);
        w.WriteNumber("threshold", Threshold);
        w.WriteNumber("min_domain_subvoxels", MinDomainSubVoxels);
        w.WriteNumber("domain_fraction", DomainFraction);
    }

    /// <summary>
    /// <c>reference</c>: the published pipeline exactly (sum rule, threshold 3.75; needs <c>--model</c>, e.g. the
    /// authors' Keras models). <c>default</c>: the given model or the embedded default model, with the rule and
    /// threshold the model was tuned for (its metadata), or the reference decision for a model without them.
    /// Explicit <c>--rule</c>/<c>--threshold</c>/<c>--min-domain</c>/<c>--domain-fraction</c> win in both.
    /// </summary>
    public static MapProfile Resolve(string profile, string? model, string? rule, double? threshold, int? minDomain = null, double? domainFraction = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var reference = profile.Equals("reference", StringComparison.OrdinalIgnoreCase);
        if (!reference && !profile.Equals("default", StringComparison.OrdinalIgnoreCase))
            InputError.In("--profile", $"'{profile}': expected default or reference");
        if (reference && string.IsNullOrWhiteSpace(model))
            InputError.In("--profile reference", "needs --model: the published models (e.g. the folder of the authors' Keras .h5 files)");
        CnnEnsemble ensemble;
        string name, id;
        if (string.IsNullOrWhiteSpace(model))
        {
            ensemble = DefaultModel.Load();
            (name, id) = (DefaultModel.Name, DefaultModel.Id);
        }
        else
        {
            ensemble = ModelLoading.Load(model);
            (name, id) = (model, ModelLoading.Id(model));
        }
        var tuned = !reference && ensemble.Metadata.TryGetValue(RuleKey, out var r) ? r : null;
        var parsedRule = ParseRule(rule ?? tuned ?? "sum");
        double t;
        if (threshold is { } given)
            t = given;
        else if (!reference && rule is null && ensemble.Metadata.TryGetValue(ThresholdKey, out var tt)
            && double.TryParse(tt, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            t = parsed;
        else
            t = parsedRule == DecisionRule.Sum ? Selection.ReferenceSumThreshold : Selection.ReferenceSumThreshold / 8;
        // The stage is part of the model (what it was trained on), so it holds under every profile.
        var stage = ensemble.Metadata.TryGetValue(StageKey, out var st) && st.Equals("normalized", StringComparison.OrdinalIgnoreCase)
            ? SdmStage.Normalized : SdmStage.Preprocessed;
        var sphere = ensemble.Metadata.TryGetValue(SphereKey, out var sr) && double.TryParse(sr, NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) && radius > 0 ? radius : VoxelScanOptions.DefaultSphereRadius;
        var minDomainInForce = minDomain ?? (!reference && ensemble.Metadata.TryGetValue(MinDomainKey, out var md) && int.TryParse(md, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 0);
        var domainFractionInForce = domainFraction ?? (!reference && ensemble.Metadata.TryGetValue(DomainFractionKey, out var pf)
            && double.TryParse(pf, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is > 0 and < 1 ? f : 0);
        return new MapProfile(reference ? "reference" : "default", ensemble, name, id, parsedRule, t, stage, sphere)
        {
            MinDomainSubVoxels = minDomainInForce,
            DomainFraction = domainFractionInForce,
        };
    }

    /// <summary>Parses sum|mean.</summary>
    public static DecisionRule ParseRule(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Equals("sum", StringComparison.OrdinalIgnoreCase)) return DecisionRule.Sum;
        if (rule.Equals("mean", StringComparison.OrdinalIgnoreCase)) return DecisionRule.Mean;
        throw new InputException($"--rule '{rule}': expected sum or mean");
    }
}

/// <summary>
/// The default model embedded in the CLI (<c>Models/default.safetensors</c>, made by
/// <c>scripts/train-default-model.sh</c>): used by <c>map</c>, <c>validate</c> and <c>run</c> without <c>--model</c>.
/// </summary>
public static class DefaultModel
{
    /// <summary>How the embedded model is named in outputs.</summary>
    public const string Name = "embedded:default.safetensors";
    private const string Resource = "MlApt.Cli.default.safetensors";
    private static readonly Lazy<byte[]?> Bytes = new(() =>
    {
        using var s = typeof(DefaultModel).Assembly.GetManifestResourceStream(Resource);
        if (s is null) return null;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    /// <summary>Whether this build carries the default model.</summary>
    public static bool Available => Bytes.Value is not null;

    /// <summary>sha256 of the embedded model.</summary>
    public static string Id => Bytes.Value is { } b ? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b)) : "none";

    /// <summary>Loads the embedded model; an <see cref="InputException"/> when this build has none.</summary>
    public static CnnEnsemble Load() =>
        Bytes.Value is { } b ? ModelFile.Load(b, Name)
            : throw new InputException("--model: this build has no embedded default model; give --model (see scripts/train-default-model.sh)");
}
