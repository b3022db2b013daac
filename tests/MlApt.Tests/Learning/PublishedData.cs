using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Tests.Learning;

/// <summary>The authors' published models and CSRO bank (shared reference data; tests skip without it).</summary>
internal static class PublishedData
{
    public const string ModelsDir = "reference-ml-apt/keras-models";
    public const string BankFile = "reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy";

    private static readonly Lazy<CnnEnsemble> LazyEnsemble = new(() => KerasImport.Load(SharedData.Require(ModelsDir)));
    private static readonly Lazy<(int Count, double[] Values)> LazyBank = new(() => ReadBank(SharedData.Require(BankFile)));

    /// <summary>The published five-member ensemble (loaded once; skips when absent).</summary>
    public static CnnEnsemble Ensemble()
    {
        SharedData.Require(ModelsDir);
        return LazyEnsemble.Value;
    }

    /// <summary>The published bank, min–max normalised, [n][93] (skips when absent).</summary>
    public static (int Count, double[] Values) Bank()
    {
        SharedData.Require(BankFile);
        return LazyBank.Value;
    }

    /// <summary>
    /// The bank file is (93, 2N): for each sample a Δz column then a raw count column. Takes the count
    /// columns and min–max normalises each.
    /// </summary>
    private static (int, double[]) ReadBank(string path)
    {
        var array = Npy.Read(path);
        int rows = array.Shape[0], cols = array.Shape[1];
        Assert.Equal(93, rows);
        var count = cols / 2;
        var values = new double[count * rows];
        for (var n = 0; n < count; n++)
        {
            var curve = values.AsSpan(n * rows, rows);
            for (var t = 0; t < rows; t++)
                curve[t] = array.Data[t * cols + 2 * n + 1];
            Preprocessing.MinMax(curve, curve);
        }
        return (count, values);
    }

    /// <summary>Writes the normalised bank (or its first <paramref name="take"/> samples) as float64 (N, 93) .npy.</summary>
    public static string WriteBankNpy(string path, int take = int.MaxValue)
    {
        var (count, values) = Bank();
        var n = Math.Min(count, take);
        using var s = File.Create(path);
        Npy.Write(s, values.AsSpan(0, n * 93), n, 93);
        return path;
    }
}
