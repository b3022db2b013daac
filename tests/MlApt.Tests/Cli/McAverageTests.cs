namespace MlApt.Tests.Cli;

public class McAverageTests
{
    [Fact]
    public void Average_WithoutInteractionsGivesNearZeroAlphas()
    {
        // The random-alloy check through the command line: 10³ FCC cells, no interactions,
        // α averaged over 40 configurations (one alone scatters by about ±0.01).
        using var dir = new TempDir();
        var r = CliRunner.Run("mc", "--cells", "10", "--composition", "Co:1,Cr:1,Ni:1", "--temperature", "1000",
            "--sweeps", "40", "--average", "40", "--out", dir.File("cfg.extxyz"), "--json");
        Assert.Equal(0, r.Exit);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        foreach (var shell in doc.RootElement.GetProperty("warren_cowley").EnumerateObject())
            foreach (var pair in shell.Value.EnumerateObject())
                Assert.InRange(pair.Value.GetDouble(), -0.02, 0.02);
        Assert.Equal(1.0, doc.RootElement.GetProperty("acceptance").GetDouble());
    }

    [Fact]
    public void Average_BeyondTheSweeps_IsOneLineAndExitTwo()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("mc", "--composition", "Co:1,Ni:1", "--temperature", "500", "--sweeps", "5", "--average", "6", "--out", dir.File("c.extxyz"));
        CliRunner.AssertBadInput(r, "--average 6");
    }
}
