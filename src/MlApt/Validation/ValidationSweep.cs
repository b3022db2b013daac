using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Crystal;

namespace MlApt.Validation;

/// <summary>
/// The validation specimens of the benchmark: CoCrNi, 20 × 20 × 40 nm, 30 L1₂ Ni domains of radius 1.0–1.8 nm,
/// each with η, σxy, σz and order drawn uniformly from the ranges (η 0.35–0.6, σxy 0.3–0.5 nm,
/// σz 0.03–0.04 nm, S 0.8–1.0). Seeds start at 1000 and never meet the training specimens' seeds
/// (drawn from the bank seed through <see cref="SpecimenBank.SpecimenFor(long, int, Crystal.OrderType?)"/>, which also uses other sizes).
/// </summary>
/// <remarks>
/// Along ⟨111⟩ (<see cref="OrderType.L11Along111"/>) the specimens hold L1₁ Ni domains of radius 1.0–1.8 nm with
/// η 0.4–0.5, σxy 0.3–0.4 nm, σz 0.03–0.035 nm, S 0.8–1.0, and the [111] pole tilted 0–3° off z towards a random
/// azimuth (as a specimen cut along ⟨111⟩ is, until aligned); their own stream, seeds 3000 + index.
/// </remarks>
public static class ValidationSweep
{
    /// <summary>Validation specimen <paramref name="index"/> (0-based) of <paramref name="order"/>'s sweep.</summary>
    public static SpecimenSpec Specimen(int index, OrderType order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order == OrderType.L12Along001) return Specimen(index);
        var r = new Random(20_261_129 + order.Pole.H * 100 + order.Pole.K * 10 + order.Pole.L);
        for (var skip = 0; skip < 6 * index; skip++) r.NextDouble();
        double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
        var spec = new SpecimenSpec
        {
            Efficiency = Math.Round(U(0.4, 0.5), 3),
            SigmaXy = Math.Round(U(0.3, 0.4), 3),
            SigmaZ = Math.Round(U(0.03, 0.035), 4),
            Order = Math.Round(U(0.8, 1.0), 3),
            Seed = 3000 + index,
        }.WithOrder(order);
        var tilt = Math.Round(U(0, 3), 2);
        var azimuth = U(0, 2 * Math.PI);
        return spec with { Orientation = order.TiltedPole(tilt, azimuth) };
    }

    /// <summary>The tilt (degrees) of <paramref name="order"/>'s pole from z in <paramref name="spec"/>.</summary>
    public static double PoleTiltDegrees(SpecimenSpec spec, OrderType order)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(order);
        var (h, k, l) = spec.Orientation;
        var (ph, pk, pl) = order.Pole;
        var cos = (h * ph + k * pk + l * pl) / Math.Sqrt((h * h + k * k + l * l) * (ph * ph + pk * pk + pl * pl));
        return Math.Acos(Math.Clamp(cos, -1, 1)) * 180 / Math.PI;
    }

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
    /// The specimens are those of <paramref name="order"/>'s sweep (default L1₂ Ni along ⟨001⟩). With <paramref name="align"/>,
    /// each specimen is mapped and scored in its aligned frame (<see cref="SpecimenValidation.Run"/>).
    /// </summary>
    public static IReadOnlyList<(SpecimenSpec Spec, ValidationOutcome Outcome)> Run(int start, int count, Func<SpecimenSpec, IReadOnlyList<ElementPair>> pairs,
        VoxelClassifier classify, Func<Box, MapOptions> options, Action<SpecimenSpec, ValidationOutcome, int>? progress = null,
        CancellationToken cancellationToken = default, Crystal.PoleAlignmentOptions? align = null, OrderType? order = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<(SpecimenSpec, ValidationOutcome)>();
        for (var i = 0; i < count; i++)
        {
            var spec = Specimen(start + i, order ?? OrderType.L12Along001);
            var specimen = SimulatedSpecimen.Generate(spec);
            var table = RangeTable.Parse(SpecimenRanges.Rrng(spec), "specimen.rrng");
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
