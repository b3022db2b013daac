namespace MlApt.Tests.Docs;

public class CliReferenceTests
{
    [Fact]
    public void CliReference_MatchesTheHelpOfEveryCommand()
    {
        var expected = CliReference.Render();
        var path = CliReference.PathInRepo;
        if (Environment.GetEnvironmentVariable(CliReference.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.True(actual == expected,
            $"docs/cli.md is stale (it must equal the --help of every command). Regenerate it from the repository root with: {CliReference.RegenerateCommand}");
    }

    [Fact]
    public void CliReference_HasOneSectionPerCommand()
    {
        var commands = CliReference.Commands();
        foreach (var c in new[] { "run", "info", "ranges", "zsdm", "sdm", "map", "merge", "simulate", "validate", "bank", "train", "predict", "explain", "study", "mc", "sro" })
            Assert.Contains(c, commands);
        var page = CliReference.Render();
        foreach (var c in commands)
        {
            Assert.Contains($"\n## mlapt {c}\n", page, StringComparison.Ordinal);
            Assert.Contains($"mlapt {c}", CliReference.Help(c), StringComparison.Ordinal);
        }
    }
}
