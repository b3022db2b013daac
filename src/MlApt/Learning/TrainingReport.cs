namespace MlApt.Learning;

/// <summary>One epoch of one fold: training figures are means over the epoch's batches (with dropout, as Keras reports them).</summary>
public sealed record EpochRecord(int Fold, int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy);

/// <summary>Accuracy, confusion matrix (rows: true class, columns: predicted) and per-class precision and recall.</summary>
public sealed record ClassificationMetrics(int Samples, double Accuracy, int[][] Confusion, double[] Precision, double[] Recall)
{
    /// <summary>Metrics of probabilities [N][K] (prediction = arg max, first on ties) against labels.</summary>
    public static ClassificationMetrics From(ReadOnlySpan<float> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        var confusion = new int[classes][];
        for (var k = 0; k < classes; k++)
            confusion[k] = new int[classes];
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = ArgMax(probabilities.Slice(i * classes, classes));
            confusion[labels[i]][predicted]++;
            if (predicted == labels[i])
                correct++;
        }
        var precision = new double[classes];
        var recall = new double[classes];
        for (var k = 0; k < classes; k++)
        {
            var predictedK = 0;
            var trueK = 0;
            for (var j = 0; j < classes; j++)
            {
                predictedK += confusion[j][k];
                trueK += confusion[k][j];
            }
            precision[k] = predictedK == 0 ? double.NaN : (double)confusion[k][k] / predictedK;
            recall[k] = trueK == 0 ? double.NaN : (double)confusion[k][k] / trueK;
        }
        return new ClassificationMetrics(labels.Length, labels.Length == 0 ? double.NaN : (double)correct / labels.Length, confusion, precision, recall);
    }

    /// <summary>Index of the largest value (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var k = 1; k < p.Length; k++)
            if (p[k] > p[best])
                best = k;
        return best;
    }
}

/// <summary>One cross-validation fold: its curves, its validation result and its member's score on the held-out test set.</summary>
public sealed record FoldReport(int Fold, int TrainSamples, int ValidationSamples, int EpochsRun, int BestEpoch,
    double ValidationLoss, double ValidationAccuracy, IReadOnlyList<EpochRecord> History, ClassificationMetrics Test);

/// <summary>The trained ensemble with its report.</summary>
public sealed record TrainingResult(CnnEnsemble Model, IReadOnlyList<FoldReport> Folds, ClassificationMetrics Test, int Samples, int TestSamples, TimeSpan Elapsed);
