using System.Text.Json;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

public class TrainCommandTests
{
    [Fact]
    public void Train_writes_the_model_plots_and_a_JSON_report()
    {
        using var dir = new TempDir();
        var bank = TrainingBankTests.Write(dir, "bank.npz", Reference.PeriodicBank(300, 1));
        var model = dir.File("model.safetensors");
        var plots = dir.File("plots");
        var r = CliRunner.Run("train", "--bank", bank, "--folds", "3", "--epochs", "4", "--seed", "3", "--out", model, "--json", "--plot", plots);
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0.9, 1.0);
        Assert.Equal(3, root.GetProperty("cv_accuracy").GetArrayLength());
        Assert.Equal(2, root.GetProperty("confusion_matrix").GetArrayLength());
        Assert.Equal(["FCC", "CSRO"], root.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(4, root.GetProperty("folds")[0].GetProperty("history").GetArrayLength());
        var e = ModelFile.Load(model);
        Assert.Equal(3, e.Members.Count);
        Assert.Equal("synthetic", e.Metadata["bank.preset"]);
        Assert.Equal("bank.npz", e.Metadata["bank.files"]);
        foreach (var png in new[] { "loss.png", "accuracy.png", "confusion.png" })
            Assert.True(new FileInfo(Path.Combine(plots, png)).Length > 1000, png);
    }

    [Fact]
    public void Predict_reads_the_model_file_that_train_writes()
    {
        using var dir = new TempDir();
        var source = Reference.PeriodicBank(200, 4);
        var bank = TrainingBankTests.Write(dir, "bank.npz", source);
        var model = dir.File("model.safetensors");
        Assert.Equal(0, CliRunner.Run("train", "--bank", bank, "--folds", "2", "--epochs", "4", "--seed", "1", "--out", model).Exit);
        var input = dir.File("x.npy");
        MlApt.Io.Npy.WriteFile(input, source.X[..(10 * 93)], 10, 93);
        var r = CliRunner.Run("predict", "--model", model, "--input", input, "--std", "--out", dir.File("p.csv"));
        Assert.True(r.Exit == 0, r.Err);
        var lines = File.ReadAllLines(dir.File("p.csv"));
        Assert.Equal(10, lines.Length);
        for (var i = 0; i < 10; i++)
        {
            var p = lines[i].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(4, p.Length);
            Assert.True(p[source.Y[i]] > 0.5, $"line {i}: {lines[i]}");
        }
    }

    [Fact]
    public void The_same_seed_writes_a_byte_identical_model_whatever_the_thread_count()
    {
        using var dir = new TempDir();
        var bank = TrainingBankTests.Write(dir, "bank.npz", Reference.PeriodicBank(120, 2));
        string[] common = ["train", "--bank", bank, "--folds", "2", "--epochs", "2", "--seed", "11"];
        Assert.Equal(0, CliRunner.Run([.. common, "--threads", "1", "--out", dir.File("a.safetensors")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--threads", "2", "--out", dir.File("b.safetensors")]).Exit);
        Assert.Equal(File.ReadAllBytes(dir.File("a.safetensors")), File.ReadAllBytes(dir.File("b.safetensors")));
    }

    [Fact]
    public void Two_banks_with_different_channels_are_a_one_line_error()
    {
        using var dir = new TempDir();
        var a = TrainingBankTests.Write(dir, "a.npz", Reference.PeriodicBank(20, 1));
        var b = TrainingBankTests.Write(dir, "b.npz", Reference.PeriodicBank(20, 2, channels: 2));
        var r = CliRunner.Run("train", "--bank", a, "--bank", b, "--out", dir.File("m.safetensors"));
        CliRunner.AssertBadInput(r, "b.npz", "do not match");
        Assert.False(File.Exists(dir.File("m.safetensors")));
    }

    [Fact]
    public void A_missing_bank_is_a_one_line_error()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("train", "--bank", dir.File("none.npz"), "--out", dir.File("m.safetensors"));
        CliRunner.AssertBadInput(r, "none.npz");
    }

    [Fact]
    public void Bad_shift_range_is_rejected()
    {
        var r = CliRunner.Run("train", "--bank", "b.npz", "--out", "m.safetensors", "--shifts", "2,-1");
        CliRunner.AssertBadInput(r, "--shifts");
    }
}
