using MlApt.Crystal;
using MlApt.Numerics;

namespace MlApt.Specimens;

/// <summary>The detector model of one simulated measurement (METHOD §5).</summary>
/// <param name="SigmaXy">Standard deviation (nm) of the Gaussian noise added to x and, independently, to y.</param>
/// <param name="SigmaZ">Standard deviation (nm) of the Gaussian noise added to z.</param>
/// <param name="Efficiency">Detection efficiency η ∈ [0, 1]: floor(N·η) of the N atoms are kept.</param>
public readonly record struct DetectorParameters(double SigmaXy, double SigmaZ, double Efficiency)
{
    /// <summary>Throws <see cref="ArgumentException"/> for negative or non-finite noise or η outside [0, 1].</summary>
    public void Validate()
    {
        if (!(SigmaXy >= 0) || !double.IsFinite(SigmaXy)) throw new ArgumentException($"σxy {SigmaXy}: expected a finite value ≥ 0");
        if (!(SigmaZ >= 0) || !double.IsFinite(SigmaZ)) throw new ArgumentException($"σz {SigmaZ}: expected a finite value ≥ 0");
        if (!(Efficiency >= 0 && Efficiency <= 1)) throw new ArgumentException($"η {Efficiency}: expected 0 ≤ η ≤ 1");
    }
}

/// <summary>
/// The reference detector model, in METHOD §5's order: Gaussian noise on every atom (x, y with σxy,
/// z with σz; drawn x, y, z per atom in atom order), then a uniformly random subset of floor(N·η) atoms
/// without replacement (kept in their original order). The caller then takes the element's atoms.
/// </summary>
public static class Detector
{
    /// <summary>The number of atoms kept: floor(N·η).</summary>
    public static int Kept(int atoms, double efficiency) => (int)Math.Floor(atoms * efficiency);

    /// <summary>Applies noise and the efficiency subset; returns new atoms (the input is not modified).</summary>
    internal static Atoms Apply(Atoms atoms, DetectorParameters parameters, ref SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        parameters.Validate();
        var n = atoms.Count;
        var (nx, ny, nz) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            nx[i] = atoms.X[i] + parameters.SigmaXy * random.NextGaussian();
            ny[i] = atoms.Y[i] + parameters.SigmaXy * random.NextGaussian();
            nz[i] = atoms.Z[i] + parameters.SigmaZ * random.NextGaussian();
        }
        var keep = Kept(n, parameters.Efficiency);
        // Partial Fisher–Yates: the first `keep` entries become a uniform sample without replacement.
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        for (var i = 0; i < keep; i++)
        {
            var j = i + random.NextInt(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        Array.Sort(order, 0, keep);
        var (x, y, z) = (new double[keep], new double[keep], new double[keep]);
        var species = new byte[keep];
        for (var k = 0; k < keep; k++)
        {
            var i = order[k];
            x[k] = nx[i]; y[k] = ny[i]; z[k] = nz[i]; species[k] = atoms.Species[i];
        }
        return new Atoms(x, y, z, species, atoms.Elements);
    }
}
