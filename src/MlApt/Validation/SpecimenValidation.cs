using MlApt.Crystal;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>What a validation measured.</summary>
/// <param name="Map">The CSRO map of the specimen.</param>
/// <param name="Score">Sub-voxel scores at the map's decision.</param>
/// <param name="Curve">Scores over thresholds of the map's rule (the threshold alone, before any domain-size filter).</param>
/// <param name="Best">The threshold with the highest F1 (an upper bound of what tuning could reach on this specimen).</param>
/// <param name="NullMap">The map of the domain-free twin, when asked for.</param>
/// <param name="NullFalsePositiveFraction">Selected / defined sub-voxels of the twin (NaN without it).</param>
public sealed record ValidationOutcome(CsroMap Map, MapScore Score, IReadOnlyList<CurvePoint> Curve, CurvePoint Best,
    CsroMap? NullMap, double NullFalsePositiveFraction)
{
    /// <summary>The pole alignment applied before mapping (null without one); map and truth are in its frame.</summary>
    public Crystal.PoleAlignmentResult? Alignment { get; init; }

    /// <summary>The truth's domains in the map's frame (moved with the ions when aligned).</summary>
    public IReadOnlyList<SphericalDomain> TrueDomains { get; init; } = [];
}

/// <summary>Maps a simulated specimen and scores the map against its truth (METHOD §10).</summary>
public static class SpecimenValidation
{
    /// <summary>Inset (nm) of the default analysis box from the specimen's faces: voxel spheres then lie inside the specimen.</summary>
    public const double DefaultInset = 1.0;

    /// <summary>The specimen box moved in by <paramref name="inset"/> on every face.</summary>
    public static Box AnalysisBox(SpecimenSpec spec, double inset = DefaultInset)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (x, y, z) = spec.Size;
        return new Box(-x / 2 + inset, x / 2 - inset, -y / 2 + inset, y / 2 - inset, -z + inset, -inset);
    }

    /// <summary>
    /// The channel pairs of a validation: those given, else the ordered element with itself for a one-channel
    /// model, else the model's channels. Errors name the parameter <c>pair</c>.
    /// </summary>
    public static IReadOnlyList<ElementPair> Pairs(IReadOnlyList<string> given, CnnEnsemble ensemble, SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(spec);
        if (given.Count > 0) return given.Select(p => ElementPair.Parse(p)).ToList();
        if (ensemble.Architecture.Channels == 1) return [new ElementPair(spec.Element, spec.Element)];
        return ensemble.Pairs.Select(p => ElementPair.Parse(p, "model pairs")).ToList();
    }

    /// <summary>
    /// Maps <paramref name="cloud"/> and scores it against <paramref name="domains"/>; with
    /// <paramref name="withNull"/> also simulates and maps the domain-free twin of <paramref name="spec"/>
    /// (same seed: same matrix) with the same settings. With <paramref name="align"/>, the ions are first put
    /// in the aligned frame (its pole on z) and the truth moves with them; the twin, the same crystal, is
    /// rotated the same way. A null <c>options.Box</c> then means the specimen's analysis box
    /// (<see cref="AnalysisBox"/>) as the largest box of the aligned frame inside it (<see cref="MapAlignment.InscribedBox"/>);
    /// a given box is in the aligned frame.
    /// </summary>
    public static ValidationOutcome Run(IonCloud cloud, RangeTable table, SpecimenSpec spec, IReadOnlyList<SphericalDomain> domains,
        IReadOnlyList<ElementPair> pairs, VoxelClassifier classify, MapOptions options, bool withNull,
        IProgress<CsroMapper.Progress>? progress = null, CancellationToken cancellationToken = default, PoleAlignmentOptions? align = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        PoleAlignmentResult? alignment = null;
        if (align is not null)
        {
            (cloud, alignment) = MapAlignment.Align(cloud, align, "specimen");
            domains = MapAlignment.Rotate(domains, alignment);
            if (options.Box is null)
                options = options with { Box = MapAlignment.InscribedBox(AnalysisBox(spec), alignment) };
        }
        var map = CsroMapper.Map(cloud, table.Assign(cloud), table, pairs, classify, options, progress, cancellationToken);
        var truth = MapScore.TruthMask(map, domains);
        var scores = map.Rule == DecisionRule.Sum ? map.SubVoxelScore : map.SubVoxelMean;
        var score = MapScore.Of(map, truth);
        var curve = PrecisionRecall.Curve(scores, truth, map.Rule);
        CsroMap? nullMap = null;
        var nullFp = double.NaN;
        if (withNull)
        {
            var twin = SimulatedSpecimen.Generate(spec with { Domains = 0 }).Cloud;
            if (alignment is not null)
                twin = MapAlignment.Apply(twin, alignment);
            nullMap = CsroMapper.Map(twin, table.Assign(twin), table, pairs, classify, options with { Box = map.Box }, null, cancellationToken);
            nullFp = nullMap.VolumeFraction;
        }
        return new ValidationOutcome(map, score, curve, PrecisionRecall.BestF1(curve), nullMap, nullFp) { Alignment = alignment, TrueDomains = domains };
    }
}
