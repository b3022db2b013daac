using System.Globalization;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// The model and decision a map runs with, resolved from a profile name, a model and the decision settings
/// given explicitly, else those the model was tuned for (<see cref="MapTuning"/>).
/// </summary>
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


    /// <summary>Smallest selected domain kept (sub-voxels; 0 keeps all, as the reference).</summary>
    public int MinDomainSubVoxels { get; init; }


    /// <summary>Each selected domain keeps the sub-voxels above this fraction of its mean score (0: off, as the reference).</summary>
    public double DomainFraction { get; init; }

    /// <summary>The scan of a map with this profile.</summary>
    public VoxelScanOptions Scan(double voxel, double stride) => new(voxel, stride, SphereRadius * voxel, ZSdm.DefaultPairRadius);

    /// <summary>The map settings of this profile for the given box and voxel geometry (its decision checked first).</summary>
    public MapOptions MapOptions(Box? box, double voxel, double stride)
    {
        CheckDecision(voxel, stride);
        return new(Box: box, Scan: Scan(voxel, stride), Rule: Rule, Threshold: Threshold, Stage: Stage,
            MinDomainSubVoxels: MinDomainSubVoxels, DomainFraction: DomainFraction);
    }

    /// <summary>
    /// Refuses a decision that cannot select sensibly: a threshold outside its rule's range (for the voxel
    /// geometry given), a negative smallest domain, a domain fraction outside [0, 1). Names the option, or the
    /// model when the value came from its metadata. Cheap: commands call it before reading any data.
    /// </summary>
    public void CheckDecision(double voxel, double stride)
    {
        var from = ThresholdSource;
        if (Selection.CheckThreshold(Rule, Threshold, Scan(voxel, stride)) is { } problem)
            InputError.In(from, $"{problem} (rule {RuleName})");
        if (MinDomainSubVoxels < 0)
            InputError.In("min-domain", string.Create(CultureInfo.InvariantCulture, $"{MinDomainSubVoxels}: expected a whole number of sub-voxels ≥ 0"));
        if (!(DomainFraction >= 0 && DomainFraction < 1))
            InputError.In("domain-fraction", string.Create(CultureInfo.InvariantCulture, $"{DomainFraction}: expected 0 ≤ F < 1"));
    }

    /// <summary>The order the model looks for (pole, structure, element; parts it does not record are null).</summary>
    public ModelOrder Order { get; init; } = ModelOrder.Unknown;

    /// <summary>Where the threshold came from, for messages: the threshold parameter, the model's metadata or the profile's default.</summary>
    public string ThresholdSource { get; init; } = "threshold";



    /// <summary>The profile names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "reference"];

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
    /// <paramref name="order"/> is the order type asked for (<c>pole</c>): without a model, the built-in model made
    /// for it is used (null: the ⟨001⟩ L1₂-type default); a model that records another pole is an
    /// <see cref="InputException"/> naming <c>pole</c>.
    /// </summary>
    public static MapProfile Resolve(string profile, string? model, string? rule, double? threshold, int? minDomain = null, double? domainFraction = null,
        Crystal.OrderType? order = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var reference = profile.Equals("reference", StringComparison.OrdinalIgnoreCase);
        if (!reference && !profile.Equals("default", StringComparison.OrdinalIgnoreCase))
            InputError.In("profile", $"'{profile}': expected default or reference");
        if (reference && string.IsNullOrWhiteSpace(model))
            InputError.In("model", "the reference profile needs a model: the published models (e.g. the folder of the authors' Keras .h5 files)");
        CnnEnsemble ensemble;
        string name, id;
        ModelOrder looksFor;
        if (string.IsNullOrWhiteSpace(model))
        {
            var builtIn = DefaultModel.For(order ?? Crystal.OrderType.L12Along001);
            ensemble = builtIn.Load();
            (name, id) = (builtIn.Name, builtIn.Id);
            looksFor = builtIn.DescribeOrder(ensemble);
        }
        else
        {
            ensemble = ModelLoading.Load(model);
            (name, id) = (model, ModelLoading.Id(model));
            looksFor = ModelOrder.Read(ensemble.Metadata);
            if (order is not null && looksFor.Pole is { } recorded && recorded != order.PoleName)
                InputError.In("pole", $"'{order.PoleName}': the model {model} looks for {ModelOrderText(looksFor)} along ⟨{recorded}⟩, not ⟨{order.PoleName}⟩ (ask for the pole it was trained for, or leave the pole out)");
        }
        var tuning = MapTuning.Read(ensemble.Metadata);
        var parsedRule = ParseRule(rule ?? (reference ? null : tuning.Rule) ?? "sum");
        double t;
        string source;
        if (threshold is { } given)
            (t, source) = (given, "threshold");
        else if (!reference && rule is null && tuning.Threshold is { } tuned)
            (t, source) = (tuned, $"model {name}: its tuned threshold");
        else
            (t, source) = (parsedRule == DecisionRule.Sum ? Selection.ReferenceSumThreshold : Selection.ReferenceSumThreshold / 8,
                "threshold (the default threshold; give one in range)");
        // The stage is part of the model (what it was trained on), so it holds under every profile.
        var stage = tuning.Stage ?? SdmStage.Preprocessed;
        var sphere = tuning.SphereRadius ?? VoxelScanOptions.DefaultSphereRadius;
        var minDomainInForce = minDomain ?? (reference ? null : tuning.MinDomainSubVoxels) ?? 0;
        var domainFractionInForce = domainFraction ?? (reference ? null : tuning.DomainFraction) ?? 0;
        return new MapProfile(reference ? "reference" : "default", ensemble, name, id, parsedRule, t, stage, sphere)
        {
            Order = looksFor,
            ThresholdSource = source,
            MinDomainSubVoxels = minDomainInForce,
            DomainFraction = domainFractionInForce,
        };
    }

    private static string ModelOrderText(ModelOrder o) =>
        $"{(o.Structure is null ? "" : Crystal.OrderType.PrettyStructure(o.Structure) + "-type ")}{(o.Element is null ? "" : o.Element + " ")}order";

    /// <summary>Parses sum|mean.</summary>
    public static DecisionRule ParseRule(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Equals("sum", StringComparison.OrdinalIgnoreCase)) return DecisionRule.Sum;
        if (rule.Equals("mean", StringComparison.OrdinalIgnoreCase)) return DecisionRule.Mean;
        throw new InputException($"rule '{rule}': expected sum or mean");
    }
}
