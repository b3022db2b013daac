using System.Diagnostics;
using System.Globalization;
using MlApt.Numerics;

namespace MlApt.Learning;

/// <summary>
/// Trains an ensemble as the paper does (METHOD §6): shift augmentation, shuffle, the last
/// <see cref="TrainingOptions.TestFraction"/> held out, k-fold cross-validation on the rest giving k
/// members (Glorot init, Adam, categorical cross-entropy, mini-batches shuffled every epoch).
/// Folds train in parallel, each single-threaded with its own generator forked from the seed in fold
/// order, so a seeded run gives the same bits whatever the thread count.
/// </summary>
public static class Trainer
{
    /// <summary>Trains on <paramref name="bank"/>; <paramref name="progress"/> (called from worker threads) sees every epoch.</summary>
    public static TrainingResult Train(TrainingBank bank, TrainingOptions options, Action<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var arch = new CnnArchitecture(bank.Channels, bank.Length, options.Filters, 10, Padding.Valid, 2, options.Hidden, bank.Classes.Count);
        arch.Validate();
        var rng = new SeededRandom(options.Seed);
        var data = options.Augment ? ShiftAugmentation.Augment(bank, options.MinShift, options.MaxShift, rng) : bank;
        var (test, folds) = Split(data.Count, bank.Count, options, rng);
        var foldRngs = Enumerable.Range(0, options.Folds).Select(_ => rng.Fork()).ToArray();
        var trainSets = Enumerable.Range(0, options.Folds).Select(f => folds.Where((_, g) => g != f).SelectMany(s => s).ToArray()).ToArray();
        if (trainSets.Any(t => t.Length == 0) || folds.Any(f => f.Length == 0))
            throw new ArgumentException($"{bank.Count} samples are too few for {options.Folds} folds");

        var members = new CnnWeights[options.Folds];
        var reports = new FoldReport[options.Folds];
        var testProbs = new float[options.Folds][];
        var threads = options.Threads == 0 ? Parallelism.Threads : options.Threads;
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = threads }, f =>
        {
            var fold = new FoldTrainer(arch, data, options, foldRngs[f], f);
            var (weights, report) = fold.Run(trainSets[f], folds[f], progress);
            var probs = fold.Probabilities(weights, test);
            members[f] = weights;
            testProbs[f] = probs;
            reports[f] = report with { Test = ClassificationMetrics.From(probs, Labels(data, test), arch.Classes) };
        });

        var mean = new float[test.Length * arch.Classes];
        foreach (var p in testProbs)
            System.Numerics.Tensors.TensorPrimitives.Add(mean, p, mean);
        System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1f / options.Folds, mean);
        var metadata = new Dictionary<string, string>(bank.Metadata.Count + 8, StringComparer.Ordinal);
        foreach (var (k, v) in bank.Metadata)
            metadata["bank." + k] = v;
        // The order the model learns to see, from its bank, so that maps can name it (order.pole, order.structure, order.element).
        ModelOrder.FromBank(bank.Metadata).WriteTo(metadata);
        metadata["training.seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);
        metadata["training.folds"] = options.Folds.ToString(CultureInfo.InvariantCulture);
        metadata["training.epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture);
        metadata["training.batch"] = options.BatchSize.ToString(CultureInfo.InvariantCulture);
        metadata["training.shifts"] = options.Augment ? string.Create(CultureInfo.InvariantCulture, $"{options.MinShift}..{options.MaxShift}") : "none";
        metadata["training.split_by_source"] = options.SplitBySource ? "true" : "false";
        metadata["training.patience"] = options.Patience.ToString(CultureInfo.InvariantCulture);
        metadata["training.class_weights"] = options.ClassWeights.ToString().ToLowerInvariant();
        var model = new CnnEnsemble(arch, members, bank.Classes, bank.Pairs, metadata);
        return new TrainingResult(model, reports, ClassificationMetrics.From(mean, Labels(data, test), arch.Classes), data.Count, test.Length, clock.Elapsed);
    }

    private static int[] Labels(TrainingBank data, int[] idx) => [.. idx.Select(i => data.Y[i])];

    /// <summary>
    /// The held-out test indices and the k validation folds. Reference: shuffle all samples and cut
    /// (sizes as scikit-learn's KFold: the first n mod k folds one larger). By source: the same on
    /// source samples, each bringing its original and its shifted copy (sample j comes from j mod N).
    /// </summary>
    internal static (int[] Test, int[][] Folds) Split(int count, int sources, TrainingOptions o, SeededRandom rng)
    {
        var units = o.SplitBySource ? sources : count;
        var order = Enumerable.Range(0, units).ToArray();
        rng.Shuffle(order.AsSpan());
        var nTest = (int)Math.Ceiling(o.TestFraction * units - 1e-9);
        var rest = units - nTest;
        var folds = new int[o.Folds][];
        var at = 0;
        for (var f = 0; f < o.Folds; f++)
        {
            var size = rest / o.Folds + (f < rest % o.Folds ? 1 : 0);
            folds[f] = Expand(order.AsSpan(at, size));
            at += size;
        }
        return (Expand(order.AsSpan(rest, nTest)), folds);

        int[] Expand(ReadOnlySpan<int> picked)
        {
            if (!o.SplitBySource)
                return picked.ToArray();
            var list = new List<int>(picked.Length * 2);
            foreach (var s in picked)
                for (var j = s; j < count; j += sources)
                    list.Add(j);
            return [.. list];
        }
    }
}
