using MlApt.Tests.Cli;

namespace MlApt.Tests.Docs;

/// <summary>
/// The README's "map your own data" lines run as written on a small simulated specimen named like the
/// README's files; lines that need a file a user brings (their own model, an .apt file) are skipped.
/// </summary>
public class ReadmeExampleTests
{
    [Fact]
    public void MapYourOwnData_CommandsRunAsWritten()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("## Map your own", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"Map your own\" section");
        var section = readme[start..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var lines = DocsTests.CommandLines(section).Select(l => l.Line).ToList();
        Assert.True(lines.Count >= 2, "the section shows at least the info and map commands");

        using var tmp = new TempDir();
        var sim = CliRunner.Run("simulate", "--out", tmp.File("run.pos"), "--size", "8,8,10", "--domains", "2", "--radius", "1.5", "--seed", "3");
        Assert.True(sim.Exit == 0, sim.Err);
        var ran = 0;
        foreach (var line in lines)
        {
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a.StartsWith("run", StringComparison.Ordinal) || a.EndsWith(".safetensors", StringComparison.Ordinal) ? tmp.File(a) : a)
                .ToArray();
            var inputs = args.Where(a => a.StartsWith(tmp.Path, StringComparison.Ordinal) && Path.HasExtension(a)).ToList();
            // A user's own files, and a box sized for a full reconstruction (slow on this small specimen; the
            // figures of a box reaching beyond the ions are tested in MapFigureTests), are skipped.
            if (inputs.Any(f => !File.Exists(f)) || args.Contains("--box"))
                continue;
            var r = CliRunner.Run(args);
            Assert.True(r.Exit == 0, $"README: `{line}` failed with exit {r.Exit}: {r.Err}");
            ran++;
        }
        Assert.True(ran >= 2, $"only {ran} README lines could run");
        Assert.True(File.Exists(tmp.File("run-map/summary.json")), "the README's map writes run-map/summary.json");
        Assert.NotEmpty(Directory.GetFiles(tmp.File("run-map"), "*.png"));
    }
}
