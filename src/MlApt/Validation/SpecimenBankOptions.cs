using MlApt.Crystal;
using MlApt.Sdm;

namespace MlApt.Validation;

/// <summary>How a specimen bank decides that a voxel is CSRO.</summary>
public enum BankVoxelLabel
{
    /// <summary>
    /// At least half of the voxel itself (its cube, edge the voxel size: the region its score is averaged into)
    /// lies inside a domain, whatever the sphere its z-SDM is taken from.
    /// </summary>
    Cube,
    /// <summary>
    /// At least half of a sphere of radius 0.75 nm about the voxel centre lies inside a domain, whatever the sphere
    /// its z-SDM is taken from: how the banks of the embedded models were labelled (kept so that their scripts
    /// reproduce them). A domain smaller than about 0.6 nm in radius never fills half of it.
    /// </summary>
    Sphere075,
}

/// <summary>
/// What <see cref="SpecimenBank.Generate(SpecimenBankOptions, Action{int}?)"/> makes: the alloy and the order type
/// its specimens hold, the ranges their parameters are drawn from, how many voxels each gives and how they are
/// labelled, and the map settings the voxel z-SDMs are taken with.
/// </summary>
/// <param name="Specimens">Specimens with domains.</param>
/// <param name="Seed">Bank seed: same options, same bank.</param>
public sealed record SpecimenBankOptions(int Specimens, long Seed)
{
    /// <summary>Domain-free specimens (matrix-only negatives) after the specimens with domains.</summary>
    public int DomainFree { get; init; }
    /// <summary>The ranges the specimens' parameters are drawn from.</summary>
    public SpecimenBankRanges Ranges { get; init; } = SpecimenBankRanges.Validation;
    /// <summary>
    /// Samples kept per specimen at most (CSRO and matrix in the ratio 1 : <see cref="SpecimenBank.MatrixPerCsro"/>;
    /// a domain-free specimen gives this many matrix samples); null keeps every CSRO voxel.
    /// </summary>
    public int? SamplesPerSpecimen { get; init; }
    /// <summary>How a voxel is labelled CSRO.</summary>
    public BankVoxelLabel Label { get; init; } = BankVoxelLabel.Cube;
    /// <summary>What the samples hold of each z-SDM (as the map will feed the model).</summary>
    public SdmStage Stage { get; init; } = SdmStage.Preprocessed;
    /// <summary>Voxel sphere radius (nm).</summary>
    public double SphereRadius { get; init; } = VoxelScanOptions.DefaultSphereRadius;
    /// <summary>Channels (null: the ordered element with itself, e.g. Ni-Ni).</summary>
    public IReadOnlyList<ElementPair>? Pairs { get; init; }

    /// <summary>The order type of the domains: structure, ordered element and the pole put along z.</summary>
    public OrderType Order { get; init; } = OrderType.L12Along001;
    /// <summary>Lattice of the alloy: <c>fcc</c> or <c>bcc</c>.</summary>
    public string Lattice { get; init; } = "fcc";
    /// <summary>Lattice parameter a (nm).</summary>
    public double A { get; init; } = 0.356;
    /// <summary>
    /// Nominal matrix composition (element and relative amount). The envelope ranges scale each amount by a draw
    /// from 0.7–2 per specimen (non-equiatomic); the validation ranges keep it.
    /// </summary>
    public IReadOnlyList<(string Element, double Amount)> Composition { get; init; } = [("Co", 1), ("Cr", 1), ("Ni", 1)];
    /// <summary>Charge state per element (null: every ion 2+; see <see cref="Specimens.SpecimenSpec.Charges"/>).</summary>
    public IReadOnlyList<(string Element, int Charge)>? Charges { get; init; }

    /// <summary>The channels the bank holds.</summary>
    public IReadOnlyList<ElementPair> ChannelPairs => Pairs ?? [new ElementPair(Order.Element, Order.Element)];

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> naming the parameter
    /// when a value is out of range or the alloy cannot hold the order type.
    /// </summary>
    public void Validate()
    {
        if (Specimens < 1) throw new ArgumentOutOfRangeException("specimens", Specimens, "at least one specimen with domains");
        if (DomainFree < 0) throw new ArgumentOutOfRangeException("domain-free", DomainFree, "expected ≥ 0");
        if (SamplesPerSpecimen is { } n && n < 4) throw new ArgumentOutOfRangeException("samples-per-specimen", n, "expected ≥ 4");
        if (!(SphereRadius is > 0.1 and <= 3))
            Io.InputError.In("sphere-radius", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SphereRadius}: expected 0.1 … 3 nm"));
        ArgumentNullException.ThrowIfNull(Order);
        ArgumentNullException.ThrowIfNull(Composition);
        if (!Composition.Any(c => c.Element == Order.Element))
            throw new ArgumentException($"element {Order.Element}: not in the composition ({string.Join(", ", Composition.Select(c => c.Element))})", "element");
        foreach (var pair in ChannelPairs)
        {
            if (!Composition.Any(c => c.Element == pair.Centre) || !Composition.Any(c => c.Element == pair.Neighbour))
                throw new ArgumentException($"channel {pair}: an element not in the composition", "channels");
        }
        // The specimens' own checks (lattice, a, structure on that lattice, composition).
        SpecimenBank.SpecimenFor(this, 0).Spec.Validate();
    }
}
