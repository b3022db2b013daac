using System.Text;
using System.Text.RegularExpressions;
using MlApt.Tests.Cli;

namespace MlApt.Tests.Docs;

/// <summary>
/// The command reference, docs/cli.md, rendered from the program's own <c>--help</c> output: the root help,
/// then one section per command in the order the root help lists them.
/// </summary>
internal static partial class CliReference
{
    /// <summary>Setting this environment variable to 1 makes the staleness test rewrite docs/cli.md.</summary>
    public const string UpdateVariable = "MLAPT_UPDATE_DOCS";

    public static string PathInRepo => Path.Combine(SharedData.RepoRoot, "docs", "cli.md");

    /// <summary>The commands, in the order <c>mlapt --help</c> lists them.</summary>
    public static IReadOnlyList<string> Commands() => CommandNames(Help());

    /// <summary>The help of the root (no arguments) or of one command, with trailing blanks removed.</summary>
    public static string Help(params string[] command)
    {
        var r = CliRunner.Run([.. command, "--help"]);
        if (r.Exit != 0)
            throw new InvalidOperationException($"mlapt {string.Join(' ', command)} --help exited with {r.Exit}: {r.Err}");
        var lines = r.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    /// <summary>The whole page.</summary>
    public static string Render()
    {
        var root = Help();
        var sb = new StringBuilder();
        sb.Append("# Command reference\n\n");
        sb.Append("Every command and option of `mlapt`, as its `--help` prints them. [Using the commands](commands.md)\n");
        sb.Append("explains what the commands do; [outputs](outputs.md) describes the files they write.\n\n");
        sb.Append("<!-- Generated from the program's --help by tests/MlApt.Tests/Docs/CliReferenceTests.cs; do not edit by hand.\n");
        sb.Append("     Regenerate: " + RegenerateCommand + " -->\n\n");
        sb.Append("```text\n").Append(root).Append("\n```\n");
        foreach (var command in CommandNames(root))
            sb.Append("\n## mlapt ").Append(command).Append("\n\n```text\n").Append(Help(command)).Append("\n```\n");
        return sb.ToString();
    }

    public const string RegenerateCommand = UpdateVariable + "=1 dotnet test -c Release -- --filter-class \"*CliReferenceTests\"";

    private static List<string> CommandNames(string rootHelp)
    {
        var section = rootHelp[(rootHelp.IndexOf("COMMANDS:", StringComparison.Ordinal) + "COMMANDS:".Length)..];
        return CommandLine().Matches(section).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^    ([a-z][a-z0-9-]*)\b", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
