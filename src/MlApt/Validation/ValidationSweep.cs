using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>
/// The validation specimens of the benchmark: CoCrNi, 20 × 20 × 40 nm, 30 L1₂ Ni domains of radius 1.0–1.8 nm,
/// each with η, σxy, σz and order drawn uniformly from the ranges (η 0.35–0.6, σxy 0.3–0.5 nm,
/// σz 0.03–0.04 nm, S 0.8–1.0). Seeds start at 1000 and never meet the training specimens' seeds
/// (drawn from the bank seed through <see cref="SpecimenBank.SpecimenFor(long, int)"/>, which also uses other sizes).
/// </summary>
public static class ValidationSweep
{
    /// <summary>Validation specimen <paramref name="index"/> (0-based).</summary>
    public static SpecimenSpec Specimen(int index)
    {
        // One stream for all specimens, skipped ahead: consecutive seeds of System.Random give correlated first draws.
        var r = new Random(20_261_125);
        for (var skip = 0; skip < 4 * index; skip++) r.NextDouble();
        double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
        return new SpecimenSpec
        {
            Efficiency = Math.Round(U(0.35, 0.6), 3),
            SigmaXy = Math.Round(U(0.3, 0.5), 3),
            SigmaZ = Math.Round(U(0.03, 0.04), 4),
            Order = Math.Round(U(0.8, 1.0), 3),
            Seed = 1000 + index,
            // Seeds 1000 + index: far from the bank specimens' seeds, which are drawn from the whole int range.
        };
    }
}
