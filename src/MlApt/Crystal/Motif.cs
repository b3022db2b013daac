namespace MlApt.Crystal;

/// <summary>How the sites of a crystal are occupied (see <see cref="Occupation"/>).</summary>
public enum Motif
{
    /// <summary>Every site holds the first element.</summary>
    Pure,
    /// <summary>Random solid solution: every site draws its element from the composition.</summary>
    SolidSolution,
    /// <summary>L1₂ (FCC, X₃E): the first element on the cube-corner sublattice, the second on the face centres.</summary>
    L12,
    /// <summary>L1₀ (FCC): alternating (002) planes — the first element on planes z = 0, a, 2a …, the second on z = a/2, 3a/2 ….</summary>
    L10,
    /// <summary>L1₁ (FCC, CuPt type): alternating (111) planes — the first element where x + y + z (units of a) is even.</summary>
    L11,
    /// <summary>B2 (BCC, CsCl type): the first element on the cube corners, the second on the body centres.</summary>
    B2,
    /// <summary>
    /// D0₃ (BCC, Fe₃Al type): the first element on one of the four FCC sublattices of the doubled cell
    /// (corner sites with x + y + z even, units of a), the second on all other sites.
    /// </summary>
    D03,
    /// <summary>A user cell's own ordering: each basis site holds the element its JSON entry names.</summary>
    Basis,
}
