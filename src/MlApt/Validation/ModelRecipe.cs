using System.Globalization;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>
/// Everything <see cref="ModelBuild.Run"/> needs to build a model for an alloy: the alloy and its order, the
/// channels, the specimen bank, the training, the decision (tuned on separate specimens unless given) and the
/// validation. The defaults are the default model's recipe.
/// </summary>
/// <param name="Alloy">The alloy and the order the model looks for.</param>
/// <param name="Pairs">Input channels.</param>
public sealed record ModelRecipe(AlloySpec Alloy, IReadOnlyList<ElementPair> Pairs)
{
    /// <summary>Seed of the bank and of the training: same recipe, same model.</summary>
    public long Seed { get; init; } = 1;
    /// <summary>Bank specimens with domains.</summary>
    public int Specimens { get; init; } = 40;
    /// <summary>Domain-free bank specimens (negatives).</summary>
    public int DomainFree { get; init; } = 10;
    /// <summary>Voxels kept per bank specimen at most (null: all CSRO voxels).</summary>
    public int? SamplesPerSpecimen { get; init; } = 4000;
    /// <summary>Whether the bank specimens are drawn across the detection envelope (else the narrower validation ranges).</summary>
    public bool Envelope { get; init; } = true;
    /// <summary>How a bank voxel is labelled CSRO (the embedded models' banks: <see cref="BankVoxelLabel.Sphere075"/>).</summary>
    public BankVoxelLabel Label { get; init; } = BankVoxelLabel.Cube;
    /// <summary>Voxel sphere radius in voxel edges (nm at the 1 nm voxel).</summary>
    public double SphereRadius { get; init; } = 1.25;
    /// <summary>What the model sees of each z-SDM.</summary>
    public SdmStage Stage { get; init; } = SdmStage.Normalized;
    /// <summary>Training epochs per fold.</summary>
    public int Epochs { get; init; } = 8;
    /// <summary>Folds (ensemble members).</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Specimens the decision is tuned on (with their twins).</summary>
    public int TuningSpecimens { get; init; } = 4;
    /// <summary>Specimens the model is validated on (with their twins), never seen in bank or tuning.</summary>
    public int ValidationSpecimens { get; init; } = 6;
    /// <summary>Edge lengths (nm) of the tuning and validation specimens.</summary>
    public (double X, double Y, double Z) CheckSize { get; init; } = (16, 16, 30);
    /// <summary>The decision, when given: no tuning (rule mean).</summary>
    public DecisionSettings? Decision { get; init; }
    /// <summary>The command line that rebuilds the model (<see cref="CommandLine"/>; recorded in it).</summary>
    public string Command => CommandLine();

    /// <summary>
    /// The <c>mlapt build-model</c> line that runs this recipe (every setting the command has spelt out, the output
    /// file left to the user): the model records it, so that anyone can build it again. The sphere, stage and
    /// folds are the command's fixed ones (<c>build.recipe</c> records them).
    /// </summary>
    public string CommandLine()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder("mlapt build-model");
        sb.Append(c, $" --lattice {Alloy.Lattice} -a {Alloy.A:R} --composition {Alloy.CompositionText} --element {Alloy.Element}");
        sb.Append(c, $" --structure {Alloy.Structure} --pole {Alloy.PoleName} --charges {Alloy.ChargesText} --channels {string.Join(",", Pairs)}");
        sb.Append(c, $" --seed {Seed} --specimens {Specimens} --domain-free {DomainFree}");
        sb.Append(SamplesPerSpecimen is { } n ? string.Create(c, $" --samples-per-specimen {n}") : " --samples-per-specimen all");
        sb.Append(c, $" --specimen-ranges {(Envelope ? "envelope" : "validation")} --voxel-label {(Label == BankVoxelLabel.Cube ? "cube" : "sphere-0.75")} --epochs {Epochs}");
        if (Decision is { } d)
            sb.Append(c, $" --map-threshold {d.Threshold:R} --map-domain-fraction {d.DomainFraction:R} --map-min-domain {d.MinDomain}");
        else
            sb.Append(c, $" --tuning-specimens {TuningSpecimens}");
        sb.Append(c, $" --validation-specimens {ValidationSpecimens} --check-size {CheckSize.X:R},{CheckSize.Y:R},{CheckSize.Z:R}");
        return sb.ToString();
    }

    /// <summary><c>auto</c> (the alloy's <see cref="AlloySpec.DefaultChannels"/>) or <c>A-B,…</c> of its elements; errors name <c>channels</c>.</summary>
    public static IReadOnlyList<ElementPair> ParseChannels(AlloySpec alloy, string text)
    {
        ArgumentNullException.ThrowIfNull(alloy);
        ArgumentNullException.ThrowIfNull(text);
        return text.Equals("auto", StringComparison.OrdinalIgnoreCase) ? alloy.DefaultChannels() : alloy.CheckChannels(ElementPair.ParseList(text, "channels"));
    }

    /// <summary><c>all</c> (null) or a whole number of samples per bank specimen; errors name <c>samples-per-specimen</c>.</summary>
    public static int? ParseSamples(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            InputError.In("samples-per-specimen", $"'{text}': expected a whole number or all");
        return n;
    }

    /// <summary>Edge lengths <c>X,Y,Z</c> (nm) of the tuning and validation specimens; errors name <c>check-size</c>.</summary>
    public static (double X, double Y, double Z) ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var edges = new double[3];
        if (parts.Length != 3 || !parts.Select((t, i) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out edges[i])).All(ok => ok))
            InputError.In("check-size", $"'{text}': expected three comma-separated lengths (nm)");
        return (edges[0], edges[1], edges[2]);
    }

    /// <summary>Throws an <see cref="InputException"/> naming the parameter when a value is out of range; cheap, before any work.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Alloy);
        Alloy.CheckChannels(Pairs);
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (Specimens is < 1 or > 10_000) InputError.In("specimens", $"{Specimens}: expected 1 … 10000");
        if (DomainFree is < 0 or > 10_000) InputError.In("domain-free", $"{DomainFree}: expected 0 … 10000");
        if (SamplesPerSpecimen is { } n && n is < 4 or > 10_000_000) InputError.In("samples-per-specimen", $"{n}: expected 4 … 10000000");
        if (!(SphereRadius is > 0.1 and <= 3)) InputError.In("sphere-radius", $"{F(SphereRadius)}: expected 0.1 … 3 voxel edges");
        if (Epochs is < 1 or > 1000) InputError.In("epochs", $"{Epochs}: expected 1 … 1000");
        if (Folds is < 2 or > 20) InputError.In("folds", $"{Folds}: expected 2 … 20");
        if (TuningSpecimens is < 0 or > 1000) InputError.In("tuning-specimens", $"{TuningSpecimens}: expected 0 … 1000");
        if (TuningSpecimens == 0 && Decision is null)
            InputError.In("tuning-specimens", "0: the decision is tuned on these specimens; give at least one, or the decision (--map-threshold, --map-domain-fraction, --map-min-domain)");
        if (ValidationSpecimens is < 0 or > 1000) InputError.In("validation-specimens", $"{ValidationSpecimens}: expected 0 … 1000");
        var (x, y, z) = CheckSize;
        if (!(x >= 6 && y >= 6 && z >= 6 && x * y * z <= 2e5)) InputError.In("check-size", $"{F(x)},{F(y)},{F(z)}: expected edges ≥ 6 nm and at most 200000 nm³");
        Decision?.Validate();
    }
}

/// <summary>A mean-rule decision: the threshold, the fraction of its mean score each domain is cut at, the smallest domain kept.</summary>
/// <param name="Threshold">Mean-rule threshold (0 … 1).</param>
/// <param name="DomainFraction">Fraction of its mean score each selected domain is cut at (0: off).</param>
/// <param name="MinDomain">Smallest selected domain kept (sub-voxels).</param>
public sealed record DecisionSettings(double Threshold, double DomainFraction, int MinDomain)
{
    /// <summary>Throws an <see cref="InputException"/> naming the <c>map-*</c> parameter when a value is out of range.</summary>
    public void Validate()
    {
        if (!(Threshold > 0 && Threshold < 1)) InputError.In("map-threshold", string.Create(CultureInfo.InvariantCulture, $"{Threshold}: expected 0 < T < 1 (mean rule)"));
        if (!(DomainFraction >= 0 && DomainFraction < 1)) InputError.In("map-domain-fraction", string.Create(CultureInfo.InvariantCulture, $"{DomainFraction}: expected 0 ≤ F < 1"));
        if (MinDomain is < 0 or > 100_000) InputError.In("map-min-domain", string.Create(CultureInfo.InvariantCulture, $"{MinDomain}: expected 0 … 100000"));
    }

    /// <summary>The map settings of this decision over <paramref name="box"/> with a sphere of <paramref name="sphereRadius"/> voxel edges.</summary>
    public MapOptions MapOptions(Geometry.Box? box, double sphereRadius, SdmStage stage) =>
        new(Box: box, Scan: new VoxelScanOptions(SphereRadius: sphereRadius), Rule: DecisionRule.Mean, Threshold: Threshold, Stage: stage,
            MinDomainSubVoxels: MinDomain, DomainFraction: DomainFraction);

    /// <summary>As the model records it.</summary>
    public MapTuning ToTuning(double sphereRadius, SdmStage stage) => new(stage, sphereRadius, MinDomain, DomainFraction, "mean", Threshold);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"mean > {Threshold:0.###}, {(DomainFraction > 0 ? $"domains cut at {DomainFraction:0.###} × their mean" : "no domain cut")}, {(MinDomain > 0 ? $"domains of ≥ {MinDomain} sub-voxels" : "every domain kept")}");
}
