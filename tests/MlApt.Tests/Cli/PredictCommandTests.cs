using System.Globalization;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Cli;

public class PredictCommandTests
{
    private static readonly CnnArchitecture Small = new(1, 93, 4, 10, Padding.Valid, 2, 8, 2);

    /// <summary>A folder with two small random Keras members.</summary>
    internal static string WriteEnsemble(TempDir dir, CnnArchitecture? arch = null)
    {
        var a = arch ?? Small;
        var models = Path.Combine(dir.Path, "models");
        Directory.CreateDirectory(models);
        for (var m = 0; m < 2; m++)
            KerasTestFiles.Write(Path.Combine(models, $"model_{m}.h5"), KerasTestFiles.Sequential(KerasTestFiles.ReferenceLayers(a)), KerasTestFiles.RandomWeights(a, 100 + m, 1));
        return models;
    }

    internal static double[] RandomCurves(int n, int length, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n * length).Select(_ => rng.NextDouble()).ToArray();
    }

    internal static string WriteNpy(TempDir dir, string name, double[] values, params int[] shape)
    {
        var path = dir.File(name);
        using var s = File.Create(path);
        Npy.Write(s, values, shape);
        return path;
    }

    private static double[][] ReadCsv(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(',').Select(v => v == "nan" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void Predict_WritesEnsembleMeanPerInput()
    {
        using var dir = new TempDir();
        var models = WriteEnsemble(dir);
        var x = RandomCurves(3, 93, 1);
        var input = WriteNpy(dir, "x.npy", x, 3, 93);
        var r = CliRunner.Run("predict", "--model", models, "--input", input, "--out", dir.File("p.csv"), "--exact");
        Assert.Equal(0, r.Exit);
        var rows = ReadCsv(dir.File("p.csv"));
        var expected = ReferenceCnn.PredictEnsemble(KerasImport.Load(models), x, 3);
        Assert.Equal(3, rows.Length);
        for (var n = 0; n < 3; n++)
            Assert.Equal(expected.Mean.AsSpan(n * 2, 2).ToArray(), rows[n]);
    }

    [Fact]
    public void Predict_Std_AppendsStandardDeviations()
    {
        using var dir = new TempDir();
        var models = WriteEnsemble(dir);
        var x = RandomCurves(2, 93, 2);
        var r = CliRunner.Run("predict", "--model", models, "--input", WriteNpy(dir, "x.npy", x, 2, 1, 93), "--std", "--out", dir.File("p.csv"), "--exact");
        Assert.Equal(0, r.Exit);
        var rows = ReadCsv(dir.File("p.csv"));
        var expected = ReferenceCnn.PredictEnsemble(KerasImport.Load(models), x, 2);
        Assert.Equal(expected.Mean.AsSpan(2, 2).ToArray().Concat(expected.Std.AsSpan(2, 2).ToArray()), rows[1]);
    }

    [Fact]
    public void Predict_MinMax_NormalisesEachCurveAndConstantCurveIsNan()
    {
        using var dir = new TempDir();
        var models = WriteEnsemble(dir);
        var x = RandomCurves(2, 93, 3);
        Array.Fill(x, 7.0, 93, 93);
        var scaled = x.Take(93).Select(v => v * 40 + 3).Concat(x.Skip(93)).ToArray();
        var r = CliRunner.Run("predict", "--model", models, "--input", WriteNpy(dir, "x.npy", scaled, 2, 93), "--normalize", "minmax", "--out", dir.File("p.csv"), "--exact");
        Assert.Equal(0, r.Exit);
        var lines = File.ReadAllLines(dir.File("p.csv"));
        var curve = x.Take(93).ToArray();
        Preprocessing(curve);
        var expected = ReferenceCnn.PredictEnsemble(KerasImport.Load(models), curve, 1);
        var first = lines[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected.Mean[1], first[1], 1e-12);
        Assert.Equal("nan,nan", lines[1]);
        Assert.Contains("1 undefined", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_FastEngine_AgreesWithExactToFloatPrecision()
    {
        using var dir = new TempDir();
        var models = WriteEnsemble(dir);
        var x = RandomCurves(50, 93, 4);
        var input = WriteNpy(dir, "x.npy", x, 50, 93);
        Assert.Equal(0, CliRunner.Run("predict", "--model", models, "--input", input, "--std", "--out", dir.File("fast.csv")).Exit);
        Assert.Equal(0, CliRunner.Run("predict", "--model", models, "--input", input, "--std", "--out", dir.File("exact.csv"), "--exact").Exit);
        var (fast, exact) = (ReadCsv(dir.File("fast.csv")), ReadCsv(dir.File("exact.csv")));
        for (var n = 0; n < 50; n++)
            for (var c = 0; c < 4; c++)
                Assert.Equal(exact[n][c], fast[n][c], 1e-5);
    }

    private static void Preprocessing(double[] curve) => MlApt.Sdm.Preprocessing.MinMax(curve, curve);

    [Fact]
    public void Predict_PublishedEnsembleOnPublishedBank_IsCsro()
    {
        var models = SharedData.Require(PublishedData.ModelsDir);
        using var dir = new TempDir();
        var input = PublishedData.WriteBankNpy(dir.File("bank.npy"), take: 40);
        var r = CliRunner.Run("predict", "--model", models, "--input", input, "--out", dir.File("p.csv"));
        Assert.Equal(0, r.Exit);
        var rows = ReadCsv(dir.File("p.csv"));
        Assert.Equal(40, rows.Length);
        Assert.All(rows, row => Assert.True(row[1] >= 0.99, $"p(CSRO) {row[1]}"));
    }

    [Fact]
    public void Predict_WrongLength_NamesShapeAndWritesNothing()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(2, 92, 1), 2, 92);
        var r = CliRunner.Run("predict", "--model", WriteEnsemble(dir), "--input", input, "--out", dir.File("p.csv"));
        CliRunner.AssertBadInput(r, "x.npy", "shape (2, 92)", "expected (N, 93) or (N, 1, 93)");
        Assert.False(File.Exists(dir.File("p.csv")));
    }

    [Fact]
    public void Predict_WrongChannels_NamesShape()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(2, 2 * 93, 1), 2, 2, 93);
        var r = CliRunner.Run("predict", "--model", WriteEnsemble(dir), "--input", input, "--out", dir.File("p.csv"));
        CliRunner.AssertBadInput(r, "shape (2, 2, 93)", "1 channel(s) × 93 bins");
        Assert.False(File.Exists(dir.File("p.csv")));
    }

    [Fact]
    public void Predict_MissingModel_IsBadInput()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(1, 93, 1), 1, 93);
        var r = CliRunner.Run("predict", "--model", dir.File("nope.h5"), "--input", input, "--out", dir.File("p.csv"));
        CliRunner.AssertBadInput(r, "nope.h5", "model not found");
        Assert.False(File.Exists(dir.File("p.csv")));
    }

    [Fact]
    public void Predict_IntegerInput_IsBadInput()
    {
        using var dir = new TempDir();
        var path = dir.File("x.npy");
        using (var s = File.Create(path))
            Npy.Write(s, new int[93], 1, 93);
        var r = CliRunner.Run("predict", "--model", WriteEnsemble(dir), "--input", path, "--out", dir.File("p.csv"));
        CliRunner.AssertBadInput(r, "dtype '<i4'", "float32 or float64");
    }

    [Fact]
    public void Predict_NoOut_IsBadInput()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("predict", "--model", WriteEnsemble(dir), "--input", dir.File("x.npy"));
        CliRunner.AssertBadInput(r, "--out is required");
    }

    [Fact]
    public void Predict_UnknownNormalization_IsBadInput()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("predict", "--model", "m.h5", "--input", "x.npy", "--normalize", "zscore", "--out", dir.File("p.csv"));
        CliRunner.AssertBadInput(r, "--normalize 'zscore'");
    }

    [Fact]
    public void Help_DescribesEveryOption()
    {
        var r = CliRunner.Run("predict", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--model", "--input", "--normalize", "--std", "--out" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }
}
