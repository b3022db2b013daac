using MlApt.Numerics;
namespace MlApt.Learning;

/// <summary>Trains one member on one fold's training set, validating after every epoch.</summary>
internal sealed class FoldTrainer(CnnArchitecture arch, TrainingBank data, TrainingOptions options, SeededRandom rng, int fold)
{
    private readonly Network _net = new(arch, options.BatchSize);
    private readonly float[] _x = new float[options.BatchSize * data.SampleSize];
    private readonly int[] _y = new int[options.BatchSize];
    private readonly float[] _w = new float[options.BatchSize];

    public (CnnWeights Weights, FoldReport Report) Run(int[] train, int[] validation, Action<EpochRecord>? progress)
    {
        var weights = new CnnWeights(arch);
        Initialization.GlorotUniform(weights, rng);
        var grads = new CnnWeights(arch);
        var adam = new Adam(arch, options.LearningRate);
        var classWeights = ClassWeights(train);
        var order = (int[])train.Clone();
        var history = new List<EpochRecord>(options.Epochs);
        var best = (Loss: double.PositiveInfinity, Accuracy: double.NaN, Epoch: 0, Weights: (CnnWeights?)null);
        var batchSize = options.BatchSize;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order.AsSpan());
            double lossSum = 0;
            var correct = 0;
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var b = Math.Min(batchSize, order.Length - start);
                Gather(order.AsSpan(start, b));
                var sw = classWeights is null ? default : _w.AsSpan(0, b);
                if (classWeights is not null)
                    for (var i = 0; i < b; i++)
                        _w[i] = classWeights[_y[i]];
                var probs = _net.Forward(_x, b, weights, rng);
                lossSum += _net.Loss(_y.AsSpan(0, b), sw);
                correct += Correct(probs, _y.AsSpan(0, b));
                _net.Backward(_y.AsSpan(0, b), sw, weights, grads);
                adam.Step(weights, grads);
            }
            var (valLoss, valAcc) = Evaluate(weights, validation);
            var record = new EpochRecord(fold, epoch, lossSum / order.Length, (double)correct / order.Length, valLoss, valAcc);
            history.Add(record);
            progress?.Invoke(record);
            if (options.Patience > 0)
            {
                if (valLoss < best.Loss)
                    best = (valLoss, valAcc, epoch, weights.Clone());
                else if (epoch - best.Epoch >= options.Patience)
                    break;
            }
        }
        if (options.Patience > 0 && best.Weights is not null)
            weights = best.Weights;
        else
            best = (history[^1].ValidationLoss, history[^1].ValidationAccuracy, history.Count, weights);
        var report = new FoldReport(fold, train.Length, validation.Length, history.Count, best.Epoch, best.Loss, best.Accuracy, history,
            ClassificationMetrics.From([], [], arch.Classes));
        return (weights, report);
    }

    /// <summary>Softmax outputs (no dropout) for the given samples, [n][K].</summary>
    public float[] Probabilities(CnnWeights weights, int[] samples)
    {
        var k = arch.Classes;
        var probs = new float[samples.Length * k];
        for (var start = 0; start < samples.Length; start += options.BatchSize)
        {
            var b = Math.Min(options.BatchSize, samples.Length - start);
            Gather(samples.AsSpan(start, b));
            _net.Forward(_x, b, weights, null).CopyTo(probs.AsSpan(start * k, b * k));
        }
        return probs;
    }

    private (double Loss, double Accuracy) Evaluate(CnnWeights weights, int[] samples)
    {
        var probs = Probabilities(weights, samples);
        var labels = samples.Select(i => data.Y[i]).ToArray();
        var loss = SoftmaxCrossEntropy.Loss(probs, labels, arch.Classes, default);
        return (loss / samples.Length, (double)Correct(probs, labels) / samples.Length);
    }

    private void Gather(ReadOnlySpan<int> idx)
    {
        var size = data.SampleSize;
        for (var i = 0; i < idx.Length; i++)
        {
            data.X.AsSpan(idx[i] * size, size).CopyTo(_x.AsSpan(i * size, size));
            _y[i] = data.Y[idx[i]];
        }
    }

    private int Correct(ReadOnlySpan<float> probs, ReadOnlySpan<int> labels)
    {
        var c = 0;
        for (var i = 0; i < labels.Length; i++)
            if (ClassificationMetrics.ArgMax(probs.Slice(i * arch.Classes, arch.Classes)) == labels[i])
                c++;
        return c;
    }

    private float[]? ClassWeights(int[] train)
    {
        if (options.ClassWeights == ClassWeighting.None)
            return null;
        var k = arch.Classes;
        var counts = new int[k];
        foreach (var i in train)
            counts[data.Y[i]]++;
        return [.. counts.Select(c => c == 0 ? 0f : (float)((double)train.Length / (k * c)))];
    }
}
