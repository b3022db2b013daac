using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>Statistics of DBSCAN clusters of extracted ions (METHOD §8).</summary>
/// <param name="Clusters">Number of clusters.</param>
/// <param name="Sizes">Atoms per cluster, largest first.</param>
/// <param name="ClusteredAtoms">Atoms in clusters.</param>
/// <param name="NoiseAtoms">Atoms left as noise.</param>
/// <param name="Ions">The clustered ions' indices in the reconstruction (ascending; the extracted ions of the centre element).</param>
/// <param name="Labels">Cluster of each of <paramref name="Ions"/>: 0 … Clusters−1 in the order of <paramref name="Sizes"/>, −1 noise.</param>
/// <param name="Eps">The DBSCAN distance (nm), also the envelope distance of the clusters' composition.</param>
public sealed record DbscanSummary(int Clusters, int[] Sizes, int ClusteredAtoms, int NoiseAtoms, int[] Ions, int[] Labels, double Eps);

/// <summary>A connected domain with the ions extracted into it.</summary>
/// <param name="Domain">Geometry of the domain.</param>
/// <param name="Ions">Extracted ions (any species) in it.</param>
/// <param name="DominantSpecies">Species with the most extracted ions (name), or "" when none.</param>
public sealed record DomainStats(Domain Domain, int Ions, string DominantSpecies);

/// <summary>Everything one CSRO map computed (one analysis: one pair, or one set of channel pairs).</summary>
public sealed class CsroMap
{
    /// <summary>Channel pairs of the analysis (e.g. Ni-Ni).</summary>
    public required IReadOnlyList<ElementPair> Pairs { get; init; }
    /// <summary>The voxel grid.</summary>
    public required VoxelGrid Grid { get; init; }
    /// <summary>The sub-voxel grid.</summary>
    public required SubVoxelGrid SubGrid { get; init; }
    /// <summary>Whether the box was found automatically.</summary>
    public required bool AutomaticBox { get; init; }
    /// <summary>Voxels inside the analysable region.</summary>
    public required int AnalysableVoxels { get; init; }
    /// <summary>Which voxels of <see cref="Grid"/> were analysed (scan order); empty when not known (a merged slab map).</summary>
    public bool[] Analysable { get; init; } = [];
    /// <summary>Voxels with a defined probability.</summary>
    public required int DefinedVoxels { get; init; }
    /// <summary>P(CSRO) per voxel (z, y, x), NaN undefined.</summary>
    public required float[] VoxelProbability { get; init; }
    /// <summary>Ensemble standard deviation of P(CSRO) per voxel.</summary>
    public required float[] VoxelStd { get; init; }
    /// <summary>Reference sub-voxel score: sum over covering voxels (0 … 8), NaN undefined.</summary>
    public required float[] SubVoxelScore { get; init; }
    /// <summary>Mean over covering voxels (0 … 1), NaN undefined.</summary>
    public required float[] SubVoxelMean { get; init; }
    /// <summary>The decision actually used (1 = CSRO).</summary>
    public required byte[] Selected { get; init; }
    /// <summary>Connected-domain label per sub-voxel (0 = none).</summary>
    public required int[] DomainLabels { get; init; }
    /// <summary>Selected sub-voxels.</summary>
    public required int SelectedSubVoxels { get; init; }
    /// <summary>Sub-voxels with a defined score.</summary>
    public required int DefinedSubVoxels { get; init; }
    /// <summary>The decision rule and threshold used.</summary>
    public required DecisionRule Rule { get; init; }
    /// <summary>Threshold of the rule.</summary>
    public required double Threshold { get; init; }
    /// <summary>Fraction of each domain's mean score its sub-voxels had to exceed (0: not applied).</summary>
    public double DomainFraction { get; init; }
    /// <summary>Indices of the extracted ions (ascending, no duplicates).</summary>
    public required int[] ExtractedIons { get; init; }
    /// <summary>Domain label of each extracted ion (same order as <see cref="ExtractedIons"/>).</summary>
    public required int[] ExtractedDomain { get; init; }
    /// <summary>Connected domains with their ions.</summary>
    public required IReadOnlyList<DomainStats> Domains { get; init; }
    /// <summary>DBSCAN on the extracted ions of the centre element(s).</summary>
    public required DbscanSummary Dbscan { get; init; }
    /// <summary>Seconds per step.</summary>
    public required IReadOnlyDictionary<string, double> Timings { get; init; }

    /// <summary>For a control measured from a sample of blocks: its sampling error and scale; null for a full map.</summary>
    public ControlSampleEstimate? Sample { get; private init; }

    /// <summary>This map with its sample estimate and the selection it reports.</summary>
    internal CsroMap WithSample(ControlSampleEstimate sample, byte[] selected)
    {
        return new CsroMap
        {
            Pairs = Pairs, Grid = Grid, SubGrid = SubGrid, AutomaticBox = AutomaticBox, AnalysableVoxels = AnalysableVoxels,
            Analysable = Analysable, DefinedVoxels = DefinedVoxels, VoxelProbability = VoxelProbability, VoxelStd = VoxelStd,
            SubVoxelScore = SubVoxelScore, SubVoxelMean = SubVoxelMean, Selected = selected, DomainLabels = DomainLabels,
            SelectedSubVoxels = SelectedSubVoxels, DefinedSubVoxels = DefinedSubVoxels, Rule = Rule, Threshold = Threshold,
            DomainFraction = DomainFraction, ExtractedIons = ExtractedIons, ExtractedDomain = ExtractedDomain, Domains = Domains,
            Dbscan = Dbscan, Timings = Timings, Sample = sample,
        };
    }

    /// <summary>CSRO volume fraction = selected / defined sub-voxels (NaN when none is defined).</summary>
    public double VolumeFraction => DefinedSubVoxels == 0 ? double.NaN : (double)SelectedSubVoxels / DefinedSubVoxels;

    /// <summary>Analysed volume: defined sub-voxels × stride³ (nm³).</summary>
    public double AnalysedVolumeNm3 => DefinedSubVoxels * Math.Pow(SubGrid.Spacing, 3);

    /// <summary>DBSCAN clusters per analysed volume (m⁻³).</summary>
    public double DbscanNumberDensity => AnalysedVolumeNm3 == 0 ? double.NaN : Dbscan.Clusters / (AnalysedVolumeNm3 * 1e-27);

    /// <summary>Connected domains per analysed volume (m⁻³).</summary>
    public double DomainNumberDensity => AnalysedVolumeNm3 == 0 ? double.NaN : Domains.Count / (AnalysedVolumeNm3 * 1e-27);

    /// <summary>The box of the analysis.</summary>
    public Box Box => Grid.Box;
}
