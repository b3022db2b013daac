using MlApt.Sdm;

namespace MlApt.Validation;

/// <summary>What <see cref="SpecimenBank.Generate(SpecimenBankOptions, Action{int}?)"/> makes.</summary>
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
    /// <summary>What the samples hold of each z-SDM (as the map will feed the model).</summary>
    public SdmStage Stage { get; init; } = SdmStage.Preprocessed;
    /// <summary>Voxel sphere radius (nm).</summary>
    public double SphereRadius { get; init; } = VoxelScanOptions.DefaultSphereRadius;
    /// <summary>Channels (null: Ni-Ni).</summary>
    public IReadOnlyList<ElementPair>? Pairs { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter when a value is out of range.</summary>
    public void Validate()
    {
        if (Specimens < 1) throw new ArgumentOutOfRangeException("specimens", Specimens, "at least one specimen with domains");
        if (DomainFree < 0) throw new ArgumentOutOfRangeException("domain-free", DomainFree, "expected ≥ 0");
        if (SamplesPerSpecimen is { } n && n < 4) throw new ArgumentOutOfRangeException("samples-per-specimen", n, "expected ≥ 4");
        if (!(SphereRadius is > 0.1 and <= 3))
            Io.InputError.In("sphere-radius", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SphereRadius}: expected 0.1 … 3 nm"));
    }
}
