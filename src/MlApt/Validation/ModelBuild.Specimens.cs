using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>Which specimens of a build a spec belongs to.</summary>
public enum BuildSpecimenSet
{
    /// <summary>The decision is tuned on these.</summary>
    Tuning,
    /// <summary>The model is validated on these (never seen by the bank or the tuning).</summary>
    Validation,
}

public static partial class ModelBuild
{
    /// <summary>First seed of the tuning specimens (the bank's specimen seeds are drawn from the whole int range).</summary>
    public const int TuningSeedBase = 7000;
    /// <summary>First seed of the validation specimens.</summary>
    public const int ValidationSeedBase = 8000;

    /// <summary>
    /// Tuning or validation specimen <paramref name="index"/> of <paramref name="recipe"/>: its alloy and order,
    /// <see cref="ModelRecipe.CheckSize"/>, domains of radius 1.0–1.8 nm filling about 8 % of the volume, order
    /// 0.8–1.0, η 0.4–0.5, σxy 0.3–0.4 nm, σz 0.03 nm, its pole on z. The two sets draw from their own streams
    /// and seeds (<see cref="TuningSeedBase"/>, <see cref="ValidationSeedBase"/> + index).
    /// </summary>
    public static SpecimenSpec CheckSpecimen(ModelRecipe recipe, BuildSpecimenSet set, int index)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var seedBase = set == BuildSpecimenSet.Tuning ? TuningSeedBase : ValidationSeedBase;
        // One stream per set, skipped ahead: consecutive seeds of System.Random give correlated first draws.
        var r = new Random(20_261_129 + seedBase);
        for (var skip = 0; skip < 4 * index; skip++) r.NextDouble();
        double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
        var size = recipe.CheckSize;
        const double radiusMin = 1.0, radiusMax = 1.8;
        var meanVolume = Math.PI * (radiusMin + radiusMax) * (radiusMin * radiusMin + radiusMax * radiusMax) / 3;
        var domains = Math.Max(1, (int)Math.Round(0.08 * size.X * size.Y * size.Z / meanVolume));
        return recipe.Alloy.Apply(new SpecimenSpec
        {
            Size = size,
            Domains = domains,
            RadiusMin = radiusMin,
            RadiusMax = radiusMax,
            Efficiency = Math.Round(U(0.4, 0.5), 3),
            SigmaXy = Math.Round(U(0.3, 0.4), 3),
            SigmaZ = 0.03,
            Order = Math.Round(U(0.8, 1.0), 3),
            Seed = seedBase + index,
        });
    }
}
