using System.Globalization;
using MlApt.Io;

namespace MlApt.Tests.Io;

public class OutputFolderTests
{
    private static string[] Leftovers(string parent) =>
        Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Where(n => n!.Contains(".mlapt", StringComparison.Ordinal)).ToArray()!;

    [Fact]
    public void Commit_swaps_the_new_folder_in_whole_and_leaves_nothing_beside_it()
    {
        using var dir = new TempDir();
        var target = dir.File("out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "summary.json"), "old");
        File.WriteAllText(Path.Combine(target, "stale.npy"), "from an older run");
        using (var folder = OutputFolder.Begin(target, "--out"))
        {
            Assert.NotEqual(Path.GetFullPath(target), folder.Path);
            File.WriteAllText(Path.Combine(folder.Path, "summary.json"), "new");
            Assert.Equal("old", File.ReadAllText(Path.Combine(target, "summary.json")));
            folder.Commit();
            Assert.Equal(Path.Combine(Path.GetFullPath(target), "summary.json"), folder.FinalPath(Path.Combine(folder.Path, "summary.json")));
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "summary.json")));
        Assert.False(File.Exists(Path.Combine(target, "stale.npy")));
        Assert.True(File.Exists(Path.Combine(target, OutputFolder.MarkerName)));
        Assert.Empty(Leftovers(dir.Path));
    }

    [Fact]
    public void A_failed_run_leaves_the_previous_folder_as_it_was_and_no_temporaries()
    {
        using var dir = new TempDir();
        var target = dir.File("out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "summary.json"), "old");
        var e = Assert.Throws<InvalidOperationException>(() => WriteHalfThenFail(target));
        Assert.Equal("disk full", e.Message);
        Assert.Equal(["summary.json"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "summary.json")));
        Assert.Empty(Leftovers(dir.Path));
    }

    private static void WriteHalfThenFail(string target)
    {
        using var folder = OutputFolder.Begin(target, "--out");
        File.WriteAllText(Path.Combine(folder.Path, "summary.json"), "half");
        throw new InvalidOperationException("disk full");
    }

    [Fact]
    public void A_crashed_runs_temporaries_and_lock_are_cleaned_by_the_next_run()
    {
        using var dir = new TempDir();
        var target = dir.File("out");
        // What a killed run leaves: its partial folder, a folder moved aside, and its lock with a dead process id.
        Directory.CreateDirectory(dir.File(".out.mlapt-99999-0badf00d.partial"));
        File.WriteAllText(Path.Combine(dir.File(".out.mlapt-99999-0badf00d.partial"), "x.npy"), "half");
        Directory.CreateDirectory(dir.File(".out.mlapt-99998-deadbeef.old"));
        File.WriteAllText(dir.File(".out.mlapt.lock"), DeadProcessLock());
        using (var folder = OutputFolder.Begin(target, "--out"))
            folder.Commit();
        Assert.True(Directory.Exists(target));
        Assert.Empty(Leftovers(dir.Path));
    }

    [Fact]
    public void A_folder_in_use_by_a_live_process_is_refused_with_its_id()
    {
        using var dir = new TempDir();
        var target = dir.File("out");
        using var first = OutputFolder.Begin(target, "--out");
        var e = Assert.Throws<InputException>(() => OutputFolder.Begin(target, "--out"));
        Assert.StartsWith("--out: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("another mlapt run (process " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => OutputFolder.Check(target, "--out"));
        first.Dispose();
        using var second = OutputFolder.Begin(target, "--out");
    }

    [Fact]
    public void Bad_targets_are_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        var file = dir.File("a.pos");
        File.WriteAllText(file, "x");
        Assert.Contains("is a file", Assert.Throws<InputException>(() => OutputFolder.Begin(file, "--out")).Message, StringComparison.Ordinal);
        Assert.Contains("lies under the file", Assert.Throws<InputException>(() => OutputFolder.Begin(Path.Combine(file, "sub"), "--out")).Message, StringComparison.Ordinal);
        // A folder of someone's own files is never replaced whole.
        var mine = dir.File("mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "thesis.tex"), "precious");
        Assert.Contains("other files", Assert.Throws<InputException>(() => OutputFolder.Begin(mine, "--out")).Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(mine, "thesis.tex")));
        Assert.Contains("is a folder", Assert.Throws<InputException>(() => OutputFolder.CheckFile(mine, "--out")).Message, StringComparison.Ordinal);
        Assert.Contains("lies under the file", Assert.Throws<InputException>(() => OutputFolder.CheckFile(Path.Combine(file, "m.safetensors"), "--out")).Message, StringComparison.Ordinal);
        Assert.Equal(["a.pos", "mine"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A lock whose process is gone: this process's id with another start time is what a reused id looks like
    /// after the owner died, so it must count as dead too.
    /// </summary>
    private static string DeadProcessLock() => string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} 1\n");
}
