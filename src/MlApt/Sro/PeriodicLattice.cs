using MlApt.Crystal;

namespace MlApt.Sro;

/// <summary>
/// The sites of a periodic n × n × n block of conventional cells: unlike the boundary-inclusive
/// <see cref="Supercell"/>, a site on the far face is the periodic image of one on the near face and
/// appears once, so every site has the full coordination of the bulk.
/// </summary>
internal sealed class PeriodicLattice
{
    private PeriodicLattice(Lattice lattice, int cells, Supercell supercell, int[] index)
    {
        Lattice = lattice; Cells = cells; Supercell = supercell; SupercellIndex = index;
    }

    /// <summary>The lattice.</summary>
    public Lattice Lattice { get; }
    /// <summary>Cells along each vector (n).</summary>
    public int Cells { get; }
    /// <summary>The boundary-inclusive block the sites were taken from.</summary>
    public Supercell Supercell { get; }
    /// <summary>For each periodic site, its index in <see cref="Supercell"/> (so motif occupations can be reused).</summary>
    public IReadOnlyList<int> SupercellIndex { get; }
    /// <summary>Number of sites (n³ × basis sites).</summary>
    public int Count => SupercellIndex.Count;

    /// <summary>The periodic sites of <paramref name="cells"/>³ cells of a lattice, ordered by w, v, u then basis site.</summary>
    public static PeriodicLattice Build(Lattice lattice, int cells)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        var block = Supercell.Build(lattice, cells);
        var index = new List<int>(block.Count);
        const double tolerance = 1e-9;
        for (var s = 0; s < block.Count; s++)
        {
            // Sites with a fractional coordinate equal to n are images of sites at 0.
            if (block.U[s] < cells - tolerance && block.V[s] < cells - tolerance && block.W[s] < cells - tolerance)
                index.Add(s);
        }
        return new PeriodicLattice(lattice, cells, block, [.. index]);
    }

    /// <summary>The periodic box: the three cell vectors times n, scaled by <paramref name="latticeParameter"/>.</summary>
    public (double X, double Y, double Z)[] Box(double latticeParameter)
    {
        var n = Cells * latticeParameter;
        return
        [
            (Lattice.A1.X * n, Lattice.A1.Y * n, Lattice.A1.Z * n),
            (Lattice.A2.X * n, Lattice.A2.Y * n, Lattice.A2.Z * n),
            (Lattice.A3.X * n, Lattice.A3.Y * n, Lattice.A3.Z * n),
        ];
    }

    /// <summary>Cartesian site positions scaled by <paramref name="latticeParameter"/> (e.g. nm).</summary>
    public (double[] X, double[] Y, double[] Z) Positions(double latticeParameter)
    {
        var (x, y, z) = (new double[Count], new double[Count], new double[Count]);
        for (var i = 0; i < Count; i++)
        {
            var s = SupercellIndex[i];
            var (px, py, pz) = Lattice.ToCartesian(Supercell.U[s], Supercell.V[s], Supercell.W[s]);
            (x[i], y[i], z[i]) = (px * latticeParameter, py * latticeParameter, pz * latticeParameter);
        }
        return (x, y, z);
    }

    /// <summary>The species of every periodic site taken from a motif occupation of <see cref="Supercell"/> (e.g. perfect L1₂ or B2).</summary>
    public byte[] Ideal(Occupation occupation)
    {
        ArgumentNullException.ThrowIfNull(occupation);
        var ideal = occupation.IdealSpecies(Supercell);
        var species = new byte[Count];
        for (var i = 0; i < Count; i++) species[i] = ideal[SupercellIndex[i]];
        return species;
    }

    /// <summary>The nearest-neighbour shells 1 … <paramref name="shells"/> of the sites (distances in units of a).</summary>
    public NeighbourShells Neighbours(int shells = 3)
    {
        var (x, y, z) = Positions(1.0);
        return NeighbourShells.FromPositions(x, y, z, Box(1.0), shells);
    }
}
