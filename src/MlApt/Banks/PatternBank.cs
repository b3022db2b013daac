using System.Globalization;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Banks;

/// <summary>How one bank sample was made (NaN for parameters an imported sample does not record).</summary>
/// <param name="Label">Class index.</param>
/// <param name="SigmaXy">σxy (nm).</param>
/// <param name="SigmaZ">σz (nm).</param>
/// <param name="Efficiency">η.</param>
/// <param name="TiltDegrees">Tilt away from z (degrees).</param>
/// <param name="TiltAzimuthDegrees">Azimuth of the tilt axis (degrees).</param>
/// <param name="LatticeParameter">a (nm).</param>
/// <param name="Attempts">Realisations drawn until every channel's z-SDM was defined (1 normally).</param>
public readonly record struct SampleParameters(
    int Label, double SigmaXy, double SigmaZ, double Efficiency, double TiltDegrees, double TiltAzimuthDegrees,
    double LatticeParameter, int Attempts);

/// <summary>
/// A labelled set of cropped, min–max normalised z-SDMs: <see cref="X"/> is (N, C, 93) row-major float32,
/// <see cref="Y"/> the class index of each sample, with what describes it (<see cref="BankInfo"/>).
/// </summary>
public sealed class PatternBank
{
    /// <summary>Wraps the arrays (not copied).</summary>
    public PatternBank(float[] x, int[] y, IReadOnlyList<SampleParameters> samples, BankInfo info)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(info);
        if (samples.Count != y.Length) throw new ArgumentException("one parameter record per sample", nameof(samples));
        if (x.Length != (long)y.Length * info.Channels.Count * Bins) throw new ArgumentException("x must be N × C × 93", nameof(x));
        X = x; Y = y; Samples = samples; Info = info;
    }

    /// <summary>Bins per z-SDM (93).</summary>
    public const int Bins = ZSdm.CropLength;

    /// <summary>(N, C, 93) row-major.</summary>
    public float[] X { get; }
    /// <summary>Class index per sample.</summary>
    public int[] Y { get; }
    /// <summary>Per-sample parameters.</summary>
    public IReadOnlyList<SampleParameters> Samples { get; }
    /// <summary>Class names, channels, orientation, provenance.</summary>
    public BankInfo Info { get; }
    /// <summary>Number of samples N.</summary>
    public int Count => Y.Length;
    /// <summary>Channels C.</summary>
    public int ChannelCount => Info.Channels.Count;

    /// <summary>The z-SDM of sample <paramref name="sample"/>, channel <paramref name="channel"/>.</summary>
    public ReadOnlySpan<float> Profile(int sample, int channel) =>
        X.AsSpan((sample * ChannelCount + channel) * Bins, Bins);

    /// <summary>The mean profile of one class and channel (zeros when the class has no samples).</summary>
    public double[] MeanProfile(int label, int channel)
    {
        var mean = new double[Bins];
        var n = 0;
        for (var s = 0; s < Count; s++)
        {
            if (Y[s] != label) continue;
            var p = Profile(s, channel);
            for (var k = 0; k < Bins; k++) mean[k] += p[k];
            n++;
        }
        if (n > 0) for (var k = 0; k < Bins; k++) mean[k] /= n;
        return mean;
    }

    /// <summary>This bank as training data, sharing its arrays; the preset, seed and orientation go into the metadata.</summary>
    public TrainingBank ToTrainingBank()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["preset"] = Info.Preset };
        if (Info.Seed is { } seed)
            metadata["seed"] = seed.ToString(CultureInfo.InvariantCulture);
        if (Info.Direction is { } d)
            metadata["orientation_hkl"] = string.Create(CultureInfo.InvariantCulture, $"[{d.H},{d.K},{d.L}]");
        return new TrainingBank(X, Y, ChannelCount, Bins, Info.ClassNames, Info.Channels, metadata);
    }
}

/// <summary>What describes a bank as a whole (written as <c>metadata.json</c>).</summary>
/// <param name="Preset">Preset name, <c>custom</c>, or <c>import</c>.</param>
/// <param name="ClassNames">Class names by label.</param>
/// <param name="Channels">Channel element pairs, e.g. <c>Co-Co</c>.</param>
/// <param name="Seed">Generation seed (null for an import).</param>
/// <param name="Direction">Crystal direction along z (null when unknown).</param>
/// <param name="Classes">Per-class description (structure, parameters), free-form key/values.</param>
/// <param name="Source">Imported file and its SHA-256 (null for a simulation).</param>
public sealed record BankInfo(
    string Preset, IReadOnlyList<string> ClassNames, IReadOnlyList<string> Channels, long? Seed,
    (int H, int K, int L)? Direction, IReadOnlyList<ClassInfo> Classes, (string Path, string Sha256)? Source = null)
{
    /// <summary>Pair radius R (nm).</summary>
    public double PairRadius { get; init; } = ZSdm.DefaultPairRadius;
    /// <summary>Supercell edge in cells (null when unknown).</summary>
    public int? Cells { get; init; }
}

/// <summary>How one class was simulated (all null for imported classes).</summary>
/// <param name="Name">Class name.</param>
/// <param name="Lattice">Lattice name.</param>
/// <param name="Motif">Occupation motif.</param>
/// <param name="Elements">Elements (first = element of interest).</param>
/// <param name="Order">Partial order S.</param>
/// <param name="Sites">Sites in the supercell.</param>
/// <param name="Parameters">Parameter axes as text (e.g. <c>sigma_xy → 0.2,0.25,…</c>) and sampling mode.</param>
public sealed record ClassInfo(string Name, string? Lattice, string? Motif, IReadOnlyList<string>? Elements, double? Order, int? Sites,
    IReadOnlyDictionary<string, string>? Parameters);
