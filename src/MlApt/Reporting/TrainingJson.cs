using System.Text.Json;
using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Reporting;

/// <summary>What <c>train --json</c> prints: the scores of a training run.</summary>
internal static class TrainingJson
{
    /// <summary>The training report as one JSON document: test and cross-validation scores, confusion matrices, per-fold histories.</summary>
    public static string Of(TrainingResult r, string model, IReadOnlyList<string> plots)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(plots);
        return JsonText.Write(w => Write(w, r, model, plots));
    }

    private static void Write(Utf8JsonWriter w, TrainingResult r, string model, IReadOnlyList<string> plots)
    {
        w.WriteStartObject();
        w.WriteFiniteOrNull("test_accuracy", r.Test.Accuracy);
        w.WriteStartArray("cv_accuracy");
        foreach (var f in r.Folds)
            w.WriteNumberValue(f.ValidationAccuracy);
        w.WriteEndArray();
        w.WriteStartArray("cv_loss");
        foreach (var f in r.Folds)
            w.WriteNumberValue(f.ValidationLoss);
        w.WriteEndArray();
        Matrix(w, "confusion_matrix", r.Test.Confusion);
        Strings(w, "classes", r.Model.ClassNames);
        Strings(w, "pairs", r.Model.Pairs);
        Numbers(w, "precision", r.Test.Precision);
        Numbers(w, "recall", r.Test.Recall);
        w.WriteNumber("samples", r.Samples);
        w.WriteNumber("test_samples", r.TestSamples);
        w.WriteNumber("seconds", Math.Round(r.Elapsed.TotalSeconds, 3));
        w.WriteString("model", model);
        Strings(w, "plots", plots);
        w.WriteStartArray("folds");
        foreach (var f in r.Folds)
        {
            w.WriteStartObject();
            w.WriteNumber("fold", f.Fold + 1);
            w.WriteNumber("train_samples", f.TrainSamples);
            w.WriteNumber("validation_samples", f.ValidationSamples);
            w.WriteNumber("epochs_run", f.EpochsRun);
            w.WriteNumber("best_epoch", f.BestEpoch);
            w.WriteFiniteOrNull("validation_accuracy", f.ValidationAccuracy);
            w.WriteFiniteOrNull("validation_loss", f.ValidationLoss);
            w.WriteFiniteOrNull("test_accuracy", f.Test.Accuracy);
            Matrix(w, "confusion_matrix", f.Test.Confusion);
            Numbers(w, "precision", f.Test.Precision);
            Numbers(w, "recall", f.Test.Recall);
            w.WriteStartArray("history");
            foreach (var e in f.History)
            {
                w.WriteStartObject();
                w.WriteNumber("epoch", e.Epoch);
                w.WriteFiniteOrNull("loss", e.TrainLoss);
                w.WriteFiniteOrNull("accuracy", e.TrainAccuracy);
                w.WriteFiniteOrNull("val_loss", e.ValidationLoss);
                w.WriteFiniteOrNull("val_accuracy", e.ValidationAccuracy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Matrix(Utf8JsonWriter w, string name, int[][] m)
    {
        w.WriteStartArray(name);
        foreach (var row in m)
        {
            w.WriteStartArray();
            foreach (var v in row)
                w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteFiniteOrNullValue(v);
        w.WriteEndArray();
    }
}
