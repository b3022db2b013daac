using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Imaging;

/// <summary>
/// Classifies preprocessed z-SDMs: <paramref name="inputs"/> holds <paramref name="count"/> samples of
/// C channels × 93 bins; writes each sample's CSRO probability (ensemble mean) and its ensemble
/// standard deviation. Undefined (NaN) inputs must give NaN.
/// </summary>
public delegate void VoxelClassifier(ReadOnlySpan<float> inputs, int count, Span<float> probability, Span<float> std);

/// <summary>Settings of a CSRO map (METHOD §3, §7, §8); the defaults are the reference's.</summary>
/// <param name="Box">Analysis box; null finds the analysable region automatically (see <see cref="AnalysableRegion"/>).</param>
/// <param name="Scan">Voxel edge, stride, sphere and pair radii.</param>
/// <param name="Rule">Sum (reference) or mean decision rule.</param>
/// <param name="Threshold">Threshold of the rule (reference sum: 3.75).</param>
/// <param name="ExtractionRadius">Ions within this distance of a selected sub-voxel centre are extracted (nm).</param>
/// <param name="DbscanEps">DBSCAN neighbourhood (nm).</param>
/// <param name="DbscanMinSamples">DBSCAN core size (points, itself included).</param>
/// <param name="Slab">Classify only the voxel z-layers of slab k of n (the rest stays NaN), for maps split
/// across processes and merged afterwards; null maps everything.</param>
/// <param name="SlabLayers">Voxel layers along z scanned and classified at a time (memory stays flat).</param>
/// <param name="MinDomainSubVoxels">Selected connected domains with fewer sub-voxels are dropped from the selection (0: keep all, the reference).</param>
/// <param name="DomainFraction">When above 0, each selected connected domain keeps only the sub-voxels whose score exceeds
/// this fraction of the domain's mean score (<see cref="Selection.KeepAboveDomainFraction"/>), before the size filter (0: off, the reference).</param>
/// <param name="Analysable">When set, exactly these voxels of the grid of <paramref name="Box"/> (which must be set) are
/// analysed, instead of all of the box or the density rule's: a random-label control passes its real map's mask, so
/// both are made over the same voxels (<see cref="CsroMapper.ControlOptions"/>).</param>
/// <param name="Stage">What the classifier sees of each voxel z-SDM: the reference preprocessing (METHOD §4) or min–max only.</param>
public sealed record MapOptions(
    Box? Box = null,
    VoxelScanOptions? Scan = null,
    DecisionRule Rule = DecisionRule.Sum,
    double Threshold = Selection.ReferenceSumThreshold,
    double ExtractionRadius = IonExtraction.ReferenceRadius,
    double DbscanEps = 0.4,
    int DbscanMinSamples = 3,
    int SlabLayers = 16,
    SdmStage Stage = SdmStage.Preprocessed,
    int MinDomainSubVoxels = 0,
    double DomainFraction = 0,
    (int Index, int Count)? Slab = null,
    bool[]? Analysable = null)
{
    /// <summary>The scan geometry (reference when not set).</summary>
    public VoxelScanOptions ScanOrDefault => Scan ?? new VoxelScanOptions();
}
