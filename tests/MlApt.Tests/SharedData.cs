namespace MlApt.Tests;

/// <summary>
/// Locates the workspace's read-only reference data at <c>../shared/data</c> (relative to the
/// repository root). A user's clone does not have it, so tests that need it skip with the reason.
/// </summary>
internal static class SharedData
{
    /// <summary>The repository root (the folder holding MlApt.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>../shared/data</c> beside the repository root (may not exist).</summary>
    public static string DataDir { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The full path of a reference file; skips the calling test when it is absent.</summary>
    public static string Require(string relative)
    {
        var path = Path.Combine(DataDir, relative);
        Assert.SkipUnless(File.Exists(path) || Directory.Exists(path),
            $"reference data not found at {path}: ../shared/data exists only in the development workspace and CI");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MlApt.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MlApt.slnx not found above " + AppContext.BaseDirectory);
    }
}
