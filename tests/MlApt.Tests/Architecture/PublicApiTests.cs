using PublicApiGenerator;

namespace MlApt.Tests.Architecture;

/// <summary>
/// The library's public surface is deliberate: what a user scripting it needs (read files, compute z-SDMs, map,
/// simulate, validate), not its plumbing. Any change to it shows up here as a diff against the approved text,
/// to be accepted on purpose.
/// </summary>
public class PublicApiTests
{
    private const string UpdateVariable = "MLAPT_UPDATE_API";

    private static string ApprovedPath => Path.Combine(SharedData.RepoRoot, "tests", "MlApt.Tests", "Architecture", "MlApt.Core.approved.txt");

    [Fact]
    public void Public_api_matches_the_approved_text()
    {
        var actual = Normalise(typeof(MlApt.Io.IonFile).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ApprovedPath, actual);
            return;
        }
        var approved = File.Exists(ApprovedPath) ? Normalise(File.ReadAllText(ApprovedPath)) : "";
        if (approved == actual)
            return;
        var (a, b) = (approved.Split('\n'), actual.Split('\n'));
        var removed = a.Except(b).Take(15).Select(l => "- " + l.Trim());
        var added = b.Except(a).Take(15).Select(l => "+ " + l.Trim());
        Assert.Fail($"The public API of MlApt.Core changed (first differences below). If the change is deliberate, update the approved text with\n"
            + $"  {UpdateVariable}=1 dotnet test -c Release -- --filter-class \"*PublicApiTests\"\nand commit {Path.GetRelativePath(SharedData.RepoRoot, ApprovedPath)}; "
            + "prefer internal (the library grants InternalsVisibleTo to mlapt, the tests and the benchmarks) for what only the command line needs.\n"
            + string.Join("\n", removed.Concat(added)));
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
