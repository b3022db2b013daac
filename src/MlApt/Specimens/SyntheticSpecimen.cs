using MlApt.Geometry;

namespace MlApt.Specimens;

/// <summary>
/// Options of a synthetic random solid-solution specimen (defaults: CoCrNi-like FCC, a = 0.356 nm,
/// 20 × 20 × 120 nm, detection efficiency 0.5, σxy 0.3 nm, σz 0.03 nm).
/// </summary>
/// <param name="LatticeParameter">FCC lattice parameter a (nm).</param>
/// <param name="Box">Region filled with lattice sites (x, y centred, z ∈ [−120, 0] by default).</param>
/// <param name="Efficiency">Probability that an atom is detected.</param>
/// <param name="SigmaXY">Standard deviation of the Gaussian noise added to x and to y (nm).</param>
/// <param name="SigmaZ">Standard deviation of the Gaussian noise added to z (nm).</param>
/// <param name="Species">Number of equally likely species (3 for Co, Cr, Ni).</param>
/// <param name="Seed">Random seed.</param>
internal readonly record struct SyntheticSpecimenOptions(
    double LatticeParameter, Box Box, double Efficiency, double SigmaXY, double SigmaZ, int Species, int Seed)
{
    /// <summary>The CoCrNi-like benchmark specimen.</summary>
    public static SyntheticSpecimenOptions CoCrNi(int seed = 42) =>
        new(0.356, new Box(-10, 10, -10, 10, -120, 0), 0.5, 0.3, 0.03, 3, seed);
}

/// <summary>
/// A seeded random FCC solid solution passed through a simple detector model (random detection,
/// Gaussian position noise). Positions are double SoA; <see cref="Species"/> holds 0 … Species−1 per atom.
/// </summary>
internal sealed class SyntheticSpecimen
{
    private SyntheticSpecimen(double[] x, double[] y, double[] z, byte[] species)
    {
        X = x; Y = y; Z = z; Species = species;
    }

    /// <summary>x (nm).</summary>
    public double[] X { get; }
    /// <summary>y (nm).</summary>
    public double[] Y { get; }
    /// <summary>z (nm).</summary>
    public double[] Z { get; }
    /// <summary>Species index per atom.</summary>
    public byte[] Species { get; }
    /// <summary>Number of detected atoms.</summary>
    public int Count => X.Length;

    /// <summary>Generates a specimen. Same options, same atoms.</summary>
    public static SyntheticSpecimen Generate(SyntheticSpecimenOptions o)
    {
        if (!(o.LatticeParameter > 0)) throw new ArgumentOutOfRangeException(nameof(o), "lattice parameter must be positive");
        if (o.Species is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(o), "species must be 1 … 255");
        var rng = new Random(o.Seed);
        var a = o.LatticeParameter;
        ReadOnlySpan<double> basis = [0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5];
        var b = o.Box;
        int nx = (int)Math.Ceiling(b.SizeX / a), ny = (int)Math.Ceiling(b.SizeY / a), nz = (int)Math.Ceiling(b.SizeZ / a);
        var expected = (int)(4.0 * nx * ny * nz * Math.Clamp(o.Efficiency, 0, 1) * 1.01) + 16;
        var x = new List<double>(expected);
        var y = new List<double>(expected);
        var z = new List<double>(expected);
        var sp = new List<byte>(expected);
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                    for (var s = 0; s < 4; s++)
                    {
                        var px = b.XMin + (i + basis[3 * s]) * a;
                        var py = b.YMin + (j + basis[3 * s + 1]) * a;
                        var pz = b.ZMin + (k + basis[3 * s + 2]) * a;
                        if (px >= b.XMax || py >= b.YMax || pz >= b.ZMax) continue;
                        // Draw every random number for every site so the sequence does not depend on η.
                        var detected = rng.NextDouble() < o.Efficiency;
                        var species = (byte)rng.Next(o.Species);
                        double gx = Gaussian(rng), gy = Gaussian(rng), gz = Gaussian(rng);
                        if (!detected) continue;
                        x.Add(px + o.SigmaXY * gx);
                        y.Add(py + o.SigmaXY * gy);
                        z.Add(pz + o.SigmaZ * gz);
                        sp.Add(species);
                    }
        return new SyntheticSpecimen([.. x], [.. y], [.. z], [.. sp]);
    }

    /// <summary>The positions of one species (new arrays, input order).</summary>
    public (double[] X, double[] Y, double[] Z) Select(byte species)
    {
        var n = 0;
        foreach (var s in Species) if (s == species) n++;
        var (sx, sy, sz) = (new double[n], new double[n], new double[n]);
        n = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Species[i] != species) continue;
            sx[n] = X[i]; sy[n] = Y[i]; sz[n] = Z[i]; n++;
        }
        return (sx, sy, sz);
    }

    private static double Gaussian(Random rng)
    {
        // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
        var u = 1.0 - rng.NextDouble();
        var v = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
