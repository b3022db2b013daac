using System.Text.RegularExpressions;

namespace MlApt.Tests.Docs;

/// <summary>
/// The user's documentation (README.md and docs/*.md) stands alone and stays true: short README, no words
/// from the development process, links and images that exist, and every <c>mlapt</c> command line it shows
/// names a real command and real options.
/// </summary>
public partial class DocsTests
{
    private static string Root => SharedData.RepoRoot;

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root, f).Replace('\\', '/'));
        return data;
    }

    private static string Read(string page) => File.ReadAllText(Path.Combine(Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Readme_IsShortAndKeepsTheTwoSetUpCommands()
    {
        var readme = Read("README.md");
        var lines = readme.TrimEnd('\n').Split('\n').Length;
        Assert.True(lines <= 200, $"README.md has {lines} lines; keep it at most 200 and move detail to docs/");
        // .ci/run and a newcomer both rely on these two commands.
        Assert.Contains("dotnet run --project src/MlApt.Cli -c Release -- run", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test -c Release", readme, StringComparison.Ordinal);
        Assert.Matches(@"!\[[^\]]+\]\(docs/[^)]+\.png\)|<img [^>]*src=""docs/[^""]+\.png""", readme);
    }

    [Fact]
    public void Docs_HaveTheAgreedPages()
    {
        foreach (var page in new[] { "getting-started", "cli", "outputs", "method", "exactness", "validation", "performance", "beyond-one-machine", "architecture" })
            Assert.True(File.Exists(Path.Combine(Root, "docs", page + ".md")), $"docs/{page}.md is missing");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_StandsAlone(string page)
    {
        var text = Read(page);
        foreach (var (pattern, why) in new[]
                 {
                     (@"\bissues?\b", "process words (issue numbers) mean nothing to a user"),
                     (@"METHOD", "the specification is not part of the repository: describe the method in docs/method.md"),
                     (@"\.\./shared|shared/data", "a user's clone has no ../shared"),
                 })
        {
            var m = Regex.Match(text, pattern, pattern == "METHOD" ? RegexOptions.None : RegexOptions.IgnoreCase);
            Assert.False(m.Success, $"{page}: line {Line(text, m.Index)} contains \"{m.Value}\": {why}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_LinksAndImagesExist(string page)
    {
        var text = Read(page);
        var dir = Path.GetDirectoryName(Path.Combine(Root, page))!;
        foreach (Match m in Link().Matches(StripCode(text)))
        {
            var target = m.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                continue;
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash >= 0 ? target[..hash] : target;
            var anchor = hash >= 0 ? target[(hash + 1)..] : null;
            var full = file.Length == 0 ? Path.Combine(Root, page) : Path.GetFullPath(Path.Combine(dir, file));
            Assert.True(File.Exists(full) || Directory.Exists(full), $"{page}: line {Line(text, m.Index)} links to {target}, which does not exist");
            if (anchor is not null && full.EndsWith(".md", StringComparison.Ordinal))
            {
                var anchors = Headings().Matches(File.ReadAllText(full)).Select(h => Slug(h.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
                Assert.True(anchors.Contains(anchor), $"{page}: line {Line(text, m.Index)} links to #{anchor}, a heading {file} does not have");
            }
        }
    }

    /// <summary>Every <c>mlapt COMMAND --option …</c> shown in the docs names a command and options its --help lists.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_CommandLinesNameRealCommandsAndOptions(string page)
    {
        // docs/cli.md is the help itself (its usage lines read "mlapt map <recon> [OPTIONS]").
        Assert.SkipWhen(page == "docs/cli.md", "docs/cli.md is generated from --help");
        var commands = CliReference.Commands().ToHashSet(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Read(page);
        foreach (var (line, at) in CommandLines(text))
        {
            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = tokens[1];
            Assert.True(commands.Contains(command), $"{page}: line {Line(text, at)}: `mlapt {command}` is not a command (mlapt --help lists {string.Join(", ", commands)})");
            if (!help.TryGetValue(command, out var h))
                help[command] = h = CliReference.Help(command);
            foreach (var option in tokens.Skip(2).Select(t => OptionName().Match(t)).Where(o => o.Success).Select(o => o.Value))
                Assert.True(Regex.IsMatch(h, $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])"),
                    $"{page}: line {Line(text, at)}: `mlapt {command}` has no option {option} (see mlapt {command} --help)");
        }
    }

    /// <summary>The command lines of a page: lines of code blocks and inline code spans that start with <c>mlapt </c>.</summary>
    internal static IEnumerable<(string Line, int At)> CommandLines(string text)
    {
        var inBlock = false;
        var offset = 0;
        string? pending = null;
        var pendingAt = 0;
        foreach (var raw in text.Split('\n'))
        {
            var at = offset;
            offset += raw.Length + 1;
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock)
            {
                var line = raw.Trim();
                if (pending is not null)
                {
                    (line, at) = (pending + " " + line, pendingAt);
                    pending = null;
                }
                if (line.EndsWith('\\'))
                {
                    (pending, pendingAt) = (line[..^1], at);
                    continue;
                }
                var comment = line.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0) line = line[..comment];
                if (line.StartsWith("mlapt ", StringComparison.Ordinal))
                    yield return (line, at);
                continue;
            }
            foreach (Match m in InlineCommand().Matches(raw))
                yield return (m.Groups[1].Value, at + m.Index);
        }
    }

    private static string StripCode(string text) => Regex.Replace(Regex.Replace(text, "```.*?```", m => new string(' ', m.Length), RegexOptions.Singleline),
        "`[^`\n]*`", m => new string(' ', m.Length));

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    internal static string Slug(string heading)
    {
        var s = Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", "");
        return Regex.Replace(s, @"\s", "-");
    }

    private static int Line(string text, int index) => text.AsSpan(0, Math.Max(0, index)).Count('\n') + 1;

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)\)|<img [^>]*src=""(?<target>[^""]+)""")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"`(mlapt [a-z][^`]*)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"^(--[a-z][a-z0-9-]*|-[a-zA-Z])(?=$|[=\s])")]
    private static partial Regex OptionName();
}
