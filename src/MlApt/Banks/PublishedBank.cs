using System.Globalization;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Numerics;

namespace MlApt.Banks;

/// <summary>
/// Import of the authors' published bank layout: a float64 array (93, 2N) whose columns come in pairs
/// (Δz axis, raw pair counts) per sample, e.g. <c>zSDM_simu_CoCrNi_L12_CoCo.npy</c> (1950 CSRO samples).
/// Every count column is min–max normalised like a simulated sample; all samples get one label.
/// </summary>
public static class PublishedBank
{
    /// <summary>Class names of an imported two-class bank unless given: the reference's FCC (0) and CSRO (1).</summary>
    public static IReadOnlyList<string> DefaultClassNames { get; } = ["FCC", "CSRO"];

    /// <summary>The raw count columns of the file, (N, 93) row-major as doubles; checks the layout.</summary>
    public static (double[] Counts, int Samples) ReadCounts(string path)
    {
        var a = Npy.Read(path);
        if (a.Shape.Length != 2 || a.Shape[0] != ZSdm.CropLength || a.Shape[1] % 2 != 0 || a.Shape[1] == 0)
            InputError.In(path, $"shape ({string.Join(", ", a.Shape)}): expected (93, 2N) — a Δz column and a count column per sample");
        int rows = a.Shape[0], cols = a.Shape[1], n = cols / 2;
        var edges = ZSdm.CroppedBinLeftEdges();
        var counts = new double[n * rows];
        for (var s = 0; s < n; s++)
        {
            for (var r = 0; r < rows; r++)
            {
                var dz = a.Data[r * cols + 2 * s];
                // The published axis is −0.69 … 0.69 with accumulated rounding (e.g. −0.6900000000000053).
                if (Math.Abs(dz - edges[r]) > 1e-6)
                    InputError.In(path, string.Create(CultureInfo.InvariantCulture,
                        $"column {2 * s}, row {r}: Δz {dz} is not the cropped bin {edges[r]:0.###} nm (expected Δz, count column pairs)"));
                var c = a.Data[r * cols + 2 * s + 1];
                if (!double.IsFinite(c) || c < 0)
                    InputError.In(path, string.Create(CultureInfo.InvariantCulture, $"column {2 * s + 1}, row {r}: count {c} is not a count"));
                counts[s * rows + r] = c;
            }
        }
        return (counts, n);
    }

    /// <summary>
    /// Imports the file as a one-channel bank with every sample labelled <paramref name="label"/>.
    /// Samples whose counts are constant (min–max undefined) are refused with their column.
    /// </summary>
    public static PatternBank Import(string path, int label, IReadOnlyList<string>? classNames = null, string channel = "Co-Co")
    {
        var names = classNames ?? DefaultClassNames;
        if (label < 0 || label >= names.Count)
            InputError.In("label", string.Create(CultureInfo.InvariantCulture, $"{label}: expected a class index 0 … {names.Count - 1} ({string.Join(", ", names)})"));
        var (counts, n) = ReadCounts(path);
        var x = new float[n * PatternBank.Bins];
        var normalised = new double[PatternBank.Bins];
        for (var s = 0; s < n; s++)
        {
            if (!Preprocessing.MinMax(counts.AsSpan(s * PatternBank.Bins, PatternBank.Bins), normalised))
                InputError.In(path, string.Create(CultureInfo.InvariantCulture, $"column {2 * s + 1}: constant counts, the min-max normalisation is undefined"));
            for (var k = 0; k < PatternBank.Bins; k++) x[s * PatternBank.Bins + k] = (float)normalised[k];
        }
        var y = Enumerable.Repeat(label, n).ToArray();
        var samples = Enumerable.Repeat(new SampleParameters(label, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 1), n).ToArray();
        var classes = names.Select(c => new ClassInfo(c, null, null, null, null, null, null)).ToArray();
        var info = new BankInfo("import", names, [channel], null, null, classes, (Path.GetFullPath(path), Provenance.Sha256(path)));
        return new PatternBank(x, y, samples, info);
    }
}
