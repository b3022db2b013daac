using System.Globalization;
using System.Text;
using MlApt.Io;

namespace MlApt.Specimens;

/// <summary>
/// A small random CoCrNi solid solution (FCC, a = 0.356 nm) seen through a simple detector model
/// (efficiency, Gaussian blur, doubly charged isotope peaks with a little mass noise), with a
/// matching RRNG range file: a self-contained example for the demo and for tests.
/// </summary>
internal static class DemoSpecimen
{
    /// <summary>Generates the ions of a box of <paramref name="size"/> nm (x, y centred; z from −size.Z to 0).</summary>
    public static IonCloud Generate((double X, double Y, double Z) size, int seed, double efficiency = 0.5,
        double sigmaXy = 0.3, double sigmaZ = 0.03, double latticeParameter = 0.356) =>
        Generate(size, seed, [], "Ni", efficiency, sigmaXy, sigmaZ, latticeParameter);

    /// <summary>
    /// The same solid solution with embedded L1₂ domains (spheres, centre and radius in nm, in specimen
    /// coordinates): inside a domain, <paramref name="orderedElement"/> sits on every cube-corner site
    /// and the face-centre sites hold the other two elements at random, so the element's lattice planes
    /// along ⟨001⟩ ∥ z alternate (the CSRO signature the classifier looks for).
    /// </summary>
    public static IonCloud Generate((double X, double Y, double Z) size, int seed, IReadOnlyList<(double X, double Y, double Z, double R)> domains,
        string orderedElement, double efficiency = 0.5, double sigmaXy = 0.3, double sigmaZ = 0.03, double latticeParameter = 0.356)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var random = new Random(seed);
        var elements = new[] { "Co", "Cr", "Ni" };
        var others = elements.Where(e => e != orderedElement).ToArray();
        var basis = new (double, double, double)[] { (0, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5) };
        var a = latticeParameter;
        int nx = (int)(size.X / a), ny = (int)(size.Y / a), nz = (int)(size.Z / a);
        var capacity = (int)(4L * nx * ny * nz * efficiency * 1.05) + 16;
        List<float> x = new(capacity), y = new(capacity), z = new(capacity), m = new(capacity);
        for (var k = 0; k < nz; k++)
        for (var j = 0; j < ny; j++)
        for (var i = 0; i < nx; i++)
        {
            foreach (var (bx, by, bz) in basis)
            {
                if (random.NextDouble() >= efficiency)
                    continue;
                double px = (i + bx) * a - size.X / 2, py = (j + by) * a - size.Y / 2, pz = -(k + bz) * a;
                var element = elements[random.Next(3)];
                if (InDomain(domains, px, py, pz))
                {
                    var corner = bx == 0 && by == 0 && bz == 0;
                    element = corner ? orderedElement : others[random.Next(others.Length)];
                }
                x.Add((float)(px + Gaussian(random) * sigmaXy));
                y.Add((float)(py + Gaussian(random) * sigmaXy));
                z.Add((float)(pz + Gaussian(random) * sigmaZ));
                m.Add((float)(Isotopes.DrawMassToCharge(element, 2, random) + Gaussian(random) * 0.02));
            }
        }
        return new IonCloud([.. x], [.. y], [.. z], [.. m]);
    }

    /// <summary>An RRNG range file for the generated masses (±0.1 Da around each peak).</summary>
    public static string RangeFile()
    {
        var sb = new StringBuilder();
        sb.Append("[Ions]\nNumber=3\nIon1=Co\nIon2=Cr\nIon3=Ni\n");
        var ranges = new List<(double Lo, double Hi, string Element)>();
        foreach (var e in new[] { "Co", "Cr", "Ni" })
        {
            foreach (var (mass, _) in Isotopes.Of(e))
                ranges.Add((mass / 2 - 0.1, mass / 2 + 0.1, e));
        }
        ranges.Sort((p, q) => p.Lo.CompareTo(q.Lo));
        sb.Append(CultureInfo.InvariantCulture, $"[Ranges]\nNumber={ranges.Count}\n");
        for (var r = 0; r < ranges.Count; r++)
            sb.Append(CultureInfo.InvariantCulture, $"Range{r + 1}={ranges[r].Lo:F4} {ranges[r].Hi:F4} Vol:0.01100 {ranges[r].Element}:1 Color:00CC00\n");
        return sb.ToString();
    }

    /// <summary>Whether a point lies inside any of the spheres.</summary>
    public static bool InDomain(IReadOnlyList<(double X, double Y, double Z, double R)> domains, double x, double y, double z)
    {
        ArgumentNullException.ThrowIfNull(domains);
        foreach (var d in domains)
        {
            double dx = x - d.X, dy = y - d.Y, dz = z - d.Z;
            if (dx * dx + dy * dy + dz * dz <= d.R * d.R)
                return true;
        }
        return false;
    }

    private static double Gaussian(Random r)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
