namespace MlApt.Tests.Cli;

/// <summary>The documented <c>--a</c> spelling of the lattice parameter (the parser only allows <c>-a</c>).</summary>
public class ArgumentAliasTests
{
    [Theory]
    [InlineData("--a", "0.347")]
    [InlineData("--a=0.347", null)]
    public void Bank_AcceptsDoubleDashA(string option, string? value)
    {
        using var dir = new TempDir();
        string[] args = ["bank", "--structure", "fcc,l12", "--element", "Co", "--sigma-xy", "0.3", "--sigma-z", "0.03", "--eta", "0.5",
            "--out", dir.File("b.npz"), "--json", option];
        if (value is not null) args = [.. args, value];
        var r = CliRunner.Run(args);
        Assert.True(r.Exit == 0, r.Err);
        var metadata = MlApt.Io.Npz.Read(dir.File("b.npz")).Texts["metadata.json"];
        Assert.Contains("0.347", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void Mc_AcceptsDoubleDashA()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("mc", "--lattice", "fcc", "--cells", "3", "--a", "0.352", "--composition", "Co:1,Ni:1", "--temperature", "1000",
            "--sweeps", "2", "--out", dir.File("c.extxyz"), "--json");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("10.56 0 0", File.ReadAllText(dir.File("c.extxyz")).Split('\n')[1], StringComparison.Ordinal);
    }
}
