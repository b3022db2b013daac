using System.Diagnostics;
using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Benchmarks;

/// <summary>
/// How the found pole depends on the sample the search uses (<c>quick-align-precision FILE</c>): the pole
/// found from every ion (both budgets unlimited) against the pole found with smaller refinement samples
/// (the coarse sample at its default), five sample seeds each; prints the angle to the full-data pole and the time.
/// </summary>
internal static class AlignPrecision
{
    public static int Run(string path)
    {
        var cloud = IonFile.Read(path);
        Console.WriteLine($"{path}: {cloud.Count:N0} ions, cores {Environment.ProcessorCount}");
        var clock = Stopwatch.StartNew();
        var full = PoleAlignment.Find(cloud, [], new PoleAlignmentOptions { IonBudget = int.MaxValue, RefineIonBudget = int.MaxValue }, out var bestFull) ?? bestFull!;
        Console.WriteLine($"all ions: tilt {full.TiltDegrees:F4}°, azimuth {full.AzimuthDegrees:F3}°, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var refine in new[] { 25_000, 50_000, 100_000, 200_000, 400_000, 800_000 })
        {
            var errors = new List<double>();
            clock.Restart();
            for (var seed = 1; seed <= 5; seed++)
            {
                var found = PoleAlignment.Find(cloud, [], new PoleAlignmentOptions { RefineIonBudget = refine, Seed = seed }, out var best) ?? best!;
                errors.Add(Angle(found.Direction, full.Direction));
            }
            Console.WriteLine($"refine sample {refine,7:N0}: angle to the all-ion pole mean {errors.Average():F4}°, max {errors.Max():F4}° ({clock.Elapsed.TotalSeconds / 5:F2} s per search)");
        }
        return 0;
    }

    private static double Angle((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        Math.Acos(Math.Clamp(a.X * b.X + a.Y * b.Y + a.Z * b.Z, -1, 1)) * 180 / Math.PI;
}
