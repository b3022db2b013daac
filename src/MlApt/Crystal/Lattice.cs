namespace MlApt.Crystal;

/// <summary>Which lattice a <see cref="Lattice"/> is: the ordered motifs need to know.</summary>
public enum LatticeKind
{
    /// <summary>Face-centred cubic: 4 sites per conventional cell.</summary>
    Fcc,
    /// <summary>Body-centred cubic: 2 sites per conventional cell.</summary>
    Bcc,
    /// <summary>A user-defined cell (lattice vectors and basis from JSON).</summary>
    Custom,
}

/// <summary>A basis site in fractional coordinates of the cell, optionally with the element it holds.</summary>
/// <param name="U">Fractional coordinate along the first lattice vector.</param>
/// <param name="V">Fractional coordinate along the second lattice vector.</param>
/// <param name="W">Fractional coordinate along the third lattice vector.</param>
/// <param name="Element">Element of the site for the <see cref="Motif.Basis"/> occupation (null for FCC/BCC).</param>
public readonly record struct BasisSite(double U, double V, double W, string? Element = null);

/// <summary>
/// A crystal lattice: three cell vectors in units of the lattice parameter a (so positions scale with a)
/// and the basis sites in fractional coordinates.
/// </summary>
public sealed class Lattice
{
    /// <summary>Creates a lattice; the cell vectors must be linearly independent.</summary>
    public Lattice(string name, LatticeKind kind, (double X, double Y, double Z) a1, (double X, double Y, double Z) a2,
        (double X, double Y, double Z) a3, IReadOnlyList<BasisSite> basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.Count == 0) throw new ArgumentException("a lattice needs at least one basis site", nameof(basis));
        var det = a1.X * (a2.Y * a3.Z - a2.Z * a3.Y) - a1.Y * (a2.X * a3.Z - a2.Z * a3.X) + a1.Z * (a2.X * a3.Y - a2.Y * a3.X);
        if (!(Math.Abs(det) > 1e-9) || !double.IsFinite(det))
            throw new ArgumentException("the three cell vectors must be linearly independent", nameof(a3));
        Name = name;
        Kind = kind;
        A1 = a1; A2 = a2; A3 = a3;
        Basis = basis;
    }

    /// <summary>Name (e.g. <c>FCC</c>).</summary>
    public string Name { get; }
    /// <summary>FCC, BCC or custom.</summary>
    public LatticeKind Kind { get; }
    /// <summary>First cell vector (units of a).</summary>
    public (double X, double Y, double Z) A1 { get; }
    /// <summary>Second cell vector (units of a).</summary>
    public (double X, double Y, double Z) A2 { get; }
    /// <summary>Third cell vector (units of a).</summary>
    public (double X, double Y, double Z) A3 { get; }
    /// <summary>Basis sites (fractional coordinates).</summary>
    public IReadOnlyList<BasisSite> Basis { get; }

    /// <summary>The conventional FCC cell: corner (0, 0, 0) and face centres (½, ½, 0), (½, 0, ½), (0, ½, ½).</summary>
    public static Lattice Fcc { get; } = new("FCC", LatticeKind.Fcc, (1, 0, 0), (0, 1, 0), (0, 0, 1),
        [new(0, 0, 0), new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5)]);

    /// <summary>The conventional BCC cell: corner (0, 0, 0) and body centre (½, ½, ½).</summary>
    public static Lattice Bcc { get; } = new("BCC", LatticeKind.Bcc, (1, 0, 0), (0, 1, 0), (0, 0, 1),
        [new(0, 0, 0), new(0.5, 0.5, 0.5)]);

    /// <summary>Cartesian position (units of a) of fractional coordinates (u, v, w) of the cell.</summary>
    public (double X, double Y, double Z) ToCartesian(double u, double v, double w) =>
        (u * A1.X + v * A2.X + w * A3.X, u * A1.Y + v * A2.Y + w * A3.Y, u * A1.Z + v * A2.Z + w * A3.Z);
}
