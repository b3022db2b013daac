namespace MlApt.Learning;

/// <summary>Padding of the convolution.</summary>
public enum Padding
{
    /// <summary>No padding: output length = input length − width + 1 (the reference).</summary>
    Valid,
    /// <summary>Zero padding so that output length = input length (Keras "same").</summary>
    Same,
}

/// <summary>
/// The ML-APT classifier (METHOD §6): Conv1D(F filters, width W, stride 1) → ReLU → Dropout(0.5,
/// training only) → MaxPool(P, stride P) → Flatten (channels-last: index = t·F + f) → Dense(H) → ReLU →
/// Dense(K) → softmax. Input: C channels × L bins.
/// </summary>
/// <param name="Channels">Input channels C (element pairs).</param>
/// <param name="Length">Input length L (93 cropped bins).</param>
/// <param name="Filters">Convolution filters F.</param>
/// <param name="Width">Convolution width W.</param>
/// <param name="Padding">Convolution padding.</param>
/// <param name="Pool">Max-pool size and stride P.</param>
/// <param name="Hidden">Hidden dense units H.</param>
/// <param name="Classes">Output classes K.</param>
/// <param name="Dropout">Dropout rate after the convolution (training only).</param>
public sealed record CnnArchitecture(int Channels, int Length, int Filters, int Width, Padding Padding, int Pool, int Hidden, int Classes, double Dropout = 0.5)
{
    /// <summary>The published CoCrNi architecture (1 channel, 93 bins, 16 filters of width 10, valid, pool 2, 256 hidden).</summary>
    public static CnnArchitecture Reference(int channels = 1, int classes = 2) => new(channels, 93, 16, 10, Padding.Valid, 2, 256, classes);

    /// <summary>Length of the convolution output.</summary>
    public int ConvLength => Padding == Padding.Valid ? Length - Width + 1 : Length;

    /// <summary>Length after pooling (floor, as Keras).</summary>
    public int PooledLength => ConvLength / Pool;

    /// <summary>Inputs of the first dense layer (pooled length × filters).</summary>
    public int FlatLength => PooledLength * Filters;

    /// <summary>Total trainable parameters.</summary>
    public long Parameters => (long)Width * Channels * Filters + Filters + (long)FlatLength * Hidden + Hidden + (long)Hidden * Classes + Classes;

    /// <summary>Throws when a dimension is not positive or the convolution does not fit.</summary>
    public void Validate()
    {
        if (Channels < 1 || Length < 1 || Filters < 1 || Width < 1 || Pool < 1 || Hidden < 1 || Classes < 2)
            throw new ArgumentException($"invalid architecture {this}: every size must be ≥ 1 and classes ≥ 2");
        if (ConvLength < Pool)
            throw new ArgumentException($"invalid architecture {this}: the convolution output is shorter than the pool");
        if (Dropout is < 0 or >= 1)
            throw new ArgumentException($"invalid architecture {this}: dropout must be in [0, 1)");
    }
}
