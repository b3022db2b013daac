using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
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

    /// <summary>
    /// Simulates validation specimens <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 and
    /// validates each (with its null twin) with the pairs <paramref name="pairs"/> gives for its spec and the options
    /// <paramref name="options"/> gives for its analysis box; <paramref name="progress"/> hears each row with its number (1-based).
    /// With <paramref name="align"/>, each specimen is mapped and scored in its aligned frame (<see cref="SpecimenValidation.Run"/>).
    /// </summary>
    public static IReadOnlyList<(SpecimenSpec Spec, ValidationOutcome Outcome)> Run(int start, int count, Func<SpecimenSpec, IReadOnlyList<ElementPair>> pairs,
        VoxelClassifier classify, Func<Box, MapOptions> options, Action<SpecimenSpec, ValidationOutcome, int>? progress = null,
        CancellationToken cancellationToken = default, Crystal.PoleAlignmentOptions? align = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<(SpecimenSpec, ValidationOutcome)>();
        for (var i = 0; i < count; i++)
        {
            var spec = Specimen(start + i);
            var specimen = SimulatedSpecimen.Generate(spec);
            var table = RangeTable.Parse(SpecimenRanges.Rrng(spec.Composition.Select(c => c.Element).ToList(), spec.Charge), "specimen.rrng");
            // Aligned: the box becomes the largest box of the aligned frame inside the specimen's (null: SpecimenValidation finds it).
            var mapOptions = options(SpecimenValidation.AnalysisBox(spec));
            var o = SpecimenValidation.Run(specimen.Cloud, table, spec, specimen.Domains, pairs(spec), classify, align is null ? mapOptions : mapOptions with { Box = null },
                true, null, cancellationToken, align);
            rows.Add((spec, o));
            progress?.Invoke(spec, o, i + 1);
        }
        return rows;
    }
}
