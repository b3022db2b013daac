namespace MlApt.Crystal;

/// <summary>
/// The sites of an n × n × n block of cells under the reference's boundary-inclusive rule: every lattice
/// site whose fractional coordinates (in cells) satisfy 0 ≤ u, v, w ≤ n, each site once. For FCC and
/// n = 3 that is METHOD §5's crystal: 172 sites, 64 of them on cube corners.
/// </summary>
public sealed class Supercell
{
    private const double Tolerance = 1e-9;

    private Supercell(Lattice lattice, int cells, double[] u, double[] v, double[] w, int[] basisIndex)
    {
        Lattice = lattice; Cells = cells; U = u; V = v; W = w; BasisIndex = basisIndex;
    }

    /// <summary>The lattice.</summary>
    public Lattice Lattice { get; }
    /// <summary>Cells along each vector (n).</summary>
    public int Cells { get; }
    /// <summary>Fractional coordinate of each site along the first cell vector, in cells (0 … n).</summary>
    public double[] U { get; }
    /// <summary>Fractional coordinate along the second cell vector.</summary>
    public double[] V { get; }
    /// <summary>Fractional coordinate along the third cell vector.</summary>
    public double[] W { get; }
    /// <summary>Which basis site of <see cref="Lattice"/> each site is a copy of.</summary>
    public int[] BasisIndex { get; }
    /// <summary>Number of sites.</summary>
    public int Count => U.Length;

    /// <summary>All sites with 0 ≤ u, v, w ≤ <paramref name="cells"/>, ordered by w, v, u then basis site.</summary>
    public static Supercell Build(Lattice lattice, int cells)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (cells is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(cells), cells, "expected 1 … 64 cells");
        List<double> u = [], v = [], w = [];
        List<int> index = [];
        var seen = new HashSet<(long, long, long)>();
        // Basis coordinates may lie anywhere in [0, 1) or even outside it; scanning one extra cell on
        // each side finds every image that falls inside the closed block.
        for (var k = -1; k <= cells; k++)
            for (var j = -1; j <= cells; j++)
                for (var i = -1; i <= cells; i++)
                    for (var b = 0; b < lattice.Basis.Count; b++)
                    {
                        var s = lattice.Basis[b];
                        double fu = i + s.U, fv = j + s.V, fw = k + s.W;
                        if (!Inside(fu, cells) || !Inside(fv, cells) || !Inside(fw, cells)) continue;
                        // A basis site given twice (or two equal modulo a lattice vector) is one site.
                        if (!seen.Add((Key(fu), Key(fv), Key(fw)))) continue;
                        u.Add(fu); v.Add(fv); w.Add(fw); index.Add(b);
                    }
        return new Supercell(lattice, cells, [.. u], [.. v], [.. w], [.. index]);
    }

    private static bool Inside(double f, int n) => f >= -Tolerance && f <= n + Tolerance;

    private static long Key(double f) => (long)Math.Round(f * 1e6);
}
