using MlApt.Banks;

namespace MlApt.Validation;

public static partial class ModelBuild
{
    /// <summary>The recipe's specimen bank.</summary>
    private static PatternBank Bank(ModelRecipe recipe, Action<int> progress) =>
        SpecimenBank.Generate(recipe.Specimens, recipe.Seed, recipe.Stage, recipe.SphereRadius, recipe.Pairs, progress, recipe.Alloy.Order);
}
