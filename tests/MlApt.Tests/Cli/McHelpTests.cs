namespace MlApt.Tests.Cli;

public class McHelpTests
{
    [Fact]
    public void McHelp_DescribesEveryOption()
    {
        var r = CliRunner.Run("mc", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--lattice", "--cells", "--lattice-parameter", "--composition", "--pair", "--temperature", "--sweeps", "--average", "--seed", "--out", "--trace", "--json" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SroHelp_DescribesShellsAndJson()
    {
        var r = CliRunner.Run("sro", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "<file>", "--shells", "--json" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }
}
