using MlApt.Crystal;
using System.Globalization;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>
/// The grid of a detection envelope: two parameter planes (domain radius × order S, efficiency η × σxy) and
/// four single axes (σz, residual tilt of the pole, z-scale error, composition), each varied around
/// <see cref="Base"/>. Every point is an independently seeded specimen.
/// </summary>
public sealed record EnvelopeGrid
{
    /// <summary>The specimen every point starts from.</summary>
    public SpecimenSpec Base { get; init; } = new();
    /// <summary>Domain radii (nm) of the radius × S plane; the number of domains keeps the base's domain volume.</summary>
    public IReadOnlyList<double> Radius { get; init; } = [0.5, 0.8, 1.2, 1.6, 2.0];
    /// <summary>Order parameters S of the radius × S plane.</summary>
    public IReadOnlyList<double> Order { get; init; } = [0.4, 0.6, 0.8, 1.0];
    /// <summary>Detection efficiencies of the η × σxy plane.</summary>
    public IReadOnlyList<double> Efficiency { get; init; } = [0.25, 0.4, 0.55, 0.8];
    /// <summary>Lateral noise values (nm) of the η × σxy plane.</summary>
    public IReadOnlyList<double> SigmaXy { get; init; } = [0.2, 0.35, 0.5, 0.7];
    /// <summary>Depth noise values (nm).</summary>
    public IReadOnlyList<double> SigmaZ { get; init; } = [0.02, 0.04, 0.06];
    /// <summary>Residual tilts (degrees) of the pole from z, towards a seeded azimuth.</summary>
    public IReadOnlyList<double> TiltDegrees { get; init; } = [0, 2, 4, 6, 8];
    /// <summary>Scale factors of z about the specimen's mid-depth (a reconstruction's depth-scale error).</summary>
    public IReadOnlyList<double> ZScale { get; init; } = [0.9, 0.95, 1.0, 1.05, 1.1];
    /// <summary>Matrix compositions (Element:amount,…).</summary>
    public IReadOnlyList<string> Compositions { get; init; } = ["Co:1,Cr:1,Ni:1", "Co:1,Cr:1,Ni:2", "Co:2,Cr:1,Ni:1", "Co:1,Cr:2,Ni:1"];
    /// <summary>Seed of the first point; point i uses SeedStart + i.</summary>
    public int SeedStart { get; init; } = 5000;
    /// <summary>The order type of the domains: its structure and element, its pole along z (tilts tilt it).</summary>
    public OrderType OrderType { get; init; } = OrderType.L12Along001;

    /// <summary>This grid for <paramref name="order"/>: its base specimen holds that order's domains, its pole along z.</summary>
    public EnvelopeGrid For(OrderType order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return this with { OrderType = order, Base = Base.WithOrder(order) };
    }

    /// <summary>The full grid: 20 × 20 × 40 nm specimens, 53 points (4 × 5 + 4 × 4 planes, 3 σz, 5 tilts, 5 z-scales, 4 compositions).</summary>
    public static EnvelopeGrid Default { get; } = new();

    /// <summary>
    /// 30 points on 16 × 16 × 30 nm specimens (14 domains of 1.0–1.8 nm at the base): 3 × 3 planes and three
    /// values per axis, about a quarter of the default's time.
    /// </summary>
    public static EnvelopeGrid Quick { get; } = new()
    {
        Base = new SpecimenSpec { Size = (16, 16, 30), Domains = 14 },
        Radius = [0.6, 1.0, 1.6], Order = [0.5, 0.75, 1.0], Efficiency = [0.3, 0.5, 0.8], SigmaXy = [0.2, 0.4, 0.6],
        SigmaZ = [0.02, 0.04, 0.06], TiltDegrees = [0, 4, 8], ZScale = [0.9, 1.0, 1.1],
        Compositions = ["Co:1,Cr:1,Ni:1", "Co:1,Cr:1,Ni:2", "Co:1,Cr:2,Ni:1"],
    };

    /// <summary>A grid of 10 points on 8 × 8 × 10 nm specimens: that the envelope runs, not what it measures.</summary>
    public static EnvelopeGrid Tiny { get; } = new()
    {
        Base = new SpecimenSpec { Size = (8, 8, 10), Domains = 3, RadiusMin = 1.2, RadiusMax = 1.6 },
        Radius = [1.0, 1.5], Order = [0.7, 1.0], Efficiency = [0.5], SigmaXy = [0.25, 0.4], SigmaZ = [0.04],
        TiltDegrees = [4], ZScale = [1.05], Compositions = ["Co:1,Cr:1,Ni:2"],
    };

    /// <summary>The grid called <paramref name="name"/>: default, quick or tiny; errors name <paramref name="parameter"/>.</summary>
    public static EnvelopeGrid Named(string name, string parameter = "envelope-grid") => name switch
    {
        "default" => Default,
        "quick" => Quick,
        "tiny" => Tiny,
        _ => throw new Io.InputException($"{parameter} '{name}': expected default, quick or tiny"),
    };

    /// <summary>Every point: its axis (a plane "radius×order", "eta×sigma_xy" or a single axis), values and transform.</summary>
    public IReadOnlyList<EnvelopePoint> Points()
    {
        var points = new List<EnvelopePoint>();
        var b = Base;
        var baseVolume = b.Domains * Math.PI * (b.RadiusMin + b.RadiusMax) * (b.RadiusMin * b.RadiusMin + b.RadiusMax * b.RadiusMax) / 3;
        void Add(string axis, Dictionary<string, double> values, SpecimenSpec spec, double tilt = 0, double zScale = 1, string? composition = null) =>
            points.Add(new EnvelopePoint(axis, values, spec with { Seed = SeedStart + points.Count }, tilt, zScale, composition) { OrderType = OrderType });
        foreach (var r in Radius)
        foreach (var s in Order)
        {
            // The same domain volume as the base: many small domains or a few large ones.
            var count = Math.Max(1, (int)Math.Round(baseVolume / (4.0 / 3 * Math.PI * r * r * r)));
            Add("radius×order", new() { ["radius_nm"] = r, ["order"] = s }, b with { RadiusMin = r, RadiusMax = r, Domains = count, Order = s });
        }
        foreach (var eta in Efficiency)
        foreach (var sxy in SigmaXy)
            Add("eta×sigma_xy", new() { ["eta"] = eta, ["sigma_xy_nm"] = sxy }, b with { Efficiency = eta, SigmaXy = sxy });
        foreach (var sz in SigmaZ)
            Add("sigma_z", new() { ["sigma_z_nm"] = sz }, b with { SigmaZ = sz });
        foreach (var t in TiltDegrees)
            Add("tilt", new() { ["tilt_deg"] = t }, b, tilt: t);
        foreach (var z in ZScale)
            Add("z_scale", new() { ["z_scale"] = z }, b, zScale: z);
        for (var c = 0; c < Compositions.Count; c++)
            Add("composition", new() { ["composition_index"] = c }, b with { Composition = ParseComposition(Compositions[c]) }, composition: Compositions[c]);
        return points;
    }

    /// <summary>Parses Element:amount,… (amounts ≥ 0).</summary>
    public static IReadOnlyList<(string Element, double Amount)> ParseComposition(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var kv = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !(amount >= 0))
                throw new ArgumentException($"composition '{text}': '{part}' is not Element:amount", nameof(text));
            return (kv[0], amount);
        }).ToList();
    }
}

/// <summary>One specimen of the envelope.</summary>
/// <param name="Axis">Which plane or axis it belongs to.</param>
/// <param name="Values">The varied parameters and their values.</param>
/// <param name="Spec">The simulated specimen (its own seed).</param>
/// <param name="TiltDegrees">The pole's tilt from z (degrees), towards a seeded azimuth.</param>
/// <param name="ZScale">The z-scale error applied to the ions (and, for the truth, to the domains).</param>
/// <param name="Composition">The composition text on the composition axis.</param>
public sealed record EnvelopePoint(string Axis, IReadOnlyDictionary<string, double> Values, SpecimenSpec Spec, double TiltDegrees, double ZScale, string? Composition)
{
    /// <summary>The order type of the domains, whose pole a tilt tilts off z.</summary>
    public OrderType OrderType { get; init; } = OrderType.L12Along001;
}

/// <summary>What one point measured.</summary>
/// <param name="Point">The point.</param>
/// <param name="Score">Sub-voxel scores against the truth.</param>
/// <param name="NullFalsePositiveFraction">Selected / defined sub-voxels of the domain-free twin.</param>
/// <param name="Seconds">Wall time of the point (both maps).</param>
public sealed record EnvelopeResult(EnvelopePoint Point, MapScore Score, double NullFalsePositiveFraction, double Seconds);

/// <summary>
/// The detection envelope: maps each point's specimen and its domain-free twin (same seed: the same matrix)
/// with the same settings and scores the map per sub-voxel against the truth inside the specimen moved in by
/// 1 nm. A tilted point puts the order type's pole (⟨001⟩ by default) off z (the simulator's orientation); a z-scale point
/// stretches the detected ions' depths about mid-depth, and the truth's domains with them (ellipsoids).
/// </summary>
public static class DetectionEnvelope
{
    /// <summary>
    /// Maps and scores every point of <paramref name="grid"/> in order, each with the pairs <paramref name="pairs"/> gives
    /// for its specimen; <paramref name="progress"/> hears each result with the count done and the total.
    /// </summary>
    public static IReadOnlyList<EnvelopeResult> MeasureAll(EnvelopeGrid grid, Func<SpecimenSpec, IReadOnlyList<ElementPair>> pairs,
        VoxelClassifier classify, Func<Geometry.Box, MapOptions> options, Action<EnvelopeResult, int, int>? progress = null,
        CancellationToken cancellationToken = default, PoleAlignmentOptions? align = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(pairs);
        var points = grid.Points();
        var results = new List<EnvelopeResult>(points.Count);
        foreach (var point in points)
        {
            results.Add(Measure(point, pairs(point.Spec), classify, options, cancellationToken, align));
            progress?.Invoke(results[^1], results.Count, points.Count);
        }
        return results;
    }

    /// <summary>
    /// Maps and scores one point. With <paramref name="align"/>, the (stretched) ions are first put in the aligned
    /// frame; the truth is scored there (each sub-voxel centre rotated back, then unstretched), the twin is
    /// rotated the same way, and the box is the largest box of the aligned frame inside the specimen's.
    /// </summary>
    public static EnvelopeResult Measure(EnvelopePoint point, IReadOnlyList<ElementPair> pairs, VoxelClassifier classify,
        Func<Geometry.Box, MapOptions> options, CancellationToken cancellationToken = default, PoleAlignmentOptions? align = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var spec = point.Spec;
        if (point.TiltDegrees != 0)
        {
            var azimuth = 2 * Math.PI * new Random(spec.Seed).NextDouble();
            spec = spec with { Orientation = point.OrderType.TiltedPole(point.TiltDegrees, azimuth) };
        }
        var table = Io.RangeTable.Parse(SpecimenRanges.Rrng(spec), "specimen.rrng");
        var mid = -spec.Size.Z / 2;
        var box = SpecimenValidation.AnalysisBox(spec);
        box = box with { ZMin = mid + point.ZScale * (box.ZMin - mid), ZMax = mid + point.ZScale * (box.ZMax - mid) };
        var specimen = SimulatedSpecimen.Generate(spec);
        var cloud = ScaleZ(specimen.Cloud, point.ZScale, mid);
        PoleAlignmentResult? alignment = null;
        if (align is not null)
        {
            (cloud, alignment) = MapAlignment.Align(cloud, align, $"envelope point {point.Axis} (seed {spec.Seed})");
            box = MapAlignment.InscribedBox(box, alignment);
        }
        var mapOptions = options(box);
        var map = CsroMapper.Map(cloud, table.Assign(cloud), table, pairs, classify, mapOptions, null, cancellationToken);
        var score = MapScore.Of(map, TruthMask(map, specimen.Domains, point.ZScale, mid, alignment));
        var twin = ScaleZ(SimulatedSpecimen.Generate(spec with { Domains = 0 }).Cloud, point.ZScale, mid);
        if (alignment is not null)
            twin = MapAlignment.Apply(twin, alignment);
        var nullMap = CsroMapper.Map(twin, table.Assign(twin), table, pairs, classify, mapOptions with { Box = map.Box }, null, cancellationToken);
        return new EnvelopeResult(point, score, nullMap.VolumeFraction, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The cloud with z′ = mid + s (z − mid); the cloud itself when s = 1.</summary>
    public static IonCloud ScaleZ(IonCloud cloud, double scale, double mid)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (scale == 1) return cloud;
        var z = new float[cloud.Count];
        for (var i = 0; i < z.Length; i++) z[i] = (float)(mid + scale * (cloud.Z[i] - mid));
        return new IonCloud(cloud.X, cloud.Y, z, cloud.M, cloud.Extras);
    }

    /// <summary>
    /// Sub-voxels whose centre, rotated back out of the aligned frame (when <paramref name="alignment"/> is given)
    /// and unstretched, lies in a domain: the stretched domains are ellipsoids.
    /// </summary>
    public static byte[] TruthMask(CsroMap map, IReadOnlyList<SphericalDomain> domains, double scale, double mid, PoleAlignmentResult? alignment = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var index = new DomainIndex(domains);
        var sub = map.SubGrid;
        var mask = new byte[sub.Count];
        for (var s = 0; s < sub.Count; s++)
        {
            var (x, y, z) = sub.Centre(s);
            if (alignment is not null)
                (x, y, z) = MapAlignment.FromAligned(alignment, x, y, z);
            mask[s] = index.Contains(x, y, mid + (z - mid) / scale) ? (byte)1 : (byte)0;
        }
        return mask;
    }
}
