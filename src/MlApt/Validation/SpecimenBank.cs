using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Banks;
using MlApt.Specimens;
using MlApt.Crystal;

namespace MlApt.Validation;

/// <summary>
/// A training bank cut from simulated specimens: the voxel z-SDMs of the map itself (same scan, same
/// preprocessing as <see cref="CsroMapper"/>), labelled CSRO when at least half of the voxel (its cube) lies
/// inside a domain. Unlike the reference bank (perfect 3-cell crystals, min–max only), the samples see
/// what the map sees: partial domains, finite sampling, the solid-solution matrix around them.
/// </summary>
public static partial class SpecimenBank
{
    /// <summary>Class names (label 0 = matrix, 1 = CSRO).</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["matrix", "CSRO"];

    /// <summary>Matrix samples kept per CSRO sample (the rest of the matrix voxels are dropped at random).</summary>
    public const double MatrixPerCsro = 3.0;

    /// <summary>Samples a domain-free specimen gives without a per-specimen cap.</summary>
    public const int DefaultDomainFreeSamples = 2000;

    /// <summary>Generates the bank of <paramref name="specimens"/> specimens of the validation ranges; same seed, same bank.</summary>
    /// <param name="specimens">Number of specimens.</param>
    /// <param name="seed">Bank seed.</param>
    /// <param name="stage">What the samples hold of each z-SDM (as the map will feed the model).</param>
    /// <param name="sphereRadius">Voxel sphere radius (nm; the reference's is 0.75).</param>
    /// <param name="pairs">Channels (null: Ni-Ni).</param>
    /// <param name="progress">Called after each specimen.</param>
    /// <param name="order">The order type of the specimens' domains (default L1₂ Ni along ⟨001⟩).</param>
    public static PatternBank Generate(int specimens, long seed, SdmStage stage = SdmStage.Preprocessed, double sphereRadius = VoxelScanOptions.DefaultSphereRadius,
        IReadOnlyList<ElementPair>? pairs = null, Action<int>? progress = null, OrderType? order = null) =>
        Generate(new SpecimenBankOptions(specimens, seed)
        {
            Stage = stage, SphereRadius = sphereRadius, Pairs = pairs, Order = order ?? OrderType.L12Along001,
        }, progress);

    /// <summary>
    /// Generates a specimen bank: the voxels of <see cref="SpecimenBankOptions.Specimens"/> specimens with domains
    /// (CSRO and matrix, <see cref="MatrixPerCsro"/> matrix samples per CSRO sample) and of
    /// <see cref="SpecimenBankOptions.DomainFree"/> specimens without (matrix only: the negatives of the
    /// conditions, such as a sparse, noisy detector, where the matrix alone looks most like order). A voxel is
    /// CSRO by <see cref="SpecimenBankOptions.Label"/>: by default when at least half of its cube (edge: the voxel,
    /// 1 nm; the region its score is averaged into) lies inside a domain, whatever the sphere its z-SDM is taken
    /// from. Same options, same bank.
    /// </summary>
    /// <param name="options">What to generate.</param>
    /// <param name="progress">Called after each specimen with the number done.</param>
    public static PatternBank Generate(SpecimenBankOptions options, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var pairs = options.ChannelPairs;
        var channels = pairs.Count;
        var x = new List<float>();
        var y = new List<int>();
        var samples = new List<SampleParameters>();
        var scan = new VoxelScanOptions(SphereRadius: options.SphereRadius);
        var region = options.Label == BankVoxelLabel.Sphere075 ? SpherePoints(0.75) : CubePoints(scan.Voxel);
        var total = options.Specimens + options.DomainFree;
        for (var n = 0; n < total; n++)
        {
            var domainFree = n >= options.Specimens;
            var draw = SpecimenFor(options, domainFree ? n - options.Specimens : n, domainFree);
            var spec = draw.Spec;
            var table = RangeTable.Parse(SpecimenRanges.Rrng(spec), "specimen.rrng");
            var specimen = SimulatedSpecimen.Generate(spec);
            var mid = -spec.Size.Z / 2;
            var box = SpecimenValidation.AnalysisBox(spec);
            if (draw.ZScale != 1)
                box = box with { ZMin = mid + draw.ZScale * (box.ZMin - mid), ZMax = mid + draw.ZScale * (box.ZMax - mid) };
            var cloud = DetectionEnvelope.ScaleZ(specimen.Cloud, draw.ZScale, mid);
            var (inputs, centres) = VoxelProfiles(cloud, table, pairs, box, options.Stage, options.SphereRadius);
            var index = new DomainIndex(specimen.Domains);
            var pick = new Random(unchecked((int)(options.Seed * 31 + n)));
            var labels = new int[centres.Count];
            var positives = 0;
            for (var v = 0; v < centres.Count; v++)
            {
                labels[v] = IsCsro(index, centres[v], region, draw.ZScale, mid) ? 1 : 0;
                positives += labels[v];
            }
            var negatives = centres.Count - positives;
            double keepCsro, keepMatrix;
            if (domainFree)
            {
                keepCsro = 0;
                var wanted = options.SamplesPerSpecimen ?? DefaultDomainFreeSamples;
                keepMatrix = negatives == 0 ? 0 : Math.Min(1.0, wanted / (double)negatives);
            }
            else
            {
                keepCsro = options.SamplesPerSpecimen is { } cap && positives > 0 ? Math.Min(1.0, cap / ((1 + MatrixPerCsro) * positives)) : 1.0;
                keepMatrix = negatives == 0 ? 0 : Math.Min(1.0, MatrixPerCsro * keepCsro * Math.Max(positives, 1) / negatives);
            }
            for (var v = 0; v < centres.Count; v++)
            {
                if (pick.NextDouble() >= (labels[v] == 1 ? keepCsro : keepMatrix)) continue;
                x.AddRange(inputs.AsSpan(v * channels * VoxelScan.Bins, channels * VoxelScan.Bins));
                y.Add(labels[v]);
                samples.Add(new SampleParameters(labels[v], spec.SigmaXy, spec.SigmaZ, spec.Efficiency, draw.TiltDegrees, double.NaN, spec.A, 1));
            }
            progress?.Invoke(n + 1);
        }
        var describe = Describe(options);
        var order = options.Order;
        var lattice = options.Lattice.ToUpperInvariant();
        var elements = options.Composition.Select(c => c.Element).ToList();
        var info = new BankInfo(options.Stage == SdmStage.Preprocessed ? "specimens" : "specimens-minmax", ClassNames, pairs.Select(p => p.ToString()).ToArray(), options.Seed, order.Pole,
        [
            new ClassInfo("matrix", lattice, "SolidSolution", elements, null, null, describe),
            new ClassInfo("CSRO", lattice, order.Structure, [order.Element, .. elements.Where(e => e != order.Element)], null, null, describe),
        ]);
        return new PatternBank([.. x], [.. y], samples, info);
    }

    /// <summary>
    /// The preprocessed voxel z-SDMs of one specimen (one channel), exactly as the map computes them, with the
    /// voxel centres; undefined voxels are left out. The mapper hands its classifier every analysable voxel
    /// in ascending voxel order; the recording classifier keeps the inputs and answers with the running
    /// number, which the map then stores per voxel, so each recorded input finds its voxel.
    /// </summary>
    public static (float[] Inputs, List<(double X, double Y, double Z)> Centres) VoxelProfiles(IonCloud cloud, RangeTable table,
        IReadOnlyList<ElementPair> pairs, SpecimenSpec spec, SdmStage stage = SdmStage.Preprocessed, double sphereRadius = VoxelScanOptions.DefaultSphereRadius) =>
        VoxelProfiles(cloud, table, pairs, SpecimenValidation.AnalysisBox(spec), stage, sphereRadius);

    /// <summary>The voxel z-SDMs of <paramref name="cloud"/> inside <paramref name="box"/>, as above.</summary>
    public static (float[] Inputs, List<(double X, double Y, double Z)> Centres) VoxelProfiles(IonCloud cloud, RangeTable table,
        IReadOnlyList<ElementPair> pairs, Geometry.Box box, SdmStage stage = SdmStage.Preprocessed, double sphereRadius = VoxelScanOptions.DefaultSphereRadius)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(table);
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
        var options = new MapOptions(Box: box, Scan: new VoxelScanOptions(SphereRadius: sphereRadius),
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

    /// <summary>
    /// The label of the voxel centred on <paramref name="centre"/>: whether at least half of <paramref name="region"/>
    /// (points filling the labelled region about the voxel centre: its cube, or a sphere) lies inside a domain. The
    /// domains are those of the unstretched specimen; <paramref name="zScale"/> about <paramref name="mid"/> is undone first.
    /// </summary>
    internal static bool IsCsro(DomainIndex index, (double X, double Y, double Z) centre, IReadOnlyList<(double X, double Y, double Z)> region,
        double zScale = 1, double mid = 0)
    {
        var inside = 0;
        foreach (var (px, py, pz) in region)
        {
            var z = zScale == 1 ? centre.Z + pz : mid + (centre.Z + pz - mid) / zScale;
            if (index.Contains(centre.X + px, centre.Y + py, z)) inside++;
        }
        return inside * 2 >= region.Count;
    }

    /// <summary>Points filling a sphere of the radius evenly (a 0.15-nm cubic grid inside it).</summary>
    internal static List<(double X, double Y, double Z)> SpherePoints(double radius)
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

    /// <summary>Points filling a cube of edge <paramref name="edge"/> centred on the origin evenly (8 × 8 × 8 cell centres).</summary>
    internal static List<(double X, double Y, double Z)> CubePoints(double edge)
    {
        const int n = 8;
        var points = new List<(double, double, double)>(n * n * n);
        for (var k = 0; k < n; k++)
        for (var j = 0; j < n; j++)
        for (var i = 0; i < n; i++)
            points.Add((((i + 0.5) / n - 0.5) * edge, ((j + 0.5) / n - 0.5) * edge, ((k + 0.5) / n - 0.5) * edge));
        return points;
    }
}
