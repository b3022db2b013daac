using MlApt.Io;
using MlApt.Sdm;
using MlApt.Banks;

namespace MlApt.Tests.Simulation;

public class PublishedBankTests
{
    /// <summary>Writes a (93, 2N) file in the published layout.</summary>
    private static string Write(TempDir dir, double[][] counts, Func<int, double>? dz = null)
    {
        var edges = ZSdm.CroppedBinLeftEdges();
        var n = counts.Length;
        var data = new double[93 * 2 * n];
        for (var r = 0; r < 93; r++)
        {
            for (var s = 0; s < n; s++)
            {
                data[r * 2 * n + 2 * s] = dz?.Invoke(r) ?? edges[r];
                data[r * 2 * n + 2 * s + 1] = counts[s][r];
            }
        }
        var path = dir.File("bank.npy");
        AtomicFile.Write(path, st => Npy.Write(st, data, 93, 2 * n));
        return path;
    }

    private static double[] Ramp(int offset) => Enumerable.Range(0, 93).Select(i => (double)((i + offset) % 93)).ToArray();

    [Fact]
    public void Import_MinMaxesEveryCountColumnAndLabelsAll()
    {
        using var dir = new TempDir();
        var path = Write(dir, [Ramp(0), Ramp(10)]);
        var bank = PublishedBank.Import(path, 1);
        Assert.Equal(2, bank.Count);
        Assert.Equal([1, 1], bank.Y);
        Assert.Equal(0f, bank.Profile(0, 0)[0]);
        Assert.Equal(1f, bank.Profile(0, 0)[92]);
        Assert.Equal(1f, bank.Profile(1, 0)[82]);
        Assert.Equal(["FCC", "CSRO"], bank.Info.ClassNames);
    }

    [Fact]
    public void Import_ClassNamesOverride()
    {
        using var dir = new TempDir();
        var bank = PublishedBank.Import(Write(dir, [Ramp(0)]), 2, ["BCC", "B2", "D03"]);
        Assert.Equal(["BCC", "B2", "D03"], bank.Info.ClassNames);
        Assert.Equal([2], bank.Y);
    }

    [Fact]
    public void Import_LabelOutOfRange_NamesTheOption()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => PublishedBank.Import(Write(dir, [Ramp(0)]), 2));
        Assert.StartsWith("label: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WrongAxisColumn_IsRefused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => PublishedBank.Import(Write(dir, [Ramp(0)], _ => 0.0), 1));
        Assert.Contains("column 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ConstantColumn_IsRefused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => PublishedBank.Import(Write(dir, [Ramp(0), new double[93]]), 1));
        Assert.Contains("column 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ThePublishedBank_Has1950CsroSamples()
    {
        var path = SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy");
        var bank = PublishedBank.Import(path, 1);
        Assert.Equal(1950, bank.Count);
        Assert.All(bank.Y, y => Assert.Equal(1, y));
        Assert.Equal(1950 * 93, bank.X.Length);
    }
}
