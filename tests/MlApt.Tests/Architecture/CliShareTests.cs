namespace MlApt.Tests.Architecture;

/// <summary>
/// The command line stays a thin adapter (settings → library call → output): its share of the C# lines under
/// src/ is capped, so that pipeline logic added to a command shows up here and moves into the library.
/// </summary>
public class CliShareTests
{
    /// <summary>The cap: at most this fraction of the source lines may be the command line's.</summary>
    private const double MaxCliShare = 0.12;

    [Fact]
    public void Command_line_is_at_most_twelve_percent_of_the_source_lines()
    {
        var src = Path.Combine(SharedData.RepoRoot, "src");
        var cli = Lines(Path.Combine(src, "MlApt.Cli"));
        var all = Lines(src);
        var share = (double)cli / all;
        Assert.True(share <= MaxCliShare,
            $"src/MlApt.Cli has {cli} of the {all} C# lines under src/ ({share:P1}); at most {MaxCliShare:P0}: move pipeline logic from the commands into the library (src/MlApt), leaving settings → library call → output");
    }

    /// <summary>Newlines in the .cs files below <paramref name="dir"/>, build output excluded (as <c>wc -l</c> counts them).</summary>
    private static long Lines(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Sum(f => (long)File.ReadAllText(f).Count(c => c == '\n'));
}
