using MlApt.Imaging;

namespace MlApt.Validation;

/// <summary>How one decision does on the tuning specimens.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="F1Mean">Mean sub-voxel F1.</param>
/// <param name="F1Min">Worst specimen's F1.</param>
/// <param name="VolumeRatioMin">Smallest detected / true volume.</param>
/// <param name="VolumeRatioMax">Largest detected / true volume.</param>
/// <param name="NullPercentMax">Largest false-positive volume fraction of the domain-free twins (%).</param>
public sealed record DecisionScore(DecisionSettings Decision, double F1Mean, double F1Min, double VolumeRatioMin, double VolumeRatioMax, double NullPercentMax);

/// <summary>One tuning specimen's map and its twin's, kept to replay decisions on without mapping again.</summary>
/// <param name="Map">The specimen's map.</param>
/// <param name="Truth">Its truth mask.</param>
/// <param name="NullMap">The domain-free twin's map.</param>
internal sealed record TuningMap(CsroMap Map, byte[] Truth, CsroMap NullMap);

/// <summary>
/// Chooses a mean-rule decision on tuning maps: every decision of a grid is replayed on the stored voxel
/// probabilities (the map's own decision code, so the choice is what a map with it would select).
/// </summary>
internal static class DecisionTuning
{
    /// <summary>Thresholds tried.</summary>
    public static IReadOnlyList<double> Thresholds { get; } = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
    /// <summary>Domain fractions tried.</summary>
    public static IReadOnlyList<double> DomainFractions { get; } = [0, 0.5, 0.6, 0.7, 0.75, 0.8];
    /// <summary>Smallest domains tried (sub-voxels).</summary>
    public static IReadOnlyList<int> MinDomains { get; } = [0, 8, 16, 32];

    /// <summary>Largest false-positive volume fraction (%) a twin may show under the chosen decision when any decision keeps to it.</summary>
    public const double NullPercentLimit = 0.05;
    /// <summary>Detected / true volume the chosen decision keeps every tuning specimen within, when any decision does.</summary>
    public const double VolumeTolerance = 0.2;

    /// <summary>Scores every decision of the grid on <paramref name="maps"/>.</summary>
    public static IReadOnlyList<DecisionScore> Grid(IReadOnlyList<TuningMap> maps, double sphereRadius)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var scores = new List<DecisionScore>();
        foreach (var t in Thresholds)
        foreach (var f in DomainFractions)
        foreach (var m in MinDomains)
        {
            var d = new DecisionSettings(t, f, m);
            scores.Add(Score(maps, d, sphereRadius));
        }
        return scores;
    }

    /// <summary>How <paramref name="decision"/> does on <paramref name="maps"/>.</summary>
    public static DecisionScore Score(IReadOnlyList<TuningMap> maps, DecisionSettings decision, double sphereRadius)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(decision);
        var f1 = new List<double>();
        var ratio = new List<double>();
        var nulls = new List<double>();
        foreach (var m in maps)
        {
            var options = decision.MapOptions(m.Map.Box, sphereRadius, Sdm.SdmStage.Normalized);
            var selected = CsroMapper.Decide(m.Map.SubGrid, m.Map.VoxelProbability, options);
            var score = MapScore.OfSelection(selected.Selected, selected.Mean, m.Truth);
            f1.Add(double.IsNaN(score.F1) ? 0 : score.F1);
            ratio.Add(score.VolumeRatio);
            var twin = CsroMapper.Decide(m.NullMap.SubGrid, m.NullMap.VoxelProbability, options);
            nulls.Add(twin.DefinedSubVoxels == 0 ? 0 : 100.0 * twin.SelectedCount / twin.DefinedSubVoxels);
        }
        return new DecisionScore(decision, f1.Average(), f1.Min(), ratio.Min(), ratio.Max(), nulls.Max());
    }

    /// <summary>
    /// The decision to use: the highest mean F1 among those whose twins stay within <see cref="NullPercentLimit"/> and
    /// whose volumes stay within ±<see cref="VolumeTolerance"/> of the truth on every tuning specimen; failing
    /// that, the highest mean F1 within the twin limit; failing that, the fewest false positives.
    /// </summary>
    public static DecisionScore Choose(IReadOnlyList<DecisionScore> grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count == 0) throw new ArgumentException("no decisions scored", nameof(grid));
        var quiet = grid.Where(s => s.NullPercentMax <= NullPercentLimit).ToList();
        var sized = quiet.Where(s => s.VolumeRatioMin >= 1 - VolumeTolerance && s.VolumeRatioMax <= 1 + VolumeTolerance).ToList();
        var pool = sized.Count > 0 ? sized : quiet;
        if (pool.Count > 0)
            return pool.OrderByDescending(s => s.F1Mean).ThenBy(s => s.NullPercentMax).First();
        return grid.OrderBy(s => s.NullPercentMax).ThenByDescending(s => s.F1Mean).First();
    }
}
