using System.Globalization;
using MlApt.Numerics;

namespace MlApt.Crystal;

/// <summary>
/// Which element every site of a supercell holds. <see cref="Elements"/>[0] is the element of interest:
/// the only element of <see cref="Motif.Pure"/>, and the element on the ordered sublattice of every
/// ordered motif (cube corners for L1₂ and B2, z-integer (002) planes for L1₀, even (111) planes for L1₁,
/// the Al-type sublattice for D0₃); <see cref="Elements"/>[1] fills the other sites.
/// </summary>
/// <param name="Motif">The occupation rule.</param>
/// <param name="Elements">Element names; index = species number of the generated atoms.</param>
/// <param name="Composition">
/// Site fractions of <paramref name="Elements"/> for <see cref="Motif.SolidSolution"/> (normalised; null = equal).
/// Ignored by the other motifs, whose composition is their ideal stoichiometry.
/// </param>
/// <param name="Order">
/// Partial order S ∈ [0, 1] of an ordered motif (Bragg–Williams): a site keeps its ordered element with
/// probability S, otherwise it draws an element from the motif's ideal composition. A site of E's
/// sublattice then holds E with probability S + (1 − S)·c_E; S = 1 is perfect order, S = 0 the random
/// solid solution of the same composition.
/// </param>
public sealed record Occupation(Motif Motif, IReadOnlyList<string> Elements, IReadOnlyList<double>? Composition = null, double Order = 1.0)
{
    /// <summary>Every site holds <paramref name="element"/>.</summary>
    public static Occupation Pure(string element) => new(Motif.Pure, [element]);

    /// <summary>The elements the motif needs at least.</summary>
    public int RequiredElements => Motif switch
    {
        Motif.Pure or Motif.SolidSolution or Motif.Basis => 1,
        _ => 2,
    };

    /// <summary>The lattice the motif is defined on (null: any).</summary>
    public LatticeKind? RequiredLattice => Motif switch
    {
        Motif.L12 or Motif.L10 or Motif.L11 => LatticeKind.Fcc,
        Motif.B2 or Motif.D03 => LatticeKind.Bcc,
        Motif.Basis => LatticeKind.Custom,
        _ => null,
    };

    /// <summary>Throws <see cref="ArgumentException"/> when the occupation does not fit the lattice or is malformed.</summary>
    public void Validate(Lattice lattice)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (Elements is null || Elements.Count == 0 || Elements.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("an occupation needs element names");
        if (Elements.Distinct(StringComparer.Ordinal).Count() != Elements.Count)
            throw new ArgumentException($"elements must be distinct: {string.Join(", ", Elements)}");
        if (Elements.Count > 255) throw new ArgumentException("at most 255 elements");
        if (Motif != Motif.SolidSolution && Motif != Motif.Basis && Elements.Count != RequiredElements)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Motif} needs exactly {RequiredElements} element(s), got {Elements.Count} ({string.Join(", ", Elements)})"));
        if (RequiredLattice is { } kind && lattice.Kind != kind)
            throw new ArgumentException($"{Motif} is defined on a {kind} lattice, not on {lattice.Name}");
        if (!(Order >= 0 && Order <= 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"order {Order}: expected 0 ≤ S ≤ 1"));
        if (Motif == Motif.Basis)
        {
            foreach (var site in lattice.Basis)
            {
                if (site.Element is null || !Elements.Contains(site.Element))
                    throw new ArgumentException($"basis site element '{site.Element}' is not among the elements {string.Join(", ", Elements)}");
            }
        }
        if (Composition is not null)
        {
            if (Composition.Count != Elements.Count)
                throw new ArgumentException("composition needs one fraction per element");
            if (Composition.Any(c => !(c >= 0) || !double.IsFinite(c)) || !(Composition.Sum() > 0))
                throw new ArgumentException("composition fractions must be finite, ≥ 0 and not all zero");
        }
    }

    /// <summary>
    /// The ordered (ideal) species of every site of <paramref name="cell"/>: all 0 for the pure element
    /// and for the solid solution (whose species are drawn in <see cref="Assign"/>).
    /// </summary>
    public byte[] IdealSpecies(Supercell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Validate(cell.Lattice);
        var species = new byte[cell.Count];
        if (Motif is Motif.Pure or Motif.SolidSolution) return species;
        for (var s = 0; s < cell.Count; s++)
        {
            // Doubled fractional coordinates are integers on FCC and BCC sites.
            int u = Twice(cell.U[s]), v = Twice(cell.V[s]), w = Twice(cell.W[s]);
            var corner = Even(u) && Even(v) && Even(w);
            var first = Motif switch
            {
                Motif.L12 or Motif.B2 => corner,
                Motif.L10 => Even(w),
                Motif.L11 => (u + v + w) % 4 == 0, // x + y + z = (u + v + w)/2 is even
                Motif.D03 => corner && (u + v + w) % 4 == 0,
                Motif.Basis => false,
                _ => throw new InvalidOperationException(Motif.ToString()),
            };
            species[s] = Motif == Motif.Basis
                ? (byte)IndexOf(cell.Lattice.Basis[cell.BasisIndex[s]].Element!)
                : first ? (byte)0 : (byte)1;
        }
        return species;
    }

    /// <summary>
    /// Fills <paramref name="species"/> for one realisation: copies the ideal species when the motif is
    /// perfectly ordered (no random numbers used), otherwise draws per site as documented on the type.
    /// </summary>
    internal void Assign(ReadOnlySpan<byte> ideal, Span<byte> species, ref SeededRandom random)
    {
        if (species.Length != ideal.Length) throw new ArgumentException("one species per site", nameof(species));
        if (Motif == Motif.Pure || (Motif != Motif.SolidSolution && Order >= 1))
        {
            ideal.CopyTo(species);
            return;
        }
        var cumulative = CumulativeComposition(ideal);
        for (var s = 0; s < species.Length; s++)
        {
            if (Motif != Motif.SolidSolution && random.NextDouble() < Order)
            {
                species[s] = ideal[s];
                continue;
            }
            var r = random.NextDouble();
            var e = 0;
            while (e < cumulative.Length - 1 && r >= cumulative[e]) e++;
            species[s] = (byte)e;
        }
    }

    private double[] CumulativeComposition(ReadOnlySpan<byte> ideal)
    {
        var fractions = new double[Elements.Count];
        if (Motif == Motif.SolidSolution)
        {
            for (var e = 0; e < fractions.Length; e++) fractions[e] = Composition?[e] ?? 1.0;
        }
        else
        {
            // The ideal stoichiometry of this very crystal (its boundary sites included).
            foreach (var s in ideal) fractions[s]++;
        }
        var total = fractions.Sum();
        var acc = 0.0;
        for (var e = 0; e < fractions.Length; e++) fractions[e] = acc += fractions[e] / total;
        fractions[^1] = 1.0;
        return fractions;
    }

    private int IndexOf(string element)
    {
        for (var e = 0; e < Elements.Count; e++) if (Elements[e] == element) return e;
        throw new InvalidOperationException(element);
    }

    private static int Twice(double f) => (int)Math.Round(2 * f);

    private static bool Even(int n) => (n & 1) == 0;
}
