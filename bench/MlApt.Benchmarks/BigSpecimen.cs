using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Benchmarks;

/// <summary>
/// Writes the 98M-ion specimen of docs/performance.md: a 40 × 40 × 1390 nm random CoCrNi solution (detection
/// efficiency 0.5) with 60 Ni L1₂ domains of radius 1.5–3 nm at seeded random places, as POS with its RRNG.
/// Usage: <c>big-specimen OUT.pos</c> (about 1.6 GB).
/// </summary>
internal static class BigSpecimen
{
    public static int Run(string path)
    {
        var random = new Random(100);
        var domains = Enumerable.Range(0, 60).Select(_ => (X: random.NextDouble() * 30 - 15, Y: random.NextDouble() * 30 - 15,
            Z: -5 - random.NextDouble() * 1380, R: 1.5 + 1.5 * random.NextDouble())).ToList();
        var cloud = DemoSpecimen.Generate((40, 40, 1390), 100, domains, "Ni");
        IonFile.Write(path, cloud);
        File.WriteAllText(Path.ChangeExtension(path, ".rrng"), DemoSpecimen.RangeFile());
        Console.WriteLine($"{path}: {cloud.Count:N0} ions, 60 Ni L1₂ domains");
        return 0;
    }
}
