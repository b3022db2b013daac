using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Specimens;

/// <summary>
/// A detector simulation of an atomistic configuration (e.g. a Monte Carlo result, <see cref="ExtendedXyzFrame"/>):
/// the periodic configuration is repeated to fill a specimen box, rotated so that [hkl] lies along z, and
/// every atom is detected with probability η, blurred by σxy and σz, and given a mass-to-charge value from
/// its own element's isotopes. Each ion keeps its true species (<see cref="Species"/>), so that maps of
/// MC-grown CSRO can be compared with what was there.
/// </summary>
internal sealed class ConfigurationSpecimen
{
    private ConfigurationSpecimen(IonCloud cloud, byte[] species, IReadOnlyList<string> elements, long sites)
    {
        Cloud = cloud;
        Species = species;
        Elements = elements;
        Sites = sites;
    }

    /// <summary>The detected ions (x, y centred on the axis, z from 0 into negative values).</summary>
    public IonCloud Cloud { get; }
    /// <summary>The true element of every ion (index into <see cref="Elements"/>).</summary>
    public byte[] Species { get; }
    /// <summary>Element names of the configuration.</summary>
    public IReadOnlyList<string> Elements { get; }
    /// <summary>Atoms of the tiled configuration inside the box, before detection.</summary>
    public long Sites { get; }

    /// <summary>Simulates the specimen; throws <see cref="ArgumentException"/> for impossible parameters.</summary>
    /// <param name="frame">The periodic configuration (positions and cell in nm).</param>
    /// <param name="size">Specimen box (nm); the configuration repeats periodically to fill it.</param>
    /// <param name="orientation">Crystal direction [hkl] of the configuration's axes put along z.</param>
    /// <param name="efficiency">Detection efficiency η.</param>
    /// <param name="sigmaXy">Lateral blur (nm).</param>
    /// <param name="sigmaZ">Depth blur (nm).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="charge">Charge state of every ion.</param>
    /// <param name="massNoise">Gaussian mass noise (Da).</param>
    public static ConfigurationSpecimen Generate(ExtendedXyzFrame frame, (double X, double Y, double Z) size, (double H, double K, double L) orientation,
        double efficiency, double sigmaXy, double sigmaZ, int seed, int charge = 2, double massNoise = 0.02)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Count == 0) throw new ArgumentException("the configuration has no atoms");
        if (!(efficiency > 0 && efficiency <= 1)) throw new ArgumentException($"efficiency {efficiency}: expected 0 < η ≤ 1");
        if (!(sigmaXy >= 0) || !(sigmaZ >= 0)) throw new ArgumentException("the blur must not be negative");
        if (!(size.X > 0 && size.Y > 0 && size.Z > 0)) throw new ArgumentException("the specimen size must be positive");
        if (frame.Cell.Count != 3) throw new ArgumentException("the configuration has no periodic cell (Lattice=\"…\")");
        var rotation = Orientation.ToZ(orientation.H, orientation.K, orientation.L);
        var inverse = rotation.Transpose();
        var (v1, v2, v3) = (frame.Cell[0], frame.Cell[1], frame.Cell[2]);

        // Cell indices whose images can reach the box: bound the box corners in the cell's fractional coordinates.
        var cellMatrix = new[,] { { v1.X, v2.X, v3.X }, { v1.Y, v2.Y, v3.Y }, { v1.Z, v2.Z, v3.Z } };
        var toFractional = Invert(cellMatrix);
        double[] lo = [double.MaxValue, double.MaxValue, double.MaxValue], hi = [double.MinValue, double.MinValue, double.MinValue];
        foreach (var cx in new[] { 0.0, size.X })
        foreach (var cy in new[] { 0.0, size.Y })
        foreach (var cz in new[] { 0.0, size.Z })
        {
            var (px, py, pz) = inverse.Apply(cx, cy, cz);
            for (var d = 0; d < 3; d++)
            {
                var f = toFractional[d, 0] * px + toFractional[d, 1] * py + toFractional[d, 2] * pz;
                lo[d] = Math.Min(lo[d], f);
                hi[d] = Math.Max(hi[d], f);
            }
        }
        var masses = frame.Elements.Select(Isotopes.Of).ToArray();
        var random = new Random(seed);
        List<float> x = [], y = [], z = [], m = [];
        List<byte> species = [];
        long sites = 0;
        for (var k = (int)Math.Floor(lo[2]) - 1; k <= (int)Math.Ceiling(hi[2]); k++)
        for (var j = (int)Math.Floor(lo[1]) - 1; j <= (int)Math.Ceiling(hi[1]); j++)
        for (var i = (int)Math.Floor(lo[0]) - 1; i <= (int)Math.Ceiling(hi[0]); i++)
        {
            double ox = i * v1.X + j * v2.X + k * v3.X, oy = i * v1.Y + j * v2.Y + k * v3.Y, oz = i * v1.Z + j * v2.Z + k * v3.Z;
            for (var n = 0; n < frame.Count; n++)
            {
                var (qx, qy, qz) = rotation.Apply(frame.X[n] + ox, frame.Y[n] + oy, frame.Z[n] + oz);
                if (qx < 0 || qx >= size.X || qy < 0 || qy >= size.Y || qz < 0 || qz >= size.Z) continue;
                sites++;
                if (random.NextDouble() >= efficiency) continue;
                var s = frame.Species[n];
                x.Add((float)(qx - size.X / 2 + sigmaXy * SimulatedSpecimen.Gaussian(random)));
                y.Add((float)(qy - size.Y / 2 + sigmaXy * SimulatedSpecimen.Gaussian(random)));
                z.Add((float)(-qz + sigmaZ * SimulatedSpecimen.Gaussian(random)));
                m.Add((float)(SimulatedSpecimen.Mass(masses[s], random.NextDouble()) / charge + massNoise * SimulatedSpecimen.Gaussian(random)));
                species.Add(s);
            }
        }
        return new ConfigurationSpecimen(new IonCloud([.. x], [.. y], [.. z], [.. m]), [.. species], frame.Elements, sites);
    }

    private static double[,] Invert(double[,] a)
    {
        var det = a[0, 0] * (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1]) - a[0, 1] * (a[1, 0] * a[2, 2] - a[1, 2] * a[2, 0]) + a[0, 2] * (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0]);
        if (Math.Abs(det) < 1e-12) throw new ArgumentException("the configuration's cell is degenerate");
        var r = new double[3, 3];
        r[0, 0] = (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1]) / det;
        r[0, 1] = (a[0, 2] * a[2, 1] - a[0, 1] * a[2, 2]) / det;
        r[0, 2] = (a[0, 1] * a[1, 2] - a[0, 2] * a[1, 1]) / det;
        r[1, 0] = (a[1, 2] * a[2, 0] - a[1, 0] * a[2, 2]) / det;
        r[1, 1] = (a[0, 0] * a[2, 2] - a[0, 2] * a[2, 0]) / det;
        r[1, 2] = (a[0, 2] * a[1, 0] - a[0, 0] * a[1, 2]) / det;
        r[2, 0] = (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0]) / det;
        r[2, 1] = (a[0, 1] * a[2, 0] - a[0, 0] * a[2, 1]) / det;
        r[2, 2] = (a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0]) / det;
        return r;
    }
}
