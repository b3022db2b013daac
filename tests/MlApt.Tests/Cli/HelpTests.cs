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

public class EveryCommandHelpTests
{
    /// <summary>Descriptions are Spectre markup: an unescaped bracket breaks a command's help.</summary>
    [Theory]
    [InlineData("run")] [InlineData("info")] [InlineData("ranges")] [InlineData("zsdm")] [InlineData("sdm")] [InlineData("bank")]
    [InlineData("train")] [InlineData("predict")] [InlineData("explain")] [InlineData("map")] [InlineData("merge")] [InlineData("simulate")]
    [InlineData("validate")] [InlineData("mc")] [InlineData("sro")] [InlineData("study")]
    public void Help_RendersAndDescribesTheCommand(string command)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("USAGE", r.Out, StringComparison.Ordinal);
        Assert.Contains("--verbose", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MapHelp_DescribesSlabs()
    {
        var r = CliRunner.Run("map", "--help");
        Assert.Contains("--slab", r.Out, StringComparison.Ordinal);
        Assert.Contains("mlapt merge", r.Out, StringComparison.Ordinal);
    }
}
