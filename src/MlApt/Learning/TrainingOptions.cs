namespace MlApt.Learning;

/// <summary>How classes are weighted in the training loss.</summary>
public enum ClassWeighting
{
    /// <summary>Every sample counts 1 (the reference).</summary>
    None,
    /// <summary>Class k weighs n / (K·n_k) over the training samples (scikit-learn's "balanced").</summary>
    Balanced,
}

/// <summary>Training settings; the defaults are the published procedure (METHOD §5–§6).</summary>
public sealed record TrainingOptions
{
    /// <summary>Cross-validation folds k = ensemble members (≥ 2).</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Epochs per fold (the maximum with early stopping).</summary>
    public int Epochs { get; init; } = 30;
    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>Seed of every random choice: shifts, split, initialisation, shuffles, dropout.</summary>
    public ulong Seed { get; init; }
    /// <summary>Fraction of the (augmented) samples held out as the test set, in [0, 0.5).</summary>
    public double TestFraction { get; init; } = 0.1;
    /// <summary>Add one shifted copy per sample.</summary>
    public bool Augment { get; init; } = true;
    /// <summary>Smallest shift in bins (−2 for CoCrNi, −4 for Fe–Al).</summary>
    public int MinShift { get; init; } = -2;
    /// <summary>Largest shift in bins (1 for CoCrNi, 3 for Fe–Al).</summary>
    public int MaxShift { get; init; } = 1;
    /// <summary>
    /// Split by source sample before augmentation, so that a sample and its shifted copy never fall
    /// on both sides of a split (the reference splits after augmentation, which leaks).
    /// </summary>
    public bool SplitBySource { get; init; }
    /// <summary>Early stopping: stop a fold after this many epochs without a lower validation loss and keep its best weights (0: off).</summary>
    public int Patience { get; init; }
    /// <summary>Class weighting of the training loss.</summary>
    public ClassWeighting ClassWeights { get; init; } = ClassWeighting.None;
    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 0.001;
    /// <summary>Convolution filters (16 for CoCrNi, 64 for Fe–Al).</summary>
    public int Filters { get; init; } = 16;
    /// <summary>Hidden dense units.</summary>
    public int Hidden { get; init; } = 256;
    /// <summary>Folds trained at once (0: one per core). The result does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for an impossible setting.</summary>
    public void Validate()
    {
        if (Folds < 2) throw new ArgumentException($"folds {Folds}: need at least 2");
        if (Epochs < 1) throw new ArgumentException($"epochs {Epochs}: need at least 1");
        if (BatchSize < 1) throw new ArgumentException($"batch {BatchSize}: need at least 1");
        if (TestFraction is < 0 or >= 0.5 || double.IsNaN(TestFraction)) throw new ArgumentException($"test fraction {TestFraction}: expected 0 ≤ f < 0.5");
        if (MinShift > MaxShift) throw new ArgumentException($"shift range [{MinShift}, {MaxShift}] is empty");
        if (Patience < 0) throw new ArgumentException($"patience {Patience}: expected ≥ 0");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate {LearningRate}: expected > 0");
        if (Threads < 0) throw new ArgumentException($"threads {Threads}: expected ≥ 0");
    }
}
