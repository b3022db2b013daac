namespace MlApt.Study;

/// <summary>What a quantity is in a study.</summary>
public enum VariableRole
{
    /// <summary>Set by how the alloy was made: processing (annealing temperature, time) or composition.</summary>
    Processing,
    /// <summary>A CSRO metric from the maps.</summary>
    Csro,
    /// <summary>A measured property (resistivity, hardness).</summary>
    Property,
}

/// <summary>One quantity across the samples of a study.</summary>
/// <param name="Name">Name without the unit.</param>
/// <param name="Unit">Unit, or null.</param>
/// <param name="Role">What it is.</param>
/// <param name="Values">One value per sample, NaN where missing.</param>
/// <param name="Errors">One standard uncertainty per sample (NaN where unknown), or null when the quantity has none.</param>
public sealed record StudyVariable(string Name, string? Unit, VariableRole Role, double[] Values, double[]? Errors)
{
    /// <summary>The name with the unit in brackets, as on plot axes.</summary>
    public string Label => Unit is null ? Name : $"{Name} [{Unit}]";

    /// <summary>Number of samples with a value.</summary>
    public int Count => Values.Count(double.IsFinite);
}
