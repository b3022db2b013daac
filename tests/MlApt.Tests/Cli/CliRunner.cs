using MlApt.Cli;

namespace MlApt.Tests.Cli;

/// <summary>Runs <c>mlapt</c> in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int Exit, string Out, string Err);

    public static Result Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var exit = MlAptApp.Run(args, o, e);
        return new Result(exit, o.ToString(), e.ToString());
    }

    /// <summary>Asserts exit code 2 and exactly one line on stderr that contains every fragment.</summary>
    public static void AssertBadInput(Result r, params string[] fragments)
    {
        Assert.Equal(2, r.Exit);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("mlapt: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        foreach (var f in fragments)
            Assert.Contains(f, lines[0], StringComparison.Ordinal);
    }
}
