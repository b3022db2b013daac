namespace MlApt.Study;

/// <summary>
/// The CSRO metrics of one analysis (one pair, or one multi-channel set of pairs) of one specimen,
/// read from an <c>mlapt map</c> summary. NaN marks a value that the map does not define (no
/// control, no domains).
/// </summary>
/// <param name="Pairs">The analysis, e.g. <c>Ni-Ni</c> or <c>Ni-Ni+Co-Co</c>.</param>
/// <param name="VolumeFraction">CSRO volume fraction (0 … 1).</param>
/// <param name="VolumeFractionStd">Standard deviation of the control volume fractions (n − 1; needs ≥ 2 permutations).</param>
/// <param name="ExcessVolumeFraction">Real minus mean control volume fraction.</param>
/// <param name="ExcessStd">Uncertainty of the excess: the control std × √(1 + 1/k) for k permutations (the real map's own scatter plus that of the control mean).</param>
/// <param name="DomainNumberDensity">Connected CSRO domains per m³.</param>
/// <param name="DomainNumberDensityStd">Counting (Poisson) uncertainty: density/√count.</param>
/// <param name="MeanDomainRadius">Mean equivalent-sphere radius of the connected domains (nm).</param>
/// <param name="MeanDomainRadiusStd">Standard error of that mean from <c>domains.csv</c> (std/√count; needs ≥ 2 domains).</param>
/// <param name="ControlPermutations">Number of random-label controls (0 when none).</param>
/// <param name="ControlPValue">The map's p-value of real against control.</param>
/// <param name="EnsembleStdMean">Mean over defined voxels of the ensemble std of P(CSRO) (<c>voxel_probability_std.npy</c>), NaN when absent.</param>
/// <param name="Summary">The summary.json it came from.</param>
public sealed record CsroMetrics(
    string Pairs,
    double VolumeFraction,
    double VolumeFractionStd,
    double ExcessVolumeFraction,
    double ExcessStd,
    double DomainNumberDensity,
    double DomainNumberDensityStd,
    double MeanDomainRadius,
    double MeanDomainRadiusStd,
    int ControlPermutations,
    double ControlPValue,
    double EnsembleStdMean,
    string Summary)
{
    /// <summary>The order the map looked for (its summary's <c>model.order</c>), null for maps that do not record it.</summary>
    public string? Order { get; init; }

    /// <summary>What names this analysis in a study: the order looked for, else the pairs.</summary>
    public string Analysis => Order ?? Pairs;
}
