using MlApt.Io;
using MlApt.Study;

namespace MlApt.Tests.Study;

public class MapSummaryReaderTests
{
    private static IReadOnlyList<CsroMetrics> Read(string path) => MapSummaryReader.Read(path, "samples.csv", 3, "map");

    [Fact]
    public void Folder_GivesTheMetricsOfItsSummary()
    {
        using var dir = new TempDir();
        var m = Assert.Single(Read(StudyFiles.Map(dir.File("a"), ["Ni-Ni"], 0.1, domains: 4, density: 2e24, radius: 0.8)));
        Assert.Equal("Ni-Ni", m.Pairs);
        Assert.Equal(0.1, m.VolumeFraction);
        Assert.Equal(2e24, m.DomainNumberDensity);
        Assert.Equal(0.8, m.MeanDomainRadius);
        Assert.True(double.IsNaN(m.ExcessVolumeFraction));
        Assert.Equal(0, m.ControlPermutations);
    }

    [Fact]
    public void SummaryFile_MayBeGivenDirectly()
    {
        using var dir = new TempDir();
        StudyFiles.Map(dir.File("a"), ["Ni-Ni", "Co-Co"], 0.1);
        Assert.Equal("Ni-Ni+Co-Co", Assert.Single(Read(Path.Combine(dir.File("a"), "summary.json"))).Pairs);
    }

    [Fact]
    public void ControlPermutations_GiveTheVolumeFractionAndExcessUncertainty()
    {
        using var dir = new TempDir();
        var m = Assert.Single(Read(StudyFiles.Map(dir.File("a"), ["Ni-Ni"], 0.1, controls: [0.01, 0.02, 0.03])));
        Assert.Equal(0.01, m.VolumeFractionStd, 1e-15);
        Assert.Equal(0.08, m.ExcessVolumeFraction, 1e-15);
        Assert.Equal(0.01 * Math.Sqrt(1 + 1.0 / 3), m.ExcessStd, 1e-15);
        Assert.Equal(3, m.ControlPermutations);
    }

    [Fact]
    public void DomainCount_GivesThePoissonUncertaintyOfTheDensity()
    {
        using var dir = new TempDir();
        var m = Assert.Single(Read(StudyFiles.Map(dir.File("a"), ["Ni-Ni"], 0.1, domains: 4, density: 2e24)));
        Assert.Equal(1e24, m.DomainNumberDensityStd, 1e9);
    }

    [Fact]
    public void DomainsCsv_GivesTheStandardErrorOfTheMeanRadius()
    {
        using var dir = new TempDir();
        var m = Assert.Single(Read(StudyFiles.Map(dir.File("a"), ["Ni-Ni"], 0.1, radii: [0.5, 0.7, 0.9])));
        Assert.Equal(0.2 / Math.Sqrt(3), m.MeanDomainRadiusStd, 1e-12);
    }

    [Fact]
    public void NoDomains_LeaveTheRadiusUndefined()
    {
        using var dir = new TempDir();
        var m = Assert.Single(Read(StudyFiles.Map(dir.File("a"), ["Ni-Ni"], 0.0, domains: 0, density: 0)));
        Assert.True(double.IsNaN(m.MeanDomainRadius));
    }

    [Fact]
    public void Index_ReadsEveryAnalysisFolder()
    {
        using var dir = new TempDir();
        var root = dir.File("multi");
        StudyFiles.Map(Path.Combine(root, "Ni-Ni"), ["Ni-Ni"], 0.1);
        StudyFiles.Map(Path.Combine(root, "Co-Co"), ["Co-Co"], 0.2);
        File.WriteAllText(Path.Combine(root, "summary.json"),
            """{"reconstruction":"x.pos","analyses":[{"pairs":"Ni-Ni","folder":"Ni-Ni","csro_volume_fraction":0.1},{"pairs":"Co-Co","folder":"Co-Co","csro_volume_fraction":0.2}]}""");
        var m = Read(root);
        Assert.Equal(["Ni-Ni", "Co-Co"], m.Select(a => a.Pairs));
        Assert.Equal([0.1, 0.2], m.Select(a => a.VolumeFraction));
    }

    [Fact]
    public void MissingMap_NamesTheCell()
    {
        var e = Assert.Throws<InputException>(() => Read("/nonexistent/map"));
        Assert.StartsWith("samples.csv: row 3, column 'map': '/nonexistent/map' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutSummary_NamesTheCell()
    {
        using var dir = new TempDir();
        Assert.Contains("has no summary.json", Assert.Throws<InputException>(() => Read(dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJson_NamesTheCellAndFile()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("summary.json"), "{ not json");
        var e = Assert.Throws<InputException>(() => Read(dir.Path));
        Assert.Contains("row 3, column 'map'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignJson_IsRefused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("summary.json"), """{"hello": 1}""");
        Assert.Contains("not a summary of mlapt map", Assert.Throws<InputException>(() => Read(dir.Path)).Message, StringComparison.Ordinal);
    }
}
