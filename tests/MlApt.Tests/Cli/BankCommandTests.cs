using System.Text.Json;
using MlApt.Io;
using MlApt.Banks;

namespace MlApt.Tests.Cli;

public class BankCommandTests
{
    [Fact]
    public void Preset_WritesTheReferenceBankWithPlotsAndJson()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("bank", "--preset", "cocrni-reference", "--seed", "7", "--out", dir.File("bank.npz"), "--plot", dir.File("plots"), "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(5200, doc.RootElement.GetProperty("samples").GetInt32());
        Assert.Equal(1950, doc.RootElement.GetProperty("classes")[1].GetProperty("samples").GetInt32());
        var (arrays, texts) = Npz.Read(dir.File("bank.npz"));
        Assert.Equal([5200, 1, 93], arrays["x"].Shape);
        Assert.Contains("\"seed\": 7", texts[BankFile.MetadataMember], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.File("plots"), "mean-FCC-Co-Co.png")));
        Assert.True(File.Exists(Path.Combine(dir.File("plots"), "mean-CSRO-Co-Co.png")));
    }

    [Fact]
    public void Preset_SameSeedSameFileWhateverTheThreads()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run("bank", "--preset", "cocrni-111", "--out", dir.File("a.npz"), "--threads", "1").Exit);
        Assert.Equal(0, CliRunner.Run("bank", "--preset", "cocrni-111", "--out", dir.File("b.npz"), "--threads", "2").Exit);
        Assert.Equal(File.ReadAllBytes(dir.File("a.npz")), File.ReadAllBytes(dir.File("b.npz")));
    }

    [Fact]
    public void Custom_RandomSamplingWithTiltJitterAndTwoChannels()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("bank", "--structure", "bcc-ss,b2,d03", "--composition", "Fe:0.75,Al:0.25", "--element", "Al", "--other", "Fe",
            "--channels", "Fe-Fe,Al-Al", "--cells", "4", "-a", "0.28:0.29", "--samples", "10", "--sigma-xy", "0.2:0.6",
            "--sigma-z", "0.01:0.05", "--eta", "0.3:0.6", "--tilt", "0:3", "--classes", "BCC,B2,D03", "--out", dir.File("feal.npz"));
        Assert.Equal(0, r.Exit);
        var (x, y, channels, names, meta) = BankFile.Load(dir.File("feal.npz"));
        Assert.Equal(30 * 2 * 93, x.Length);
        Assert.Equal(2, channels);
        Assert.Equal(["BCC", "B2", "D03"], names);
        Assert.Equal(10, y.Count(v => v == 2));
        Assert.Contains("\"tilt_deg\"", meta, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_GridWithOrientationAndCellFile()
    {
        using var dir = new TempDir();
        var cell = dir.File("ni3al.json");
        File.WriteAllText(cell, """
            { "name": "Ni3Al", "vectors": [[1,0,0],[0,1,0],[0,0,1]],
              "basis": [ { "position": [0,0,0], "element": "Al" }, { "position": [0.5,0.5,0], "element": "Ni" },
                         { "position": [0.5,0,0.5], "element": "Ni" }, { "position": [0,0.5,0.5], "element": "Ni" } ] }
            """);
        var r = CliRunner.Run("bank", "--structure", $"fcc,{cell}", "--element", "Al", "--orientation", "1,1,1", "-a", "0.357",
            "--sigma-xy", "0.3,0.5", "--sigma-z", "0.02:0.04:0.01", "--eta", "0.5", "--out", dir.File("c.npz"), "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(12, doc.RootElement.GetProperty("samples").GetInt32());
        Assert.Equal("ni3al", doc.RootElement.GetProperty("classes")[1].GetProperty("name").GetString());
    }

    [Fact]
    public void Import_LabelsEveryColumn()
    {
        using var dir = new TempDir();
        var data = new double[93 * 4];
        var edges = MlApt.Sdm.ZSdm.CroppedBinLeftEdges();
        for (var k = 0; k < 93; k++)
        {
            data[k * 4] = edges[k]; data[k * 4 + 1] = k;
            data[k * 4 + 2] = edges[k]; data[k * 4 + 3] = 93 - k;
        }
        AtomicFile.Write(dir.File("pub.npy"), s => Npy.Write(s, data, 93, 4));
        var r = CliRunner.Run("bank", "--import", dir.File("pub.npy"), "--label", "1", "--out", dir.File("pub.npz"));
        Assert.Equal(0, r.Exit);
        var (x, y, _, names, _) = BankFile.Load(dir.File("pub.npz"));
        Assert.Equal([1, 1], y);
        Assert.Equal(["FCC", "CSRO"], names);
        Assert.Equal(1f, x[92]);
        Assert.Equal(1f, x[93]);
    }

    [Fact]
    public void Import_ThePublishedBank()
    {
        var path = SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy");
        using var dir = new TempDir();
        var r = CliRunner.Run("bank", "--import", path, "--label", "1", "--out", dir.File("pub.npz"), "--json");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1950, doc.RootElement.GetProperty("samples").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "bank", "--out", "x.npz" }, "exactly one of")]
    [InlineData(new[] { "bank", "--preset", "cocrni-reference", "--structure", "fcc", "--out", "x.npz" }, "exactly one of")]
    [InlineData(new[] { "bank", "--preset", "cocrni-reference" }, "--out")]
    [InlineData(new[] { "bank", "--preset", "nope", "--out", "x.npz" }, "--preset", "cocrni-reference")]
    [InlineData(new[] { "bank", "--preset", "cocrni-reference", "--eta", "0.5", "--out", "x.npz" }, "--eta", "custom")]
    [InlineData(new[] { "bank", "--import", "a.npy", "--out", "x.npz" }, "--label")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--sigma-xy", "abc", "--out", "x.npz" }, "--sigma-xy", "abc")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--sigma-z", "0.01:0.05", "--out", "x.npz" }, "--sigma-z", "--samples")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--eta", "0.2:1.5:0.1", "--out", "x.npz" }, "--eta", "[0, 1]")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--orientation", "0,0,0", "--out", "x.npz" }, "--orientation")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--orientation", "1,x,1", "--out", "x.npz" }, "--orientation", "1,x,1")]
    [InlineData(new[] { "bank", "--structure", "hcp", "--out", "x.npz" }, "--structure", "hcp")]
    [InlineData(new[] { "bank", "--structure", "fcc-ss", "--out", "x.npz" }, "--composition")]
    [InlineData(new[] { "bank", "--structure", "fcc-ss", "--composition", "Fe=0.5", "--out", "x.npz" }, "--composition", "Fe=0.5")]
    [InlineData(new[] { "bank", "--structure", "fcc,l12", "--classes", "A", "--out", "x.npz" }, "--classes")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--channels", "Co-Ni", "--out", "x.npz" }, "--channels", "Ni")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--channels", "CoNi", "--out", "x.npz" }, "--channels", "CoNi")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--cells", "0", "--out", "x.npz" }, "--cells")]
    [InlineData(new[] { "bank", "--structure", "l12", "--order", "1.5", "--out", "x.npz" }, "--order")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--samples", "0", "--out", "x.npz" }, "--samples")]
    [InlineData(new[] { "bank", "--structure", "fcc", "-a", "-0.3", "--out", "x.npz" }, "--lattice")]
    [InlineData(new[] { "bank", "--structure", "fcc", "--tilt", "0:100:10", "--out", "x.npz" }, "--tilt")]
    [InlineData(new[] { "bank", "--structure", "l12", "--other", "Co", "--out", "x.npz" }, "--other")]
    [InlineData(new[] { "bank", "--specimens", "2", "--voxel-label", "ball", "--out", "x.npz" }, "--voxel-label", "'ball'", "cube or sphere-0.75")]
    [InlineData(new[] { "bank", "--specimens", "2", "--specimen-ranges", "wide", "--out", "x.npz" }, "--specimen-ranges", "'wide'", "validation or envelope")]
    [InlineData(new[] { "bank", "--specimens", "2", "--domain-free", "-1", "--out", "x.npz" }, "--domain-free", "-1")]
    [InlineData(new[] { "bank", "--specimens", "2", "--samples-per-specimen", "2", "--out", "x.npz" }, "--samples-per-specimen", "2")]
    [InlineData(new[] { "bank", "--preset", "cocrni-reference", "--voxel-label", "cube", "--domain-free", "3", "--out", "x.npz" }, "--domain-free", "only with --specimens")]
    public void BadOptions_AreOneLineErrorsNamingTheOption(string[] args, params string[] fragments) =>
        CliRunner.AssertBadInput(CliRunner.Run(args), fragments);

    [Fact]
    public void Import_LabelBeyondTheClasses_NamesTheOption()
    {
        using var dir = new TempDir();
        var data = new double[93 * 2];
        var edges = MlApt.Sdm.ZSdm.CroppedBinLeftEdges();
        for (var k = 0; k < 93; k++) { data[k * 2] = edges[k]; data[k * 2 + 1] = k; }
        AtomicFile.Write(dir.File("pub.npy"), s => Npy.Write(s, data, 93, 2));
        CliRunner.AssertBadInput(CliRunner.Run("bank", "--import", dir.File("pub.npy"), "--label", "3", "--out", dir.File("x.npz")), "--label", "0 … 1");
    }

    [Fact]
    public void Import_MissingFile_IsOneLine()
    {
        using var dir = new TempDir();
        CliRunner.AssertBadInput(CliRunner.Run("bank", "--import", dir.File("none.npy"), "--label", "0", "--out", dir.File("x.npz")), "none.npy");
    }

    [Fact]
    public void Help_DescribesTheOptions()
    {
        var r = CliRunner.Run("bank", "--help");
        Assert.Equal(0, r.Exit);
        foreach (var o in new[] { "--preset", "--import", "--label", "--structure", "--orientation", "--lattice", "--sigma-xy", "--samples", "--plot" })
            Assert.Contains(o, r.Out, StringComparison.Ordinal);
    }
}
