using MlApt.Learning;

namespace MlApt.Tests.Learning;

/// <summary>The fast float32 engine against the Keras importer's straightforward double forward pass.</summary>
public class EngineAgreementTests
{
    [Fact]
    public void Fast_inference_of_the_published_Keras_ensemble_matches_the_reference_forward_pass_and_calls_the_bank_CSRO()
    {
        var e = PublishedData.Ensemble();
        var (count, values) = PublishedData.Bank();
        var x = values.Select(v => (float)v).ToArray();
        var mean = new float[count * 2];
        var std = new float[count * 2];
        CnnInference.Predict(e, x, mean, std);
        var reference = ReferenceCnn.PredictEnsemble(e, values, count);
        for (var i = 0; i < mean.Length; i++)
        {
            Assert.Equal(reference.Mean[i], mean[i], 1e-5);
            Assert.Equal(reference.Std[i], std[i], 1e-5);
        }
        var csro = e.ClassNames.Count - 1;
        Assert.All(Enumerable.Range(0, count), i => Assert.True(mean[i * 2 + csro] > 0.99, $"z-SDM {i}: P(CSRO) = {mean[i * 2 + csro]}"));
    }

    [Fact]
    public void A_trained_model_file_predicts_the_same_through_both_engines()
    {
        using var dir = new TempDir();
        var r = Trainer.Train(Reference.PeriodicBank(200, 3, channels: 2, classes: 3), new TrainingOptions { Folds = 2, Epochs = 2, Seed = 4 });
        var path = dir.File("m.safetensors");
        ModelFile.Save(path, r.Model);
        var e = ModelLoading.Load(path);
        var x = Reference.RandomFloats(50 * 2 * 93, 9, 0, 1);
        var mean = new float[50 * 3];
        CnnInference.Predict(e, x, mean, default);
        var reference = ReferenceCnn.PredictEnsemble(e, [.. x.Select(v => (double)v)], 50);
        for (var i = 0; i < mean.Length; i++)
            Assert.Equal(reference.Mean[i], mean[i], 1e-5);
    }
}
