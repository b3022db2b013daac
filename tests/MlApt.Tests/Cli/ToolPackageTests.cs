using System.Diagnostics;

namespace MlApt.Tests.Cli;

/// <summary>
/// The CLI packs as a .NET tool that installs and runs: <c>dotnet pack</c> (of the build the tests already
/// made), <c>dotnet tool install --tool-path</c>, <c>mlapt --version</c>. It starts three dotnet processes
/// and takes tens of seconds, so it runs when MLAPT_TOOL_TEST=1 and is skipped otherwise.
/// </summary>
public class ToolPackageTests
{
    private static (int Exit, string Output) Run(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MlApt.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MlApt.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void PacksInstallsAndReportsItsVersion()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("MLAPT_TOOL_TEST") == "1",
            "packs and installs the tool (tens of seconds); set MLAPT_TOOL_TEST=1 to run");
        using var dir = new TempDir();
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var feed = dir.File("feed");
        var pack = Run("dotnet", $"pack src/MlApt.Cli/MlApt.Cli.csproj -c {configuration} --no-build -o \"{feed}\"", root);
        Assert.True(pack.Exit == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "mlapt.*.nupkg"));

        var tools = dir.File("tools");
        var version = Path.GetFileNameWithoutExtension(package)["mlapt.".Length..];
        var install = Run("dotnet", $"tool install mlapt --tool-path \"{tools}\" --add-source \"{feed}\" --version {version}", dir.Path);
        Assert.True(install.Exit == 0, install.Output);

        var exe = Path.Combine(tools, OperatingSystem.IsWindows() ? "mlapt.exe" : "mlapt");
        var run = Run(exe, "--version", dir.Path);
        Assert.True(run.Exit == 0, run.Output);
        Assert.Equal(MlApt.Numerics.Provenance.Version, run.Output.Trim());
        Assert.StartsWith(version, run.Output.Trim(), StringComparison.Ordinal);
        var help = Run(exe, "convert --help", dir.Path);
        Assert.True(help.Exit == 0 && help.Output.Contains("NXapm", StringComparison.Ordinal), help.Output);
    }
}
