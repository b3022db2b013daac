namespace MlApt.Crystal;

/// <summary>
/// What site-specific APT can see of an ordered motif along a pole: the share of each atomic plane normal to the
/// pole that belongs to the ordered element's sublattice, in the perfectly ordered crystal. A z-SDM along the
/// pole shows the order only when these shares differ from plane to plane (L1₂ along ⟨001⟩: ½ and 0; B2 along
/// ⟨110⟩: ½ on every plane, nothing to see).
/// </summary>
public static class PlaneContrast
{
    /// <summary>Cells of the periodic block the planes are counted in (even: D0₃ repeats every two cells).</summary>
    private const int Cells = 4;

    /// <summary>
    /// The ordered-sublattice share of every plane normal to (<paramref name="h"/>, <paramref name="k"/>, <paramref name="l"/>),
    /// one entry per plane of a periodic 4 × 4 × 4-cell block, in plane order.
    /// </summary>
    public static IReadOnlyList<double> OrderedShares(Lattice lattice, Motif motif, int h, int k, int l)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (h == 0 && k == 0 && l == 0) throw new ArgumentException("pole 0,0,0: not a direction", nameof(h));
        var cell = Supercell.Build(lattice, Cells);
        var ideal = new Occupation(motif, ["E", "X"]).IdealSpecies(cell);
        // Doubled fractional coordinates are integers on FCC and BCC sites; on the periodic block a plane's
        // index h·2u + k·2v + l·2w is defined modulo 2·Cells·gcd(h, k, l).
        var period = 2 * Cells * Gcd(Gcd(Math.Abs(h), Math.Abs(k)), Math.Abs(l));
        var ordered = new int[period];
        var all = new int[period];
        for (var s = 0; s < cell.Count; s++)
        {
            // The block is closed (0 ≤ u ≤ n); its periodic copy keeps u < n only.
            if (cell.U[s] > Cells - 1e-9 || cell.V[s] > Cells - 1e-9 || cell.W[s] > Cells - 1e-9) continue;
            var plane = h * Twice(cell.U[s]) + k * Twice(cell.V[s]) + l * Twice(cell.W[s]);
            plane = ((plane % period) + period) % period;
            all[plane]++;
            if (ideal[s] == 0) ordered[plane]++;
        }
        return [.. Enumerable.Range(0, period).Where(p => all[p] > 0).Select(p => (double)ordered[p] / all[p])];
    }

    /// <summary>Whether the motif's planes normal to the pole differ in their ordered-sublattice share.</summary>
    public static bool Shows(Lattice lattice, Motif motif, int h, int k, int l)
    {
        var shares = OrderedShares(lattice, motif, h, k, l);
        return shares.Max() - shares.Min() > 1e-9;
    }

    private static int Twice(double f) => (int)Math.Round(2 * f);

    private static int Gcd(int a, int b) => b == 0 ? Math.Max(a, 1) : Gcd(b, a % b);
}
