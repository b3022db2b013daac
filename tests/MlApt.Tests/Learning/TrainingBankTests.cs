using MlApt.Io;
using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class TrainingBankTests
{
    internal static string Write(TempDir dir, string name, TrainingBank bank, string? metadata = null)
    {
        var path = dir.File(name);
        var w = new Npz.Writer().Add("x", bank.X, bank.Count, bank.Channels, bank.Length).Add("y", bank.Y, bank.Count);
        w.AddText("metadata.json", metadata ?? $"{{\"classes\": [{string.Join(",", bank.Classes.Select(c => $"\"{c}\""))}], \"pairs\": [{string.Join(",", bank.Pairs.Select(c => $"\"{c}\""))}], \"preset\": \"synthetic\", \"lattice_nm\": 0.36}}");
        w.Save(path);
        return path;
    }

    [Fact]
    public void Load_reads_samples_labels_names_and_metadata()
    {
        using var dir = new TempDir();
        var bank = Reference.PeriodicBank(20, 1, channels: 2);
        var back = TrainingBank.Load(Write(dir, "b.npz", bank));
        Assert.Equal(bank.X, back.X);
        Assert.Equal(bank.Y, back.Y);
        Assert.Equal(2, back.Channels);
        Assert.Equal(["FCC", "CSRO"], back.Classes);
        Assert.Equal(["Fe-Fe", "Al-Al"], back.Pairs);
        Assert.Equal("synthetic", back.Metadata["preset"]);
        Assert.Equal("0.36", back.Metadata["lattice_nm"]);
    }

    [Fact]
    public void Load_accepts_class_names_and_a_single_pair_string()
    {
        using var dir = new TempDir();
        var bank = Reference.PeriodicBank(10, 2);
        var back = TrainingBank.Load(Write(dir, "b.npz", bank, "{\"class_names\": [\"A\", \"B\"], \"pair\": \"Co-Co\"}"));
        Assert.Equal(["A", "B"], back.Classes);
        Assert.Equal(["Co-Co"], back.Pairs);
    }

    [Fact]
    public void Load_reads_the_bank_generators_channels_and_leaves_per_sample_records_out()
    {
        using var dir = new TempDir();
        var bank = Reference.PeriodicBank(10, 2);
        var big = "[" + string.Join(",", Enumerable.Repeat("{\"sigma_xy\": 0.25}", 1000)) + "]";
        var back = TrainingBank.Load(Write(dir, "b.npz", bank,
            "{\"class_names\": [\"FCC\", \"CSRO\"], \"classes\": [{\"name\": \"FCC\"}], \"channels\": [\"Co-Co\"], \"preset\": \"cocrni-reference\", \"per_sample\": " + big + "}"));
        Assert.Equal(["Co-Co"], back.Pairs);
        Assert.Equal(["FCC", "CSRO"], back.Classes);
        Assert.Equal("cocrni-reference", back.Metadata["preset"]);
        Assert.False(back.Metadata.ContainsKey("per_sample"));
    }

    [Fact]
    public void Load_rejects_labels_beyond_the_named_classes()
    {
        using var dir = new TempDir();
        var bank = Reference.PeriodicBank(10, 3, classes: 3);
        var path = Write(dir, "b.npz", bank, "{\"classes\": [\"A\", \"B\"]}");
        var ex = Assert.Throws<InputException>(() => TrainingBank.Load(path));
        Assert.Contains("class 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_refuses_banks_with_different_classes()
    {
        var a = Reference.PeriodicBank(10, 1);
        var b = Reference.PeriodicBank(10, 2, classes: 3);
        var ex = Assert.Throws<InputException>(() => TrainingBank.Concat([a, b], ["a.npz", "b.npz"]));
        Assert.Contains("b.npz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("classes", ex.Message, StringComparison.Ordinal);
    }
}
