using System.Globalization;
using System.Text;
using MlApt.Io;
using MlApt.Study;

namespace MlApt.Tests.Study;

public class StudyAnalysisTests
{
    private static CsroMetrics Metrics(double fraction, string pairs = "Ni-Ni", double radius = 0.8, double density = 2e24) =>
        new(pairs, fraction, 0.001, fraction - 0.01, 0.0012, density, density / 2, radius, 0.05, 3, 0.25, 0.02, "summary.json");

    private static SampleTable Table(string header, IEnumerable<string> rows) =>
        SampleTable.Parse(header + "\n" + string.Join("\n", rows) + "\n", "samples.csv", "/data");

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A synthetic study: volume fraction (fraction) = 0.02 + 1e-4·T + noise, resistivity = 100 + 2·(volume fraction in %) + noise.
    /// </summary>
    private static (StudyAnalysis Study, double[] T, double[] Vf) Synthetic(int seed, int n = 10)
    {
        var rng = new Random(seed);
        var t = Enumerable.Range(0, n).Select(i => 500.0 + 80 * i).ToArray();
        var vf = t.Select(x => 0.02 + 1e-4 * x + 0.004 * LinearFitTests.Gaussian(rng)).ToArray();
        var rho = vf.Select(f => 100 + 2 * (100 * f) + 0.5 * LinearFitTests.Gaussian(rng)).ToArray();
        var noise = Enumerable.Range(0, n).Select(_ => LinearFitTests.Gaussian(rng)).ToArray();
        var table = Table("name,map,anneal T [K],resistivity [µΩ cm],unrelated",
            Enumerable.Range(0, n).Select(i => $"S{i},m{i},{F(t[i])},{F(rho[i])},{F(noise[i])}"));
        var study = StudyAnalysis.Build(table, vf.Select(f => (IReadOnlyList<CsroMetrics>)[Metrics(f)]).ToList(), ["unrelated", "resistivity"]);
        return (study, t, vf);
    }

    private static Relationship Find(StudyAnalysis s, string y, string x) =>
        s.Relationships.Single(r => r.Y.Name == y && r.X.Name == x);

    [Fact]
    public void ProcessingToCsro_KnownSlopeIsInsideItsInterval()
    {
        var r = Find(Synthetic(1).Study, "Ni-Ni CSRO volume fraction", "anneal T");
        // 1e-4 per K as a fraction is 1e-2 %/K.
        Assert.InRange(0.01, r.Fit.Slope - r.Fit.SlopeHalfWidth, r.Fit.Slope + r.Fit.SlopeHalfWidth);
        Assert.True(r.Pearson.P < 0.01);
        Assert.Equal("processing → CSRO", r.Kind);
    }

    [Fact]
    public void CsroToProperty_KnownSlopeIsInsideItsInterval()
    {
        var r = Find(Synthetic(2).Study, "resistivity", "Ni-Ni CSRO volume fraction");
        Assert.InRange(2.0, r.Fit.Slope - r.Fit.SlopeHalfWidth, r.Fit.Slope + r.Fit.SlopeHalfWidth);
        Assert.Equal("CSRO → property", r.Kind);
    }

    [Fact]
    public void ProcessingToCsro_TrueCorrelationIsInsideTheFisherInterval()
    {
        var (study, t, _) = Synthetic(3);
        // With a fixed design the population correlation is b·σx / √(b²σx² + σ²).
        var mean = t.Average();
        var sx = Math.Sqrt(t.Sum(x => (x - mean) * (x - mean)) / t.Length);
        var b = 1e-4;
        var rho = b * sx / Math.Sqrt(b * b * sx * sx + 0.004 * 0.004);
        var (lo, hi) = Find(study, "Ni-Ni CSRO volume fraction", "anneal T").Pearson.FisherInterval95;
        Assert.InRange(rho, lo, hi);
    }

    [Fact]
    public void UnrelatedProperty_IsNotSignificant()
    {
        var r = Find(Synthetic(4).Study, "unrelated", "Ni-Ni CSRO volume fraction");
        Assert.True(r.Pearson.P > 0.05, r.Pearson.P.ToString(CultureInfo.InvariantCulture));
        Assert.True(r.Spearman.P > 0.05, r.Spearman.P.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PerfectlyUncorrelatedProperty_HasPOfOne()
    {
        var vf = new[] { 0.01, 0.02, 0.03, 0.04, 0.05 };
        var table = Table("name,map,hardness [GPa]", ["A,a,2", "B,b,1", "C,c,0", "D,d,1", "E,e,2"]);
        var s = StudyAnalysis.Build(table, vf.Select(f => (IReadOnlyList<CsroMetrics>)[Metrics(f)]).ToList(), ["hardness"]);
        var r = Find(s, "hardness", "Ni-Ni CSRO volume fraction");
        Assert.Equal(1, r.Pearson.P, 1e-9);
        Assert.Equal(1, r.Spearman.P, 1e-9);
    }

    [Fact]
    public void Relationships_AreProcessingTimesCsroPlusCsroTimesProperties()
    {
        var s = Synthetic(5).Study;
        // 4 metrics (volume fraction, excess, density, radius) × (1 processing + 2 properties).
        Assert.Equal(12, s.Relationships.Count + s.Skipped.Count);
        Assert.All(s.Relationships.Where(r => r.X.Name == "anneal T"), r => Assert.Equal(VariableRole.Csro, r.Y.Role));
        Assert.DoesNotContain(s.Relationships, r => r.X.Role == VariableRole.Property || r.Y.Role == VariableRole.Processing && r.X.Role == VariableRole.Csro);
    }

    [Fact]
    public void Relationships_AreSortedByStrength()
    {
        var r = Synthetic(6).Study.Relationships.Select(x => Math.Abs(x.Pearson.R)).ToList();
        Assert.Equal(r.OrderByDescending(v => v), r);
    }

    [Fact]
    public void CsroErrors_AreCarriedInPercent()
    {
        var v = Synthetic(7).Study.Variables.Single(x => x.Name == "Ni-Ni CSRO volume fraction");
        Assert.Equal("%", v.Unit);
        Assert.All(v.Errors!, e => Assert.Equal(0.1, e, 1e-12));
    }

    [Fact]
    public void UnknownProperty_IsAnInputError()
    {
        var table = Table("name,map,x", ["A,a,1", "B,b,2", "C,c,3"]);
        var e = Assert.Throws<InputException>(() => StudyAnalysis.Build(table, [[Metrics(0.1)], [Metrics(0.2)], [Metrics(0.3)]], ["hardness"]));
        Assert.StartsWith("property: 'hardness' is not a numeric column of samples.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnWithFewerThanThreeValues_NamesColumnAndEmptyRows()
    {
        var table = Table("name,map,hardness [GPa]", ["A,a,1", "B,b,", "C,c,3", "D,d,"]);
        var e = Assert.Throws<InputException>(() => StudyAnalysis.Build(table, [[Metrics(0.1)], [Metrics(0.2)], [Metrics(0.3)], [Metrics(0.4)]], []));
        Assert.Equal("samples.csv: column 'hardness [GPa]': only 2 sample(s) have a value (empty in rows 3, 5); a fit needs at least 3", e.Message);
    }

    [Fact]
    public void ConstantColumn_IsNotFittedAndSaysWhy()
    {
        var table = Table("name,map,time [h]", ["A,a,1", "B,b,1", "C,c,1"]);
        var s = StudyAnalysis.Build(table, [[Metrics(0.1)], [Metrics(0.2)], [Metrics(0.3)]], []);
        Assert.Empty(s.Relationships);
        Assert.All(s.Skipped, k => Assert.Equal("time is the same in every sample", k.Reason));
    }

    [Fact]
    public void PairMissingInSomeSamples_UsesTheSamplesThatHaveIt()
    {
        var table = Table("name,map,T [K]", ["A,a,1", "B,b,2", "C,c,3", "D,d,4"]);
        var s = StudyAnalysis.Build(table,
            [[Metrics(0.1), Metrics(0.5, "Co-Co")], [Metrics(0.2), Metrics(0.6, "Co-Co")], [Metrics(0.3)], [Metrics(0.4), Metrics(0.8, "Co-Co")]], []);
        Assert.Equal([0, 1, 3], Find(s, "Co-Co CSRO volume fraction", "T").Samples);
        Assert.Equal(4, Find(s, "Ni-Ni CSRO volume fraction", "T").N);
    }

    [Fact]
    public void TooFewSamplesWithBothValues_AreNotFitted()
    {
        var table = Table("name,map,T [K]", ["A,a,1", "B,b,2", "C,c,3"]);
        var s = StudyAnalysis.Build(table, [[Metrics(0.1, radius: 0.5)], [Metrics(0.2, radius: double.NaN)], [Metrics(0.3, radius: 0.7)]], []);
        Assert.Contains(s.Skipped, k => k.Y.Name == "Ni-Ni mean domain radius" && k.Reason.StartsWith("only 2 sample(s) have both values", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ReadsTheMapsNamedByTheTable()
    {
        using var dir = new TempDir();
        var csv = new StringBuilder("sample,path,T [K]\n");
        for (var i = 0; i < 4; i++)
        {
            StudyFiles.Map(dir.File($"m{i}"), ["Ni-Ni"], 0.01 * (i + 1), controls: [0.001, 0.002]);
            csv.Append(CultureInfo.InvariantCulture, $"S{i},m{i},{500 + 100 * i}\n");
        }
        File.WriteAllText(dir.File("samples.csv"), csv.ToString());
        var s = StudyAnalysis.Run(SampleTable.Load(dir.File("samples.csv")), []);
        Assert.Equal(0.01, Find(s, "Ni-Ni CSRO volume fraction", "T").Fit.Slope, 1e-12);
        Assert.Contains(s.Relationships, r => r.Y.Name == "Ni-Ni excess volume fraction");
    }

    [Theory]
    [InlineData("Ni-Ni CSRO volume fraction", "ni-ni_csro_volume_fraction")]
    [InlineData("anneal T", "anneal_t")]
    [InlineData("ρ (µΩ)", "column")]
    public void Slug_IsFileNameSafe(string name, string expected) => Assert.Equal(expected, StudyAnalysis.Slug(name));
}
