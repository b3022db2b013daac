using MlApt.Study.Statistics;

namespace MlApt.Study;

/// <summary>One fitted relationship y(x) across the samples that have both values.</summary>
/// <param name="X">The explanatory quantity.</param>
/// <param name="Y">The response.</param>
/// <param name="Samples">Indices (into the study's samples) of the points used.</param>
/// <param name="Fit">Least-squares line with 95 % intervals.</param>
/// <param name="Pearson">Pearson r and p.</param>
/// <param name="Spearman">Spearman ρ and p.</param>
/// <param name="Plot">File name of the scatter plot.</param>
public sealed record Relationship(StudyVariable X, StudyVariable Y, int[] Samples, LinearFit Fit, CorrelationResult Pearson,
    CorrelationResult Spearman, string Plot)
{
    /// <summary>Number of points.</summary>
    public int N => Samples.Length;

    /// <summary><c>processing → CSRO</c> or <c>CSRO → property</c>.</summary>
    public string Kind => X.Role == VariableRole.Csro ? "CSRO → property" : "processing → CSRO";
}

/// <summary>A relationship that could not be fitted, and why.</summary>
/// <param name="X">The explanatory quantity.</param>
/// <param name="Y">The response.</param>
/// <param name="Reason">Why (too few samples with both values, a constant quantity).</param>
public sealed record SkippedRelationship(StudyVariable X, StudyVariable Y, string Reason);
