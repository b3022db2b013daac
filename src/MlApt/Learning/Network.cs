using MlApt.Numerics;
namespace MlApt.Learning;

/// <summary>
/// Training-time forward and backward pass of the ML-APT network over one mini-batch, with every
/// intermediate kept in buffers allocated once for the largest batch:
/// input [B][C][L] → im2col → Conv1D → ReLU → Dropout → MaxPool → (flatten: no-op) → Dense(H) → ReLU →
/// Dense(K) → softmax. Single-threaded; training runs folds in parallel, which keeps a seeded run
/// bit-identical whatever the thread count.
/// </summary>
internal sealed class Network
{
    private readonly float[] _cols, _conv, _mask, _act, _pooled, _hidden, _logits, _probs;
    private readonly float[] _dLogits, _dHidden, _dPooled, _dAct;
    private int _batch;
    private bool _dropout;

    /// <summary>Buffers for batches of up to <paramref name="maxBatch"/> samples.</summary>
    public Network(CnnArchitecture architecture, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        architecture.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        Architecture = architecture;
        MaxBatch = maxBatch;
        var a = architecture;
        var conv = maxBatch * a.ConvLength * a.Filters;
        _cols = new float[maxBatch * a.ConvLength * a.Width * a.Channels];
        _conv = new float[conv];
        _mask = new float[conv];
        _act = new float[conv];
        _dAct = new float[conv];
        _pooled = new float[maxBatch * a.FlatLength];
        _dPooled = new float[maxBatch * a.FlatLength];
        _hidden = new float[maxBatch * a.Hidden];
        _dHidden = new float[maxBatch * a.Hidden];
        _logits = new float[maxBatch * a.Classes];
        _probs = new float[maxBatch * a.Classes];
        _dLogits = new float[maxBatch * a.Classes];
    }

    public CnnArchitecture Architecture { get; }
    public int MaxBatch { get; }

    /// <summary>Softmax outputs of the last forward pass, [B][K].</summary>
    public ReadOnlySpan<float> Probabilities => _probs.AsSpan(0, _batch * Architecture.Classes);

    /// <summary>
    /// Forward pass of <paramref name="batch"/> samples (x is [B][C][L]); dropout is applied when
    /// <paramref name="dropoutRng"/> is given (training) and the architecture's rate is positive.
    /// </summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> x, int batch, CnnWeights w, SeededRandom? dropoutRng)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
        var a = Architecture;
        _batch = batch;
        var convSize = batch * a.ConvLength * a.Filters;
        Conv1D.Im2Col(x, batch, a, _cols);
        Conv1D.Forward(_cols, batch, a, w.ConvKernel, w.ConvBias, _conv);
        Relu.Forward(_conv.AsSpan(0, convSize), _act);
        _dropout = dropoutRng is not null && a.Dropout > 0;
        if (_dropout)
        {
            Dropout.FillMask(_mask.AsSpan(0, convSize), a.Dropout, dropoutRng!);
            Dropout.Forward(_act.AsSpan(0, convSize), _mask, _act);
        }
        MaxPool1D.Forward(_act, batch, a.ConvLength, a.Filters, a.Pool, _pooled);
        Dense.Forward(_pooled, batch, a.FlatLength, a.Hidden, w.Dense1Kernel, w.Dense1Bias, _hidden);
        Relu.Forward(_hidden.AsSpan(0, batch * a.Hidden), _hidden);
        Dense.Forward(_hidden, batch, a.Hidden, a.Classes, w.Dense2Kernel, w.Dense2Bias, _logits);
        SoftmaxCrossEntropy.Softmax(_logits, batch, a.Classes, _probs);
        return Probabilities;
    }

    /// <summary>
    /// Gradients (overwritten into <paramref name="g"/>) of the loss (1/B)·Σ_b weight_b·CE_b of the last
    /// forward pass; <paramref name="sampleWeights"/> empty means 1 (Keras's class weights).
    /// </summary>
    public void Backward(ReadOnlySpan<int> labels, ReadOnlySpan<float> sampleWeights, CnnWeights w, CnnWeights g)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(g);
        var a = Architecture;
        var batch = _batch;
        if (labels.Length != batch)
            throw new ArgumentException($"{labels.Length} labels for a batch of {batch}", nameof(labels));
        SoftmaxCrossEntropy.Backward(_probs, labels, a.Classes, sampleWeights, 1f / batch, _dLogits);
        Dense.Backward(_hidden, _dLogits, batch, a.Hidden, a.Classes, w.Dense2Kernel, g.Dense2Kernel, g.Dense2Bias, _dHidden);
        Relu.Backward(_hidden.AsSpan(0, batch * a.Hidden), _dHidden, _dHidden);
        Dense.Backward(_pooled, _dHidden, batch, a.FlatLength, a.Hidden, w.Dense1Kernel, g.Dense1Kernel, g.Dense1Bias, _dPooled);
        var convSize = batch * a.ConvLength * a.Filters;
        MaxPool1D.Backward(_act, _pooled, _dPooled, batch, a.ConvLength, a.Filters, a.Pool, _dAct);
        if (_dropout)
            Dropout.Backward(_dAct.AsSpan(0, convSize), _mask, _dAct);
        // ReLU's derivative from its pre-activation: the conv output (dropout may zero a positive unit,
        // whose gradient is then already zero through the mask).
        Relu.Backward(_conv.AsSpan(0, convSize), _dAct, _dAct);
        Conv1D.BackwardParameters(_cols, _dAct, batch, a, g.ConvKernel, g.ConvBias);
    }

    /// <summary>Σ_b weight_b·CE_b of the last forward pass (not divided by B).</summary>
    public double Loss(ReadOnlySpan<int> labels, ReadOnlySpan<float> sampleWeights) =>
        SoftmaxCrossEntropy.Loss(Probabilities, labels, Architecture.Classes, sampleWeights);
}
