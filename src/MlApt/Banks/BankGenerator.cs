using MlApt.Crystal;
using MlApt.Sdm;
using MlApt.Numerics;
using MlApt.Specimens;

namespace MlApt.Banks;

/// <summary>
/// Generates a pattern bank (METHOD §5, generalised). Every sample i gets its own random streams
/// derived from (seed, i) — one for randomly sampled parameters, one per realisation attempt — so the
/// result does not depend on the number of threads. Per sample: crystal at lattice parameter a,
/// rotated to put the direction along z and tilted (random azimuth); Gaussian noise on every atom,
/// floor(N·η) random subset; per channel the z-SDM of the centre element's atoms against the neighbour
/// element's atoms from all ordered pairs within R (<see cref="ZSdm.AccumulatePairs"/>, the measured
/// data's definition), cropped and min–max normalised. A realisation whose z-SDM is undefined in some
/// channel (e.g. fewer than two atoms) is drawn again, up to <see cref="MaxAttempts"/> times.
/// </summary>
public static class BankGenerator
{
    /// <summary>Realisations tried per sample before giving up.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Generates the bank; <paramref name="maxThreads"/> (null: all cores) never changes the result.</summary>
    public static PatternBank Generate(BankSpec spec, long seed, int? maxThreads = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var n = spec.Count;
        var channels = spec.Channels.Count;
        var x = new float[(long)n * channels * PatternBank.Bins];
        var y = new int[n];
        var samples = new SampleParameters[n];
        // Samples are numbered class after class; label and index within the class by sample.
        var labels = new int[n];
        var firstOf = new int[spec.Classes.Count];
        for (int c = 0, i = 0; c < spec.Classes.Count; c++)
        {
            firstOf[c] = i;
            for (var k = 0; k < spec.Classes[c].Parameters.Count; k++) labels[i++] = c;
        }
        var orientation = spec.Orientation;
        var options = maxThreads is { } limit ? new ParallelOptions { MaxDegreeOfParallelism = limit } : Parallelism.Options;
        Parallel.For(0, n, options, () => new Scratch(), (i, _, scratch) =>
        {
            var label = labels[i];
            var cls = spec.Classes[label];
            samples[i] = MakeSample(spec, cls, label, i - firstOf[label], i, seed, orientation, scratch,
                x.AsSpan(i * channels * PatternBank.Bins, channels * PatternBank.Bins));
            y[i] = label;
            return scratch;
        }, _ => { });
        return new PatternBank(x, y, samples, Describe(spec, seed));
    }

    /// <summary>The bank-level description of a spec.</summary>
    public static BankInfo Describe(BankSpec spec, long? seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var classes = spec.Classes.Select(c => new ClassInfo(c.Name, c.Crystal.Lattice.Name, c.Crystal.Occupation.Motif.ToString(),
            c.Crystal.Occupation.Elements, c.Crystal.Occupation.Order, c.Crystal.Count, Axes(c.Parameters))).ToArray();
        return new BankInfo(spec.Name, spec.Classes.Select(c => c.Name).ToArray(), spec.Channels.Select(c => c.ToString()).ToArray(),
            seed, spec.Direction, classes)
        {
            PairRadius = spec.PairRadius,
            Cells = spec.Classes.Select(c => c.Crystal.Supercell.Cells).Distinct().Count() == 1 ? spec.Classes[0].Crystal.Supercell.Cells : null,
        };
    }

    private static Dictionary<string, string> Axes(ParameterSpace p) => new(StringComparer.Ordinal)
    {
        ["sampling"] = p.Samples is { } s ? $"random ({s} samples)" : "grid",
        ["sigma_xy"] = p.SigmaXy.ToString(),
        ["sigma_z"] = p.SigmaZ.ToString(),
        ["eta"] = p.Efficiency.ToString(),
        ["tilt_deg"] = p.TiltDegrees.ToString(),
        ["a"] = p.LatticeParameter.ToString(),
    };

    private static SampleParameters MakeSample(BankSpec spec, BankClass cls, int label, int indexInClass, long index, long seed,
        Rotation orientation, Scratch scratch, Span<float> destination)
    {
        var p = cls.Parameters;
        double sxy, sz, eta, tilt, a;
        if (p.Samples is null)
        {
            (sxy, sz, eta, tilt, a) = p.GridPoint(indexInClass);
        }
        else
        {
            var pr = SeededRandom.ForSample(seed, index);
            sxy = p.SigmaXy.Draw(ref pr); sz = p.SigmaZ.Draw(ref pr); eta = p.Efficiency.Draw(ref pr);
            tilt = p.TiltDegrees.Draw(ref pr); a = p.LatticeParameter.Draw(ref pr);
        }
        var detector = new DetectorParameters(sxy, sz, eta);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var r = SeededRandom.ForSample(seed, index, attempt);
            var azimuth = 2 * Math.PI * r.NextDouble();
            var rotation = Orientation.Tilt(tilt, azimuth).Times(orientation);
            var atoms = cls.Crystal.Realise(a, rotation, ref r);
            var detected = Detector.Apply(atoms, detector, ref r);
            if (Profiles(detected, spec, scratch, destination))
                return new SampleParameters(label, sxy, sz, eta, tilt, azimuth * 180 / Math.PI, a, attempt);
        }
        throw new InvalidOperationException(
            $"class {cls.Name}, sample {indexInClass}: no realisation in {MaxAttempts} gave a defined z-SDM in every channel (too few atoms? σxy {sxy}, σz {sz}, η {eta})");
    }

    /// <summary>Every channel's normalised z-SDM into destination; false when one is undefined.</summary>
    internal static bool Profiles(Atoms atoms, BankSpec spec, Scratch scratch, Span<float> destination)
    {
        for (var c = 0; c < spec.Channels.Count; c++)
        {
            var pair = spec.Channels[c];
            var (ax, ay, az) = atoms.Select(pair.Centre);
            var (bx, by, bz) = pair.IsSameElement ? (ax, ay, az) : atoms.Select(pair.Neighbour);
            Array.Clear(scratch.Full);
            ZSdm.AccumulatePairs(ax, ay, az, bx, by, bz, spec.PairRadius, scratch.Full);
            ZSdm.Crop(scratch.Full, scratch.Cropped);
            if (!Preprocessing.MinMax(scratch.Cropped, scratch.Cropped)) return false;
            var d = destination.Slice(c * PatternBank.Bins, PatternBank.Bins);
            for (var k = 0; k < PatternBank.Bins; k++) d[k] = (float)scratch.Cropped[k];
        }
        return true;
    }

    internal sealed class Scratch
    {
        public long[] Full { get; } = new long[ZSdm.FullBinCount];
        public double[] Cropped { get; } = new double[ZSdm.CropLength];
    }
}
