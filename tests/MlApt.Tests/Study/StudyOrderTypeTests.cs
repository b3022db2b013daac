using System.Globalization;
using MlApt.Study;

namespace MlApt.Tests.Study;

/// <summary>One alloy measured along ⟨001⟩ and along ⟨111⟩: the study reports each order type on its own.</summary>
public class StudyOrderTypeTests
{
    private const string L12 = "L1₂-type Ni order along ⟨001⟩";
    private const string L11 = "L1₁-type Ni order along ⟨111⟩";

    [Fact]
    public void TwoMapColumns_GiveEachOrderTypeItsVolumeFractionDensityAndSize()
    {
        using var dir = new TempDir();
        string[] six = ["Ni-Ni", "Co-Co", "Cr-Cr", "Ni-Co", "Ni-Cr", "Co-Cr"];
        var rows = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            StudyFiles.Map(dir.File($"s{i}-001"), six, 0.02 + 0.01 * i, domains: 5 + i, density: (1 + i) * 1e24, radius: 0.9, order: L12);
            StudyFiles.Map(dir.File($"s{i}-111"), six, 0.05 - 0.01 * i, domains: 8 - i, density: (4 - i) * 1e24, radius: 1.1, order: L11);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"S{i},s{i}-001,s{i}-111,{600 + 100 * i}"));
        }
        File.WriteAllText(dir.File("samples.csv"), "name,map,map 111,anneal T [K]\n" + string.Join("\n", rows) + "\n");
        var study = StudyAnalysis.Run(SampleTable.Load(dir.File("samples.csv")), []);

        foreach (var (order, first, step) in new[] { (L12, 2.0, 1.0), (L11, 5.0, -1.0) })
        {
            var vf = study.Variables.Single(v => v.Name == $"{order} CSRO volume fraction");
            Assert.Equal([first, first + step, first + 2 * step, first + 3 * step], vf.Values.Select(v => Math.Round(v, 9)));
            Assert.Contains(study.Variables, v => v.Name == $"{order} domain number density");
            Assert.Contains(study.Variables, v => v.Name == $"{order} mean domain radius");
        }
        Assert.DoesNotContain(study.Variables, v => v.Name.StartsWith("Ni-Ni", StringComparison.Ordinal));
        Assert.Equal([L12, L11], study.Metrics[0].Select(m => m.Analysis));
        // The processing column is a variable; the second map column is not.
        Assert.Contains(study.Variables, v => v.Name == "anneal T");
        Assert.DoesNotContain(study.Variables, v => v.Name.StartsWith("map", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(study.Relationships, r => r.X.Name == "anneal T" && r.Y.Name == $"{L11} CSRO volume fraction" && r.Pearson.R < -0.99);
    }
}
