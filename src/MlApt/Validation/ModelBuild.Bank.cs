using MlApt.Banks;

namespace MlApt.Validation;

public static partial class ModelBuild
{
    /// <summary>The specimen bank of <paramref name="recipe"/>: its alloy, order, ranges, sampling, labels and map settings.</summary>
    public static SpecimenBankOptions BankOptions(ModelRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var alloy = recipe.Alloy;
        return new SpecimenBankOptions(recipe.Specimens, recipe.Seed)
        {
            DomainFree = recipe.DomainFree,
            Ranges = recipe.Envelope ? SpecimenBankRanges.Envelope : SpecimenBankRanges.Validation,
            SamplesPerSpecimen = recipe.SamplesPerSpecimen,
            Label = recipe.Label,
            Stage = recipe.Stage,
            SphereRadius = recipe.SphereRadius,
            Pairs = recipe.Pairs,
            Order = alloy.Order,
            Lattice = alloy.Lattice,
            A = alloy.A,
            Composition = alloy.Composition,
            Charges = alloy.Charges,
        };
    }

    /// <summary>The recipe's specimen bank.</summary>
    private static PatternBank Bank(ModelRecipe recipe, Action<int> progress) => SpecimenBank.Generate(BankOptions(recipe), progress);
}
