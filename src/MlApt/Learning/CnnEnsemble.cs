namespace MlApt.Learning;

/// <summary>
/// An ensemble of networks with one architecture: the prediction is the mean of the members'
/// softmax outputs and their standard deviation the uncertainty (METHOD §6). Carries what a user
/// needs to apply it correctly: class names, the element pair of each input channel, and the
/// bank/preprocessing metadata (orientation, lattice parameter, normalisation, provenance).
/// </summary>
public sealed class CnnEnsemble
{
    /// <summary>Creates an ensemble; every member must have <paramref name="architecture"/>.</summary>
    public CnnEnsemble(CnnArchitecture architecture, IReadOnlyList<CnnWeights> members, IReadOnlyList<string> classNames,
        IReadOnlyList<string> pairs, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(pairs);
        if (members.Count == 0)
            throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        if (members.Any(m => m.Architecture != architecture))
            throw new ArgumentException("every member must have the ensemble's architecture", nameof(members));
        if (classNames.Count != architecture.Classes)
            throw new ArgumentException($"{classNames.Count} class names for {architecture.Classes} classes", nameof(classNames));
        if (pairs.Count != architecture.Channels)
            throw new ArgumentException($"{pairs.Count} channel pairs for {architecture.Channels} channels", nameof(pairs));
        Architecture = architecture;
        Members = members;
        ClassNames = classNames;
        Pairs = pairs;
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    /// <summary>The shared architecture.</summary>
    public CnnArchitecture Architecture { get; }
    /// <summary>The members (e.g. the k cross-validation folds).</summary>
    public IReadOnlyList<CnnWeights> Members { get; }
    /// <summary>Class names, index = output unit (e.g. "FCC", "CSRO").</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>Element pair of each input channel (e.g. "Co-Co").</summary>
    public IReadOnlyList<string> Pairs { get; }
    /// <summary>Free-form metadata (bank preset, orientation, lattice parameter, normalisation, source).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
