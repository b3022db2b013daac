using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Tests.Learning;

public class TrainerTests
{
    private static readonly TrainingOptions Small = new() { Folds = 3, Epochs = 6, Seed = 7 };

    [Fact]
    public void Learns_to_separate_two_classes_of_periodic_curves()
    {
        var r = Trainer.Train(Reference.PeriodicBank(600, 1), Small);
        Assert.True(r.Test.Accuracy >= 0.95, $"held-out accuracy {r.Test.Accuracy}");
        Assert.All(r.Folds, f => Assert.True(f.ValidationAccuracy >= 0.9, $"fold {f.Fold}: {f.ValidationAccuracy}"));
        Assert.Equal(3, r.Model.Members.Count);
        Assert.Equal(["FCC", "CSRO"], r.Model.ClassNames);
        // The training loss falls over the epochs.
        Assert.All(r.Folds, f => Assert.True(f.History[^1].TrainLoss < f.History[0].TrainLoss));
    }

    [Fact]
    public void Three_classes_on_two_channels_train_the_same_way()
    {
        var r = Trainer.Train(Reference.PeriodicBank(600, 2, channels: 2, classes: 3), Small);
        Assert.Equal(3, r.Test.Confusion.Length);
        Assert.Equal(2, r.Model.Architecture.Channels);
        Assert.True(r.Test.Accuracy >= 0.9, $"held-out accuracy {r.Test.Accuracy}");
    }

    [Fact]
    public void A_seed_gives_bit_identical_models_whatever_the_thread_count()
    {
        var bank = Reference.PeriodicBank(200, 3);
        var o = Small with { Epochs = 2 };
        var a = Trainer.Train(bank, o with { Threads = 1 });
        var b = Trainer.Train(bank, o with { Threads = 3 });
        foreach (var (wa, wb) in a.Model.Members.Zip(b.Model.Members))
            foreach (var ((_, da, _), (_, db, _)) in wa.Tensors().Zip(wb.Tensors()))
                Assert.Equal(da, db);
        var c = Trainer.Train(bank, o with { Seed = 8 });
        Assert.NotEqual(a.Model.Members[0].Dense1Kernel, c.Model.Members[0].Dense1Kernel);
    }

    [Fact]
    public void Reference_split_holds_out_the_last_tenth_and_cuts_folds_like_KFold()
    {
        var (test, folds) = Trainer.Split(1000, 500, new TrainingOptions(), new SeededRandom(1));
        Assert.Equal(100, test.Length);
        Assert.Equal([180, 180, 180, 180, 180], folds.Select(f => f.Length));
        var all = test.Concat(folds.SelectMany(f => f)).ToArray();
        Assert.Equal(Enumerable.Range(0, 1000), all.Order());
    }

    [Fact]
    public void Split_by_source_keeps_a_sample_and_its_shifted_copy_together()
    {
        var (test, folds) = Trainer.Split(1000, 500, new TrainingOptions { SplitBySource = true }, new SeededRandom(1));
        Assert.Equal(100, test.Length);
        var setOf = new int[1000];
        foreach (var i in test) setOf[i] = -1;
        for (var f = 0; f < folds.Length; f++)
            foreach (var i in folds[f]) setOf[i] = f;
        for (var s = 0; s < 500; s++)
            Assert.Equal(setOf[s], setOf[s + 500]);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch()
    {
        var r = Trainer.Train(Reference.PeriodicBank(300, 4), Small with { Epochs = 40, Patience = 2 });
        Assert.All(r.Folds, f =>
        {
            Assert.True(f.EpochsRun < 40, $"fold {f.Fold} ran {f.EpochsRun} epochs");
            Assert.Equal(f.History.Min(e => e.ValidationLoss), f.ValidationLoss);
            Assert.Equal(f.EpochsRun - 2, f.BestEpoch);
        });
    }

    [Fact]
    public void Balanced_class_weights_train_on_an_imbalanced_bank()
    {
        var bank = Reference.PeriodicBank(400, 5);
        // Keep all of class 0 and a quarter of class 1.
        var keep = Enumerable.Range(0, bank.Count).Where(i => bank.Y[i] == 0 || i % 8 == 1).ToArray();
        var x = keep.SelectMany(i => bank.X.AsSpan(i * 93, 93).ToArray()).ToArray();
        var sub = new TrainingBank(x, [.. keep.Select(i => bank.Y[i])], 1, 93, bank.Classes, bank.Pairs);
        var r = Trainer.Train(sub, Small with { ClassWeights = ClassWeighting.Balanced });
        Assert.True(r.Test.Recall[1] >= 0.8, $"minority recall {r.Test.Recall[1]}");
    }

    [Fact]
    public void Metrics_count_the_confusion_matrix_by_true_row_and_predicted_column()
    {
        float[] p = [0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.3f, 0.7f];
        var m = ClassificationMetrics.From(p, [0, 1, 1, 1], 2);
        Assert.Equal([[1, 0], [1, 2]], m.Confusion);
        Assert.Equal(0.75, m.Accuracy);
        Assert.Equal([0.5, 1.0], m.Precision);
        Assert.Equal([1.0, 2.0 / 3], m.Recall);
    }
}
