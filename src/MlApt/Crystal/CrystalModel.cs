using MlApt.Numerics;

namespace MlApt.Crystal;

/// <summary>
/// A crystal to simulate: a lattice, a supercell of n × n × n cells (boundary-inclusive, see
/// <see cref="Supercell"/>) and an occupation. The sites and ordered species are computed once;
/// <see cref="Realise"/> makes one crystal at a given lattice parameter and orientation.
/// </summary>
public sealed class CrystalModel
{
    private readonly byte[] _ideal;
    private readonly double[] _cx, _cy, _cz;

    /// <summary>Builds the model; throws <see cref="ArgumentException"/> when the occupation does not fit the lattice.</summary>
    public CrystalModel(Lattice lattice, int cells, Occupation occupation)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(occupation);
        occupation.Validate(lattice);
        Lattice = lattice;
        Occupation = occupation;
        Supercell = Supercell.Build(lattice, cells);
        _ideal = occupation.IdealSpecies(Supercell);
        var n = Supercell.Count;
        (_cx, _cy, _cz) = (new double[n], new double[n], new double[n]);
        for (var s = 0; s < n; s++)
            (_cx[s], _cy[s], _cz[s]) = lattice.ToCartesian(Supercell.U[s], Supercell.V[s], Supercell.W[s]);
    }

    /// <summary>The lattice.</summary>
    public Lattice Lattice { get; }
    /// <summary>The occupation.</summary>
    public Occupation Occupation { get; }
    /// <summary>The sites.</summary>
    public Supercell Supercell { get; }
    /// <summary>Number of sites.</summary>
    public int Count => Supercell.Count;
    /// <summary>The ordered species of every site.</summary>
    public ReadOnlySpan<byte> IdealSpecies => _ideal;

    /// <summary>
    /// One crystal: site positions scaled by <paramref name="latticeParameter"/> (nm), rotated by
    /// <paramref name="rotation"/>, species from the occupation (random draws from
    /// <paramref name="random"/> only for solid solutions and partial order).
    /// </summary>
    internal Atoms Realise(double latticeParameter, Rotation rotation, ref SeededRandom random)
    {
        if (!(latticeParameter > 0) || !double.IsFinite(latticeParameter))
            throw new ArgumentOutOfRangeException(nameof(latticeParameter), latticeParameter, "must be a positive length");
        var n = Count;
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        var identity = rotation == Rotation.Identity;
        for (var s = 0; s < n; s++)
        {
            double px = _cx[s] * latticeParameter, py = _cy[s] * latticeParameter, pz = _cz[s] * latticeParameter;
            // The identity is skipped so that ⟨001⟩ coordinates are exactly the scaled sites.
            (x[s], y[s], z[s]) = identity ? (px, py, pz) : rotation.Apply(px, py, pz);
        }
        var species = new byte[n];
        Occupation.Assign(_ideal, species, ref random);
        return new Atoms(x, y, z, species, Occupation.Elements);
    }
}
