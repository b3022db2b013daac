using MlApt.Tests.Learning;
using static MlApt.Tests.Cli.PredictCommandTests;

namespace MlApt.Tests.Cli;

public class ExplainCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Explain_WritesPngAndSaysThePrediction()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(3, 93, 1), 3, 93);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "2", "--out", dir.File("cam.png"));
        Assert.Equal(0, r.Exit);
        Assert.Equal(PngSignature, File.ReadAllBytes(dir.File("cam.png")).Take(8).ToArray());
        Assert.Contains("z-SDM 2 classified", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ClassByName_IsAccepted()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(1, 93, 1), 1, 93);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "0", "--class", "fcc", "--out", dir.File("cam.png"));
        Assert.Equal(0, r.Exit);
        Assert.Contains("Grad-CAM of FCC", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PublishedEnsemble_WritesPng()
    {
        var models = SharedData.Require(PublishedData.ModelsDir);
        using var dir = new TempDir();
        var input = PublishedData.WriteBankNpy(dir.File("bank.npy"), take: 5);
        var r = CliRunner.Run("explain", "--model", models, "--input", input, "--index", "4", "--out", dir.File("cam.png"));
        Assert.Equal(0, r.Exit);
        Assert.Contains("classified CSRO", r.Err, StringComparison.Ordinal);
        Assert.True(new FileInfo(dir.File("cam.png")).Length > 1000);
    }

    [Fact]
    public void Explain_IndexPastEnd_IsBadInputAndWritesNothing()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(3, 93, 1), 3, 93);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "3", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "--index 3", "holds 3 z-SDM(s)");
        Assert.False(File.Exists(dir.File("cam.png")));
    }

    [Fact]
    public void Explain_NegativeIndex_IsBadInput()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("explain", "--model", "m.h5", "--input", "x.npy", "--index", "-1", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "--index -1");
    }

    [Fact]
    public void Explain_UndefinedCurve_IsBadInput()
    {
        using var dir = new TempDir();
        var x = RandomCurves(2, 93, 1);
        Array.Fill(x, 5.0, 93, 93);
        var input = WriteNpy(dir, "x.npy", x, 2, 93);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "1", "--normalize", "minmax", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "z-SDM 1 is undefined");
        Assert.False(File.Exists(dir.File("cam.png")));
    }

    [Fact]
    public void Explain_WrongShape_IsBadInput()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(1, 100, 1), 1, 100);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "0", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "shape (1, 100)");
    }

    [Fact]
    public void Explain_UnknownClass_IsBadInput()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(1, 93, 1), 1, 93);
        var r = CliRunner.Run("explain", "--model", WriteEnsemble(dir), "--input", input, "--index", "0", "--class", "B2", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "--class 'B2'", "FCC, CSRO");
    }

    [Fact]
    public void Explain_MissingModel_IsBadInput()
    {
        using var dir = new TempDir();
        var input = WriteNpy(dir, "x.npy", RandomCurves(1, 93, 1), 1, 93);
        var r = CliRunner.Run("explain", "--model", dir.Path + "/none", "--input", input, "--index", "0", "--out", dir.File("cam.png"));
        CliRunner.AssertBadInput(r, "model not found");
    }

    [Fact]
    public void Help_DescribesEveryOption()
    {
        var r = CliRunner.Run("explain", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--model", "--input", "--index", "--class", "--normalize", "--out" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }
}
