using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Specimens;

/// <summary>
/// The large-scale APT simulation with known truth (METHOD §10): a random solid solution on an FCC or BCC
/// lattice, in any orientation, with embedded ordered spherical domains, seen through the detector model
/// (random detection with probability η, Gaussian position noise σxy, σxy, σz, isotope masses at the
/// charge state with a little mass noise). x, y are centred on the axis; z runs from −size.Z to 0.
/// </summary>
public sealed class SimulatedSpecimen
{
    private SimulatedSpecimen(SpecimenSpec spec, IonCloud cloud, IReadOnlyList<SphericalDomain> domains, long sites)
    {
        Spec = spec; Cloud = cloud; Domains = domains; Sites = sites;
    }

    /// <summary>The parameters.</summary>
    public SpecimenSpec Spec { get; }
    /// <summary>The detected ions.</summary>
    public IonCloud Cloud { get; }
    /// <summary>The domains (the truth).</summary>
    public IReadOnlyList<SphericalDomain> Domains { get; }
    /// <summary>Lattice sites in the specimen before detection.</summary>
    public long Sites { get; }

    /// <summary>Total domain volume over specimen volume.</summary>
    public double TrueVolumeFraction => Domains.Sum(d => d.Volume) / (Spec.Size.X * Spec.Size.Y * Spec.Size.Z);

    /// <summary>
    /// Simulates a specimen. The same spec gives the same ions. The matrix does not depend on the domains:
    /// a twin with <c>Domains = 0</c> (same seed) has the same detected sites, positions and matrix species,
    /// and differs only inside the domains — the domain-free control of validation.
    /// </summary>
    public static SimulatedSpecimen Generate(SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var domains = PlaceDomains(spec);
        var fcc = spec.Lattice.Equals("fcc", StringComparison.OrdinalIgnoreCase);
        var lattice = fcc ? Lattice.Fcc : Lattice.Bcc;
        var rotation = Orientation.ToZ(spec.Orientation.H, spec.Orientation.K, spec.Orientation.L);
        var inverse = rotation.Transpose();
        var (sx, sy, sz) = spec.Size;
        var a = spec.A;

        // Crystal cells covering the specimen box (specimen → crystal is the inverse rotation).
        double[] lo = [double.MaxValue, double.MaxValue, double.MaxValue], hi = [double.MinValue, double.MinValue, double.MinValue];
        foreach (var cx in new[] { 0.0, sx })
        foreach (var cy in new[] { 0.0, sy })
        foreach (var cz in new[] { 0.0, sz })
        {
            var (px, py, pz) = inverse.Apply(cx, cy, cz);
            double[] p = [px, py, pz];
            for (var d = 0; d < 3; d++) { lo[d] = Math.Min(lo[d], p[d]); hi[d] = Math.Max(hi[d], p[d]); }
        }
        int i0 = (int)Math.Floor(lo[0] / a) - 1, i1 = (int)Math.Ceiling(hi[0] / a) + 1;
        int j0 = (int)Math.Floor(lo[1] / a) - 1, j1 = (int)Math.Ceiling(hi[1] / a) + 1;
        int k0 = (int)Math.Floor(lo[2] / a) - 1, k1 = (int)Math.Ceiling(hi[2] / a) + 1;

        var fractions = spec.Fractions;
        var names = fractions.Select(f => f.Element).ToArray();
        var matrix = Cumulative(fractions.Select(f => f.Fraction).ToArray());
        var others = Cumulative(fractions.Select(f => f.Element == spec.Element ? 0.0 : f.Fraction).ToArray());
        var ordered = Array.IndexOf(names, spec.Element);
        var firstSublattice = lattice.Basis.Select(b => FirstSublattice(spec.Structure, b)).ToArray();
        var alternatePlanes = spec.Structure == DomainStructure.L11;
        var doubledCell = spec.Structure == DomainStructure.D03;
        var masses = names.Select(e => Isotopes.Of(e)).ToArray();
        var charges = names.Select(spec.ChargeOf).ToArray();
        var index = new DomainIndex(domains);

        var expected = (int)Math.Min(int.MaxValue - 64, sx * sy * sz / (a * a * a) * lattice.Basis.Count * spec.Efficiency * 1.02) + 64;
        List<float> x = new(expected), y = new(expected), z = new(expected), m = new(expected);
        var random = new Random(spec.Seed);
        long sites = 0;
        for (var k = k0; k <= k1; k++)
        for (var j = j0; j <= j1; j++)
        for (var i = i0; i <= i1; i++)
        for (var b = 0; b < lattice.Basis.Count; b++)
        {
            var s = lattice.Basis[b];
            var (qx, qy, qz) = rotation.Apply((i + s.U) * a, (j + s.V) * a, (k + s.W) * a);
            if (qx < 0 || qx >= sx || qy < 0 || qy >= sy || qz < 0 || qz >= sz) continue;
            double px = qx - sx / 2, py = qy - sy / 2, pz = -qz;
            sites++;
            // Every detected site draws the same random numbers whatever it holds, so the domain-free
            // twin of a specimen shares its matrix.
            if (random.NextDouble() >= spec.Efficiency) continue;
            var u = random.NextDouble();
            var v = random.NextDouble();
            var element = Draw(matrix, u);
            if (index.Contains(px, py, pz) && v < spec.Order)
                element = (alternatePlanes ? EvenPlane111(i, j, k, s) : firstSublattice[b] && (!doubledCell || ((i + j + k) & 1) == 0)) ? ordered : Draw(others, u);
            x.Add((float)(px + spec.SigmaXy * Gaussian(random)));
            y.Add((float)(py + spec.SigmaXy * Gaussian(random)));
            z.Add((float)(pz + spec.SigmaZ * Gaussian(random)));
            m.Add((float)(Mass(masses[element], random.NextDouble()) / charges[element] + spec.MassNoise * Gaussian(random)));
        }
        return new SimulatedSpecimen(spec, new IonCloud([.. x], [.. y], [.. z], [.. m]), domains, sites);
    }

    /// <summary>
    /// Places the domains: radii uniform in [min, max], centres uniform such that each sphere lies inside
    /// the specimen and no two overlap (rejection sampling on a stream separate from the lattice's).
    /// </summary>
    public static IReadOnlyList<SphericalDomain> PlaceDomains(SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(unchecked(spec.Seed * 7919 + 104_729));
        var (sx, sy, sz) = spec.Size;
        var placed = new List<SphericalDomain>(spec.Domains);
        var attempts = 0;
        while (placed.Count < spec.Domains)
        {
            if (++attempts > 1000 * (spec.Domains + 10))
                throw new ArgumentException($"domains {spec.Domains}: cannot place that many non-overlapping spheres of radius {spec.RadiusMin}-{spec.RadiusMax} nm in the specimen");
            var r = spec.RadiusMin + (spec.RadiusMax - spec.RadiusMin) * random.NextDouble();
            var d = new SphericalDomain(
                -sx / 2 + r + (sx - 2 * r) * random.NextDouble(),
                -sy / 2 + r + (sy - 2 * r) * random.NextDouble(),
                -sz + r + (sz - 2 * r) * random.NextDouble(), r);
            if (placed.Any(o => Math.Pow(o.X - d.X, 2) + Math.Pow(o.Y - d.Y, 2) + Math.Pow(o.Z - d.Z, 2) < Math.Pow(o.Radius + d.Radius, 2)))
                continue;
            placed.Add(d);
        }
        return placed;
    }

    /// <summary>Whether a basis site belongs to the ordered element's sublattice.</summary>
    private static bool FirstSublattice(DomainStructure structure, BasisSite s) => structure switch
    {
        DomainStructure.L12 or DomainStructure.B2 => s.U == 0 && s.V == 0 && s.W == 0,
        DomainStructure.D03 => s.U == 0 && s.V == 0 && s.W == 0, // and i + j + k even: the doubled cell
        DomainStructure.L10 => s.W == 0,
        DomainStructure.L11 => false, // depends on the cell too: EvenPlane111
        _ => throw new ArgumentOutOfRangeException(nameof(structure)),
    };

    /// <summary>
    /// Whether FCC site (i + u, j + v, k + w) lies on an even (111) plane: x + y + z (units of a) is an integer on
    /// the FCC lattice and numbers the (111) planes, d₁₁₁ = a/√3 apart; L1₁ puts its element on the even ones.
    /// </summary>
    private static bool EvenPlane111(int i, int j, int k, BasisSite s)
    {
        var plane = i + j + k + (int)Math.Round(s.U + s.V + s.W);
        return (plane & 1) == 0;
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var c = new double[weights.Length];
        double acc = 0;
        for (var i = 0; i < weights.Length; i++) { acc += weights[i] / total; c[i] = acc; }
        c[^1] = 1.0;
        return c;
    }

    private static int Draw(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i]) return i;
        }
        return cumulative.Length - 1;
    }

    internal static double Mass(IReadOnlyList<(double Mass, double Abundance)> isotopes, double u)
    {
        foreach (var (mass, abundance) in isotopes)
        {
            if ((u -= abundance) <= 0) return mass;
        }
        return isotopes[0].Mass;
    }

    internal static double Gaussian(Random r)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
