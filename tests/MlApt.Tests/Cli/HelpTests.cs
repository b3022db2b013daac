namespace MlApt.Tests.Cli;

public class HelpTests
{
    [Fact]
    public void RootHelp_ListsCommands()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.Exit);
        foreach (var c in new[] { "run", "info", "ranges", "simulate", "validate", "map" })
            Assert.Contains(c, r.Out, StringComparison.Ordinal);
        Assert.Contains("mlapt", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void InfoHelp_DescribesEveryOption()
    {
        var r = CliRunner.Run("info", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--ranges", "--strict-ranges", "--json", "--verbose", "<file>" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
        Assert.Contains("AP Suite", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RangesHelp_DescribesJson()
    {
        var r = CliRunner.Run("ranges", "--help");
        Assert.Equal(0, r.Exit);
        Assert.Contains("--json", r.Out, StringComparison.Ordinal);
        Assert.Contains("--strict-ranges", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_IsOneLineExit2()
    {
        CliRunner.AssertBadInput(CliRunner.Run("frobnicate"), "frobnicate");
    }
}

public class SimulateHelpTests
{
    [Fact]
    public void SimulateHelp_NamesEveryOption()
    {
        var r = CliRunner.Run("simulate", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--out", "--size", "--lattice", "--lattice-parameter", "--composition", "--domains", "--radius", "--element",
            "--structure", "--order", "--eta", "--sigma-xy", "--sigma-z", "--orientation", "--seed" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }
}
