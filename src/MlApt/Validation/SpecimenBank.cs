using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Banks;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>
/// A training bank cut from simulated specimens: the voxel z-SDMs of the map itself (same scan, same
/// preprocessing as <see cref="CsroMapper"/>), labelled CSRO when at least half of the voxel's sphere lies
/// inside a domain. Unlike the reference bank (perfect 3-cell crystals, min–max only), the samples see
/// what the map sees: partial domains, finite sampling, the solid-solution matrix around them.
/// </summary>
public static class SpecimenBank
{
    /// <summary>Class names (label 0 = matrix, 1 = CSRO).</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["matrix", "CSRO"];

    /// <summary>Matrix samples kept per CSRO sample (the rest of the matrix voxels are dropped at random).</summary>
    public const double MatrixPerCsro = 3.0;

    /// <summary>
    /// The spec of specimen <paramref name="index"/>: CoCrNi, L1₂ Ni domains, parameters drawn uniformly from
    /// ranges a little wider than the validation ranges (η 0.30–0.65, σxy 0.25–0.55 nm, σz 0.025–0.045 nm,
    /// order 0.7–1.0, radii 0.8–2.0 nm), 14 × 14 × 24 nm with 25 domains.
    /// </summary>
    public static SpecimenSpec SpecimenFor(long seed, int index)
    {
        // One stream per bank seed, skipped ahead: consecutive seeds of System.Random give correlated first draws.
        var r = new Random(unchecked((int)(seed * 1_000_003 + 11)));
        for (var skip = 0; skip < 5 * index; skip++) r.NextDouble();
        double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
        return new SpecimenSpec
        {
            Size = (14, 14, 24),
            Domains = 25,
            RadiusMin = 0.8,
            RadiusMax = 2.0,
            Efficiency = U(0.30, 0.65),
            SigmaXy = U(0.25, 0.55),
            SigmaZ = U(0.025, 0.045),
            Order = U(0.7, 1.0),
            Seed = r.Next(),
        };
    }

    /// <summary>Generates the bank of <paramref name="specimens"/> specimens; same seed, same bank.</summary>
    /// <param name="specimens">Number of specimens.</param>
    /// <param name="seed">Bank seed.</param>
    /// <param name="stage">What the samples hold of each z-SDM (as the map will feed the model).</param>
    /// <param name="sphereRadius">Voxel sphere radius (nm; the reference's is 0.75).</param>
    /// <param name="pairs">Channels (null: Ni-Ni).</param>
    /// <param name="progress">Called after each specimen.</param>
    public static PatternBank Generate(int specimens, long seed, SdmStage stage = SdmStage.Preprocessed, double sphereRadius = VoxelScanOptions.DefaultSphereRadius,
        IReadOnlyList<ElementPair>? pairs = null, Action<int>? progress = null)
    {
        pairs ??= [new ElementPair("Ni", "Ni")];
        var channels = pairs.Count;
        if (specimens < 1) throw new ArgumentOutOfRangeException(nameof(specimens), "at least one specimen");
        if (!(sphereRadius is > 0.1 and <= 3))
            InputError.In("sphere-radius", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sphereRadius}: expected 0.1 … 3 nm"));
        var x = new List<float>();
        var y = new List<int>();
        var samples = new List<SampleParameters>();
        var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"]), "specimen.rrng");
        var sphere = SpherePoints(VoxelScanOptions.DefaultSphereRadius);
        for (var n = 0; n < specimens; n++)
        {
            var spec = SpecimenFor(seed, n);
            var specimen = SimulatedSpecimen.Generate(spec);
            var (inputs, centres) = VoxelProfiles(specimen.Cloud, table, pairs, spec, stage, sphereRadius);
            var index = new DomainIndex(specimen.Domains);
            var pick = new Random(unchecked((int)(seed * 31 + n)));
            var labels = new int[centres.Count];
            var positives = 0;
            for (var v = 0; v < centres.Count; v++)
            {
                var (cx, cy, cz) = centres[v];
                var inside = 0;
                foreach (var (px, py, pz) in sphere)
                {
                    if (index.Contains(cx + px, cy + py, cz + pz)) inside++;
                }
                labels[v] = inside * 2 >= sphere.Count ? 1 : 0;
                positives += labels[v];
            }
            var negatives = centres.Count - positives;
            var keepMatrix = negatives == 0 ? 0 : Math.Min(1.0, MatrixPerCsro * Math.Max(positives, 1) / negatives);
            for (var v = 0; v < centres.Count; v++)
            {
                var draw = pick.NextDouble();
                if (labels[v] == 0 && draw >= keepMatrix) continue;
                x.AddRange(inputs.AsSpan(v * channels * VoxelScan.Bins, channels * VoxelScan.Bins));
                y.Add(labels[v]);
                samples.Add(new SampleParameters(labels[v], spec.SigmaXy, spec.SigmaZ, spec.Efficiency, 0, double.NaN, spec.A, 1));
            }
            progress?.Invoke(n + 1);
        }
        var info = new BankInfo(stage == SdmStage.Preprocessed ? "specimens" : "specimens-minmax", ClassNames, pairs.Select(p => p.ToString()).ToArray(), seed, (0, 0, 1),
        [
            new ClassInfo("matrix", "FCC", "SolidSolution", ["Co", "Cr", "Ni"], null, null, Describe(specimens)),
            new ClassInfo("CSRO", "FCC", "L12", ["Ni", "Co", "Cr"], null, null, Describe(specimens)),
        ]);
        return new PatternBank([.. x], [.. y], samples, info);
    }

    private static Dictionary<string, string> Describe(int specimens) => new(StringComparer.Ordinal)
    {
        ["sampling"] = $"voxels of {specimens} simulated specimens (14 x 14 x 24 nm, 25 L12 Ni domains each)",
        ["sigma_xy"] = "0.25:0.55",
        ["sigma_z"] = "0.025:0.045",
        ["eta"] = "0.30:0.65",
        ["order"] = "0.7:1.0",
        ["radius_nm"] = "0.8:2.0",
        ["label"] = "CSRO when at least half of the voxel sphere lies inside a domain",
    };

    /// <summary>
    /// The preprocessed voxel z-SDMs of one specimen (one channel), exactly as the map computes them, with the
    /// voxel centres; undefined voxels are left out. The mapper hands its classifier every analysable voxel
    /// in ascending voxel order; the recording classifier keeps the inputs and answers with the running
    /// number, which the map then stores per voxel, so each recorded input finds its voxel.
    /// </summary>
    public static (float[] Inputs, List<(double X, double Y, double Z)> Centres) VoxelProfiles(IonCloud cloud, RangeTable table,
        IReadOnlyList<ElementPair> pairs, SpecimenSpec spec, SdmStage stage = SdmStage.Preprocessed, double sphereRadius = VoxelScanOptions.DefaultSphereRadius)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pairs);
        var size = pairs.Count * VoxelScan.Bins;
        var recorded = new List<float>();
        var seen = 0;
        void Record(ReadOnlySpan<float> inputs, int count, Span<float> p, Span<float> std)
        {
            recorded.AddRange(inputs[..(count * size)]);
            for (var t = 0; t < count; t++) { p[t] = seen++; std[t] = 0; }
        }
        // No sub-voxel can pass this threshold: the map stops at the voxels.
        var options = new MapOptions(Box: SpecimenValidation.AnalysisBox(spec), Scan: new VoxelScanOptions(SphereRadius: sphereRadius),
            Threshold: double.MaxValue, Stage: stage);
        var map = CsroMapper.Map(cloud, table.Assign(cloud), table, pairs, Record, options);
        var all = recorded.ToArray();
        var kept = new List<float>(all.Length);
        var centres = new List<(double, double, double)>();
        for (var v = 0; v < map.VoxelProbability.Length; v++)
        {
            var id = map.VoxelProbability[v];
            if (float.IsNaN(id)) continue;
            var input = all.AsSpan((int)id * size, size);
            if (HasNaN(input)) continue;
            kept.AddRange(input);
            centres.Add(map.Grid.Centre(v));
        }
        return ([.. kept], centres);
    }

    private static bool HasNaN(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (float.IsNaN(v)) return true;
        }
        return false;
    }

    /// <summary>Points filling a sphere of the radius evenly (a 0.15-nm cubic grid inside it).</summary>
    private static List<(double X, double Y, double Z)> SpherePoints(double radius)
    {
        var points = new List<(double, double, double)>();
        const double step = 0.15;
        var n = (int)Math.Ceiling(radius / step);
        for (var k = -n; k <= n; k++)
        for (var j = -n; j <= n; j++)
        for (var i = -n; i <= n; i++)
        {
            double x = i * step, y = j * step, z = k * step;
            if (x * x + y * y + z * z <= radius * radius) points.Add((x, y, z));
        }
        return points;
    }
}
