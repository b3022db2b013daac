namespace MlApt.Crystal;

/// <summary>Atom positions (nm, double SoA) with a species index per atom into <see cref="Elements"/>.</summary>
public sealed class Atoms
{
    /// <summary>Wraps the arrays (not copied); all must have the same length.</summary>
    public Atoms(double[] x, double[] y, double[] z, byte[] species, IReadOnlyList<string> elements)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(elements);
        if (y.Length != x.Length || z.Length != x.Length || species.Length != x.Length)
            throw new ArgumentException("x, y, z and species must have the same length");
        X = x; Y = y; Z = z; Species = species; Elements = elements;
    }

    /// <summary>x (nm).</summary>
    public double[] X { get; }
    /// <summary>y (nm).</summary>
    public double[] Y { get; }
    /// <summary>z (nm).</summary>
    public double[] Z { get; }
    /// <summary>Species index of each atom.</summary>
    public byte[] Species { get; }
    /// <summary>Element names by species index.</summary>
    public IReadOnlyList<string> Elements { get; }
    /// <summary>Number of atoms.</summary>
    public int Count => X.Length;

    /// <summary>Atoms of one element.</summary>
    public int CountOf(string element)
    {
        var s = SpeciesOf(element);
        var n = 0;
        if (s < 0) return 0;
        foreach (var v in Species) if (v == s) n++;
        return n;
    }

    /// <summary>The positions of one element's atoms (new arrays, in order; empty when it is absent).</summary>
    public (double[] X, double[] Y, double[] Z) Select(string element)
    {
        var s = SpeciesOf(element);
        var n = CountOf(element);
        var (sx, sy, sz) = (new double[n], new double[n], new double[n]);
        n = 0;
        for (var i = 0; i < Count && s >= 0; i++)
        {
            if (Species[i] != s) continue;
            sx[n] = X[i]; sy[n] = Y[i]; sz[n] = Z[i]; n++;
        }
        return (sx, sy, sz);
    }

    /// <summary>Species index of an element, −1 when absent.</summary>
    public int SpeciesOf(string element)
    {
        for (var e = 0; e < Elements.Count; e++) if (Elements[e] == element) return e;
        return -1;
    }
}
