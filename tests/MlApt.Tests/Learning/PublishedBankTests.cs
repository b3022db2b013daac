using MlApt.Banks;
using MlApt.Io;
using MlApt.Learning;

namespace MlApt.Tests.Learning;

/// <summary>
/// The published CoCrNi CSRO bank (1950 z-SDMs made by the authors' code) as a bank the network never
/// saw: an ensemble trained on a small bank simulated here (METHOD §5 in miniature: FCC with every
/// site E vs L1₂ with E on the cube corners, ⟨002⟩ ∥ z, Gaussian noise, random detection) must call
/// nearly all of it CSRO.
/// </summary>
public class PublishedBankTests
{
    private const double A = 0.36;

    [Fact]
    public void Ensemble_trained_on_simulated_crystals_calls_the_published_CSRO_bank_CSRO()
    {
        var published = LoadPublished(SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy"));
        var r = Trainer.Train(Simulate(1200, 5), new TrainingOptions { Folds = 3, Epochs = 10, Seed = 2 });
        Assert.True(r.Test.Accuracy >= 0.95, $"held-out accuracy {r.Test.Accuracy}");
        var n = published.Length / 93;
        var mean = new float[n * 2];
        CnnInference.Predict(r.Model, published, mean, default);
        var csro = Enumerable.Range(0, n).Count(i => mean[2 * i + 1] > 0.5);
        Assert.True(csro >= 0.95 * n, $"{csro} of {n} published CSRO z-SDMs classified CSRO");
    }

    [Fact]
    public void Ensemble_trained_on_the_cocrni_reference_bank_separates_it_and_calls_the_published_bank_CSRO()
    {
        var published = LoadPublished(SharedData.Require("reference-ml-apt/banks/zSDM_simu_CoCrNi_L12_CoCo.npy"));
        var bank = BankGenerator.Generate(BankPresets.Get("cocrni-reference"), 42).ToTrainingBank();
        Assert.Equal(5200, bank.Count);
        // The reference procedure with 6 epochs instead of 30 keeps the test short; `mlapt train` with the
        // defaults reaches 100 % (README).
        var r = Trainer.Train(bank, new TrainingOptions { Epochs = 6, Seed = 1 });
        Assert.True(r.Test.Accuracy >= 0.98, $"held-out accuracy {r.Test.Accuracy}");
        var n = published.Length / 93;
        var mean = new float[n * 2];
        CnnInference.Predict(r.Model, published, mean, default);
        var csro = Enumerable.Range(0, n).Count(i => mean[2 * i + 1] > 0.5);
        Assert.True(csro >= 0.95 * n, $"{csro} of {n} published CSRO z-SDMs classified CSRO");
    }

    /// <summary>The count column of each sample (columns alternate Δz, counts), min–max normalised, as [N][93].</summary>
    internal static float[] LoadPublished(string path)
    {
        var a = Npy.Read(path);
        Assert.Equal([93, 3900], a.Shape);
        var n = a.Shape[1] / 2;
        var x = new float[n * 93];
        for (var s = 0; s < n; s++)
        {
            var row = x.AsSpan(s * 93, 93);
            for (var b = 0; b < 93; b++)
                row[b] = (float)a.Data[b * a.Shape[1] + 2 * s + 1];
            MinMax(row);
        }
        return x;
    }

    private static void MinMax(Span<float> row)
    {
        float min = row[0], max = row[0];
        foreach (var v in row) { min = Math.Min(min, v); max = Math.Max(max, v); }
        for (var i = 0; i < row.Length; i++)
            row[i] = max > min ? (row[i] - min) / (max - min) : 0f;
    }

    /// <summary>Half FCC (class 0), half L1₂ corners (class 1), noise and detection drawn from the METHOD §5 ranges.</summary>
    internal static TrainingBank Simulate(int n, int seed)
    {
        var rng = new Random(seed);
        var sites = new List<(double X, double Y, double Z, bool Corner)>();
        for (var i = 0; i <= 6; i++)
            for (var j = 0; j <= 6; j++)
                for (var k = 0; k <= 6; k++)
                    if ((i + j + k) % 2 == 0)
                        sites.Add((i * A / 2, j * A / 2, k * A / 2, i % 2 == 0 && j % 2 == 0 && k % 2 == 0));
        Assert.Equal(172, sites.Count);
        var x = new float[n * 93];
        var y = new int[n];
        var hist = new double[200];
        for (var s = 0; s < n; s++)
        {
            var csro = s % 2 == 1;
            y[s] = csro ? 1 : 0;
            var sxy = 0.2 + 0.05 * rng.Next(13);
            var sz = csro ? 0.02 + 0.002 * rng.Next(15) : 0.01 + 0.002 * rng.Next(25);
            var eta = 0.2 + 0.05 * rng.Next(10);
            var atoms = sites.Where(_ => rng.NextDouble() < eta).Where(p => !csro || p.Corner)
                .Select(p => (p.X + Gauss(rng) * sxy, p.Y + Gauss(rng) * sxy, p.Z + Gauss(rng) * sz)).ToArray();
            Array.Clear(hist);
            foreach (var (xi, yi, zi) in atoms)
                foreach (var (xj, yj, zj) in atoms)
                {
                    double dx = xj - xi, dy = yj - yi, dz = zj - zi;
                    var d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 == 0 || d2 > 1.5 * 1.5)
                        continue;
                    var bin = (int)Math.Floor((dz + 1.5) / 0.015);
                    if ((uint)bin < 200)
                        hist[bin]++;
                }
            var row = x.AsSpan(s * 93, 93);
            for (var b = 0; b < 93; b++)
                row[b] = (float)hist[54 + b];
            MinMax(row);
        }
        return new TrainingBank(x, y, 1, 93, ["FCC", "CSRO"], ["Co-Co"]);
    }

    private static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
