using System.Text.Json;
using MlApt.Learning;

namespace MlApt.Tests.Cli;

/// <summary>
/// <c>mlapt models</c> against committed snapshots (Snapshots/models.txt, models.json). After a deliberate change
/// (a retrained model, new validation figures), regenerate them with <c>MLAPT_UPDATE_SNAPSHOTS=1 dotnet test</c>.
/// </summary>
public class ModelsCommandTests
{
    private static string Snapshot(string name) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Cli", "Snapshots", name);

    private static void AssertSnapshot(string name, string actual)
    {
        var path = Path.GetFullPath(Snapshot(name));
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("MLAPT_UPDATE_SNAPSHOTS") == "1")
            File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"no snapshot {path}: run MLAPT_UPDATE_SNAPSHOTS=1 dotnet test -c Release -- --filter-class \"*ModelsCommandTests\"");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"mlapt models output differs from {path} (after a deliberate change regenerate with MLAPT_UPDATE_SNAPSHOTS=1):\n{actual}");
    }

    [Fact]
    public void Table_MatchesSnapshot()
    {
        var r = CliRunner.Run("models");
        Assert.Equal(0, r.Exit);
        Assert.Contains("default.safetensors", r.Out, StringComparison.Ordinal);
        AssertSnapshot("models.txt", r.Out);
    }

    [Fact]
    public void Json_MatchesSnapshot_AndListsEveryBuiltInModelWithItsOrder()
    {
        var r = CliRunner.Run("models", "--json");
        Assert.Equal(0, r.Exit);
        AssertSnapshot("models.json", r.Out);
        using var doc = JsonDocument.Parse(r.Out);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(DefaultModel.All.Count(m => m.Available), models.Count);
        foreach (var (m, builtIn) in models.Zip(DefaultModel.All.Where(b => b.Available)))
        {
            Assert.Equal(builtIn.Name, m.GetProperty("name").GetString());
            Assert.Equal(builtIn.Id, m.GetProperty("id").GetString());
            Assert.Equal(builtIn.Order.PoleName, m.GetProperty("pole").GetString());
            Assert.Equal(builtIn.Order.Structure, m.GetProperty("structure").GetString());
            Assert.Equal(builtIn.Order.Element, m.GetProperty("element").GetString());
            Assert.Equal(builtIn.Order.Describe(), m.GetProperty("order").GetString());
            Assert.NotEmpty(m.GetProperty("pairs").EnumerateArray());
        }
    }
}
