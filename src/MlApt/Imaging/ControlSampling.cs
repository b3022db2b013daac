namespace MlApt.Imaging;

/// <summary>
/// How a random-label control is measured: over every analysable voxel (<see cref="Full"/>), or from a seeded
/// simple random sample of whole blocks of sub-voxels (cluster sampling). A sampled control computes the voxels
/// covering the sampled blocks, and then grows that region around every selected connected domain that touches a
/// sampled block until the domain is closed (no neighbouring sub-voxel left unknown), so the decision, the
/// domain-fraction rule and the size filter see each such domain exactly as the full control map does: the
/// selection inside the sampled blocks equals the full map's there, sub-voxel for sub-voxel. Only the choice of
/// blocks is random, so the volume fraction's estimate (selected / defined sub-voxels of the sampled blocks, a
/// ratio estimator) carries a sampling error, reported as its standard error.
/// </summary>
/// <param name="Fraction">Fraction of the eligible blocks sampled, 0 &lt; F ≤ 1; 1 analyses every voxel.</param>
/// <param name="BlockSubVoxels">Block edge in sub-voxels (8: 4 nm at the reference stride).</param>
/// <param name="MinBlocks">At least this many blocks are sampled (or all, when fewer are eligible), so that the
/// standard error rests on enough blocks.</param>
public sealed record ControlSampling(double Fraction = ControlSampling.DefaultFraction, int BlockSubVoxels = ControlSampling.DefaultBlockSubVoxels,
    int MinBlocks = ControlSampling.DefaultMinBlocks)
{
    /// <summary>The default sampled fraction of blocks.</summary>
    public const double DefaultFraction = 0.1;
    /// <summary>The default block edge (sub-voxels).</summary>
    public const int DefaultBlockSubVoxels = 8;
    /// <summary>The default least number of sampled blocks.</summary>
    public const int DefaultMinBlocks = 24;

    /// <summary>Every analysable voxel: the exact control map.</summary>
    public static ControlSampling Full { get; } = new(1);

    /// <summary>Whether this analyses every voxel.</summary>
    public bool IsFull => Fraction >= 1;

    /// <summary>
    /// Reads a command-line value: <c>full</c> (or 1) for every voxel, else the sampled fraction of blocks in (0, 1];
    /// null when the text is neither.
    /// </summary>
    public static ControlSampling? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Trim().Equals("full", StringComparison.OrdinalIgnoreCase))
            return Full;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1
            ? new ControlSampling(f)
            : null;
    }

    /// <summary>The setting as the command line spells it: <c>full</c> or the fraction.</summary>
    public override string ToString() => IsFull ? "full" : Fraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws when a setting is out of range (library callers; the CLI checks its options first).</summary>
    public void Validate()
    {
        if (!(Fraction > 0 && Fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(Fraction), Fraction, "expected 0 < fraction ≤ 1");
        if (BlockSubVoxels < 2)
            throw new ArgumentOutOfRangeException(nameof(BlockSubVoxels), BlockSubVoxels, "expected a block edge of at least 2 sub-voxels");
        if (MinBlocks < 2)
            throw new ArgumentOutOfRangeException(nameof(MinBlocks), MinBlocks, "expected at least 2 blocks (a standard error needs two)");
    }
}

/// <summary>What a sampled control measured besides its map.</summary>
/// <param name="Blocks">Blocks sampled.</param>
/// <param name="EligibleBlocks">Blocks holding at least one defined sub-voxel of the real map (the population).</param>
/// <param name="BlockSubVoxels">Block edge (sub-voxels).</param>
/// <param name="StandardError">Standard error of the volume fraction's estimate (ratio estimator with the finite-population correction).</param>
/// <param name="ComputedVoxels">Voxels classified (the sampled blocks, their covering voxels and the growth around domains).</param>
/// <param name="GrowthRounds">Rounds of growth around domains touching the blocks until every one was closed.</param>
/// <param name="CountScale">Eligible / sampled blocks: multiplies counts within the sample (domains anchored in sampled blocks) into whole-map estimates.</param>
public sealed record ControlSampleEstimate(int Blocks, int EligibleBlocks, int BlockSubVoxels, double StandardError, int ComputedVoxels,
    int GrowthRounds, double CountScale)
{
    /// <summary>Whether each sub-voxel lies in a sampled block.</summary>
    internal bool[] InSample { get; init; } = [];
}
