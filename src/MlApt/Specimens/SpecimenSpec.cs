using System.Globalization;

namespace MlApt.Specimens;

/// <summary>An ordered structure a simulated domain can take.</summary>
public enum DomainStructure
{
    /// <summary>L1₂ on FCC: the ordered element on the cube corners, the other elements on the face centres.</summary>
    L12,
    /// <summary>L1₀ on FCC: the ordered element on the z-integer (002) planes, the other elements between.</summary>
    L10,
    /// <summary>B2 on BCC: the ordered element on the cube corners, the other elements on the body centres.</summary>
    B2,
    /// <summary>
    /// L1₁ (CuPt-type) on FCC: the ordered element on alternate (111) planes (sites with h + k + l even, in units
    /// of a), the other elements on the planes between; seen along [111] its planes repeat every 2·d₁₁₁ = 2a/√3.
    /// </summary>
    L11,
    /// <summary>
    /// D0₃ (Fe₃Al-type) on BCC: the ordered element on one of the four FCC sublattices of the doubled cell (cube
    /// corners with i + j + k even), the other elements on every other site; seen along ⟨001⟩ its (002) corner
    /// planes are half the ordered element, its body-centre planes hold none.
    /// </summary>
    D03,
}

/// <summary>A spherical ordered domain of a simulated specimen (specimen coordinates, nm).</summary>
/// <param name="X">Centre x.</param>
/// <param name="Y">Centre y.</param>
/// <param name="Z">Centre z (negative: into the specimen).</param>
/// <param name="Radius">Radius.</param>
public readonly record struct SphericalDomain(double X, double Y, double Z, double Radius)
{
    /// <summary>Whether the point lies inside the sphere (boundary included).</summary>
    public bool Contains(double x, double y, double z)
    {
        double dx = x - X, dy = y - Y, dz = z - Z;
        return dx * dx + dy * dy + dz * dz <= Radius * Radius;
    }

    /// <summary>Volume (nm³).</summary>
    public double Volume => 4.0 / 3.0 * Math.PI * Radius * Radius * Radius;
}

/// <summary>
/// Every parameter of a simulated specimen (METHOD §10): a random solid solution with embedded ordered
/// spherical domains, seen through the detector model. Defaults: CoCrNi FCC (a = 0.356 nm), 20 × 20 × 40 nm,
/// 30 L1₂ Ni domains of radius 1.0–1.8 nm, ⟨001⟩ ∥ z, η 0.5, σxy 0.3 nm, σz 0.03 nm.
/// </summary>
public sealed record SpecimenSpec
{
    /// <summary>Specimen size (nm): x, y centred on the axis, z from −Z to 0.</summary>
    public (double X, double Y, double Z) Size { get; init; } = (20, 20, 40);
    /// <summary><c>fcc</c> or <c>bcc</c>.</summary>
    public string Lattice { get; init; } = "fcc";
    /// <summary>Lattice parameter a (nm).</summary>
    public double A { get; init; } = 0.356;
    /// <summary>Matrix composition: element and relative amount (normalised when used).</summary>
    public IReadOnlyList<(string Element, double Amount)> Composition { get; init; } = [("Co", 1), ("Cr", 1), ("Ni", 1)];
    /// <summary>Number of domains.</summary>
    public int Domains { get; init; } = 30;
    /// <summary>Smallest domain radius (nm).</summary>
    public double RadiusMin { get; init; } = 1.0;
    /// <summary>Largest domain radius (nm).</summary>
    public double RadiusMax { get; init; } = 1.8;
    /// <summary>The ordered element (on the ordered sublattice of the domains).</summary>
    public string Element { get; init; } = "Ni";
    /// <summary>Structure of the domains.</summary>
    public DomainStructure Structure { get; init; } = DomainStructure.L12;
    /// <summary>Order parameter S ∈ [0, 1]: a domain site takes its ideal element with probability S, else a matrix draw.</summary>
    public double Order { get; init; } = 1.0;
    /// <summary>Detection efficiency η.</summary>
    public double Efficiency { get; init; } = 0.5;
    /// <summary>Lateral noise σxy (nm).</summary>
    public double SigmaXy { get; init; } = 0.3;
    /// <summary>Depth noise σz (nm).</summary>
    public double SigmaZ { get; init; } = 0.03;
    /// <summary>The crystal direction put along z.</summary>
    public (double H, double K, double L) Orientation { get; init; } = (0, 0, 1);
    /// <summary>Charge state of every ion whose element <see cref="Charges"/> does not name.</summary>
    public int Charge { get; init; } = 2;
    /// <summary>
    /// Charge state per element (e.g. Fe 2, Al 1: ⁵⁴Fe²⁺ then falls on Al⁺ at 27 Da, as in real Fe–Al data);
    /// null or an element left out: <see cref="Charge"/>.
    /// </summary>
    public IReadOnlyList<(string Element, int Charge)>? Charges { get; init; }
    /// <summary>Gaussian noise of the mass-to-charge values (Da).</summary>
    public double MassNoise { get; init; } = 0.02;
    /// <summary>Random seed: same spec, same specimen.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The composition normalised to fractions.</summary>
    public IReadOnlyList<(string Element, double Fraction)> Fractions
    {
        get
        {
            var total = Composition.Sum(c => c.Amount);
            return Composition.Select(c => (c.Element, c.Amount / total)).ToList();
        }
    }

    /// <summary>The charge state of <paramref name="element"/>'s ions.</summary>
    public int ChargeOf(string element)
    {
        if (Charges is not null)
        {
            foreach (var (e, q) in Charges)
            {
                if (e == element) return q;
            }
        }
        return Charge;
    }

    /// <summary>This spec with the domains of <paramref name="order"/>: its structure and element, its pole along z.</summary>
    public SpecimenSpec WithOrder(Crystal.OrderType order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Enum.TryParse<DomainStructure>(order.Structure, ignoreCase: false, out var structure))
            throw new ArgumentException($"order structure '{order.Structure}': expected one of {string.Join(", ", Enum.GetNames<DomainStructure>())}", nameof(order));
        return this with { Structure = structure, Element = order.Element, Orientation = order.Pole };
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a readable message when the spec cannot be simulated.</summary>
    public void Validate()
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (!(Size.X > 0 && Size.Y > 0 && Size.Z > 0) || !double.IsFinite(Size.X * Size.Y * Size.Z))
            throw new ArgumentException($"size {F(Size.X)},{F(Size.Y)},{F(Size.Z)}: expected three positive lengths (nm)");
        if (Size.X * Size.Y * Size.Z > 2e5)
            throw new ArgumentException($"size {F(Size.X)},{F(Size.Y)},{F(Size.Z)}: at most 200,000 nm³ (about 18 million atoms)");
        if (!Lattice.Equals("fcc", StringComparison.OrdinalIgnoreCase) && !Lattice.Equals("bcc", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"lattice '{Lattice}': expected fcc or bcc");
        if (!(A >= 0.1 && A <= 1))
            throw new ArgumentException($"lattice-parameter {F(A)}: expected 0.1 … 1 nm");
        if (Composition.Count == 0 || Composition.Any(c => !(c.Amount >= 0) || !double.IsFinite(c.Amount)) || !(Composition.Sum(c => c.Amount) > 0))
            throw new ArgumentException("composition: expected Element:amount entries, amounts ≥ 0 and not all zero");
        if (Composition.Select(c => c.Element).Distinct(StringComparer.Ordinal).Count() != Composition.Count)
            throw new ArgumentException("composition: an element is listed twice");
        foreach (var (e, _) in Composition)
        {
            if (!Isotopes.Known(e))
                throw new ArgumentException($"composition: no isotope table for '{e}' (known: {string.Join(", ", Isotopes.Elements)})");
        }
        if (!Composition.Any(c => c.Element == Element && c.Amount > 0))
            throw new ArgumentException($"element '{Element}' is not in the composition ({string.Join(", ", Composition.Select(c => c.Element))})");
        if (Composition.Count(c => c.Amount > 0) < 2)
            throw new ArgumentException("composition: ordered domains need at least two elements");
        var fcc = Lattice.Equals("fcc", StringComparison.OrdinalIgnoreCase);
        if (fcc != (Structure is DomainStructure.L12 or DomainStructure.L10 or DomainStructure.L11))
            throw new ArgumentException($"structure {Structure} is not defined on {Lattice.ToUpperInvariant()} (FCC: L12, L11, L10; BCC: B2, D03)");
        if (Domains is < 0 or > 100_000)
            throw new ArgumentException($"domains {Domains}: expected 0 … 100000");
        if (!(RadiusMin > 0) || !(RadiusMax >= RadiusMin) || !double.IsFinite(RadiusMax))
            throw new ArgumentException($"radius {F(RadiusMin)}-{F(RadiusMax)}: expected 0 < min ≤ max");
        if (Domains > 0 && 2 * RadiusMax >= Math.Min(Size.X, Math.Min(Size.Y, Size.Z)))
            throw new ArgumentException($"radius {F(RadiusMax)}: a domain must fit inside the specimen");
        if (!(Order >= 0 && Order <= 1))
            throw new ArgumentException($"order {F(Order)}: expected 0 ≤ S ≤ 1");
        if (!(Efficiency > 0 && Efficiency <= 1))
            throw new ArgumentException($"eta {F(Efficiency)}: expected 0 < η ≤ 1");
        if (!(SigmaXy >= 0 && SigmaXy <= 5) || !(SigmaZ >= 0 && SigmaZ <= 5))
            throw new ArgumentException($"sigma-xy {F(SigmaXy)}, sigma-z {F(SigmaZ)}: expected 0 … 5 nm");
        if (!(MassNoise >= 0 && MassNoise < 0.1))
            throw new ArgumentException($"mass noise {F(MassNoise)}: expected 0 ≤ noise < 0.1 Da");
        if (Charge is < 1 or > 4)
            throw new ArgumentException($"charge {Charge}: expected 1 … 4");
        foreach (var (e, q) in Charges ?? [])
        {
            if (!Composition.Any(c => c.Element == e))
                throw new ArgumentException($"charges: '{e}' is not in the composition ({string.Join(", ", Composition.Select(c => c.Element))})");
            if (q is < 1 or > 4)
                throw new ArgumentException($"charges: {e}:{q}: expected a charge state 1 … 4");
        }
        var (h, k, l) = Orientation;
        if (!(h * h + k * k + l * l > 0) || !double.IsFinite(h + k + l))
            throw new ArgumentException($"orientation {F(h)},{F(k)},{F(l)}: not a direction");
    }
}
