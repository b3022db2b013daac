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
    CsroMap? NullMap, double NullFalsePositiveFraction);

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
    /// (same seed: same matrix) with the same settings.
    /// </summary>
    public static ValidationOutcome Run(IonCloud cloud, RangeTable table, SpecimenSpec spec, IReadOnlyList<SphericalDomain> domains,
        IReadOnlyList<ElementPair> pairs, VoxelClassifier classify, MapOptions options, bool withNull,
        IProgress<CsroMapper.Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var map = CsroMapper.Map(cloud, table.Assign(cloud), table, pairs, classify, options, progress, cancellationToken);
        var truth = MapScore.TruthMask(map, domains);
        var scores = map.Rule == DecisionRule.Sum ? map.SubVoxelScore : map.SubVoxelMean;
        var score = MapScore.Of(map, truth);
        var curve = PrecisionRecall.Curve(scores, truth, map.Rule);
        CsroMap? nullMap = null;
        var nullFp = double.NaN;
        if (withNull)
        {
            var twin = SimulatedSpecimen.Generate(spec with { Domains = 0 });
            nullMap = CsroMapper.Map(twin.Cloud, table.Assign(twin.Cloud), table, pairs, classify, options with { Box = map.Box }, null, cancellationToken);
            nullFp = nullMap.VolumeFraction;
        }
        return new ValidationOutcome(map, score, curve, PrecisionRecall.BestF1(curve), nullMap, nullFp);
    }
}
