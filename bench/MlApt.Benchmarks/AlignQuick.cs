using System.Diagnostics;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Benchmarks;

/// <summary>
/// Stopwatch timing of the pole search (<c>quick-align [MILLIONS]</c>): a simulated ⟨001⟩ CoCrNi specimen
/// tilted 12°, tiled along z to the requested number of ions (so 100 M ions need no 100 M-ion simulation),
/// then <see cref="PoleAlignment.Find"/> and <see cref="PoleAlignment.Rotate"/>, three times.
/// </summary>
internal static class AlignQuick
{
    /// <summary>The ⟨001⟩ CoCrNi specimen tilted 12°, its 1M-ion tile repeated along z to <paramref name="millions"/> million ions.</summary>
    public static (IonCloud Cloud, int Copies, int TileIons) Specimen(double millions)
    {
        var orientation = Rotation.AboutAxis((0.6, 0.8, 0), 12 * Math.PI / 180).Apply(0, 0, 1);
        var tile = SimulatedSpecimen.Generate(new SpecimenSpec { Size = (24, 24, 40), Domains = 0, Orientation = orientation, Seed = 7 }).Cloud;
        var target = (long)(millions * 1e6);
        var copies = (int)Math.Max(1, Math.Ceiling((double)target / tile.Count));
        var n = (int)Math.Min(target, (long)copies * tile.Count);
        float[] x = new float[n], y = new float[n], z = new float[n], m = new float[n];
        for (var i = 0; i < n; i++)
        {
            var t = i % tile.Count;
            x[i] = tile.X[t]; y[i] = tile.Y[t]; z[i] = tile.Z[t] - 40f * (i / tile.Count); m[i] = tile.M[t];
        }
        return (new IonCloud(x, y, z, m), copies, tile.Count);
    }

    public static int Run(double millions)
    {
        var sw = Stopwatch.StartNew();
        var (cloud, copies, tileIons) = Specimen(millions);
        var n = cloud.Count;
        Console.WriteLine($"specimen: {n:N0} ions ({copies} tiles of {tileIons:N0}) in {sw.Elapsed.TotalSeconds:F1} s, cores {Environment.ProcessorCount}");
        for (var rep = 0; rep < 3; rep++)
        {
            sw.Restart();
            var found = PoleAlignment.Find(cloud, [], new PoleAlignmentOptions(), out var best);
            var search = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var rotated = found is null ? null : PoleAlignment.Rotate(cloud, found.Rotation, found.Centre);
            var rotate = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"find {search:F2} s ({string.Join(", ", best!.Timings.Select(t => $"{t.Key} {t.Value:F2}"))}), rotate {rotate:F2} s: " +
                $"tilt {best.TiltDegrees:F3}° (true 12), significance {best.Significance:F1}, {best.IonsUsed:N0} ions searched, {(rotated is null ? "not found" : "rotated")}");
        }
        return 0;
    }
}
