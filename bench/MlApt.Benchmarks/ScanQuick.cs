using System.Diagnostics;
using MlApt.Numerics;

namespace MlApt.Benchmarks;

/// <summary>
/// Stopwatch timing of the default map's z-SDM stage beside the published one (the voxels of
/// <see cref="DefaultScanBenchmarks"/>), with a checksum of the counts so that a kernel change can be
/// seen to leave every count as it was. Usage: <c>quick-scan [threads] [repeats]</c>.
/// </summary>
internal static class ScanQuick
{
    public static int Run(int threads, int repeats)
    {
        Parallelism.MaxThreads = threads;
        var b = new DefaultScanBenchmarks();
        b.Setup();
        for (var r = 0; r < repeats; r++)
        {
            var process = Process.GetCurrentProcess();
            var t = Stopwatch.StartNew();
            var cpu = process.TotalProcessorTime;
            b.PublishedOnePair();
            var published = t.Elapsed.TotalSeconds;
            process.Refresh();
            var publishedCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            cpu = process.TotalProcessorTime;
            t.Restart();
            b.DefaultSixChannels();
            var six = t.Elapsed.TotalSeconds;
            process.Refresh();
            var sixCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            var sums = b.Checksum();
            cpu = process.TotalProcessorTime;
            t.Restart();
            b.DefaultSixChannelsPerVoxel();
            var perVoxel = t.Elapsed.TotalSeconds;
            process.Refresh();
            var perVoxelCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            if (b.Checksum() != sums)
                throw new InvalidOperationException("the row and per-voxel scans disagree");
            // CPU time is the steadier figure while other jobs share the cores.
            Console.WriteLine($"threads {threads}: published one pair {published:F3} s ({publishedCpu:F3} s CPU), default six channels {six:F3} s ({sixCpu:F3} s CPU), ratio {six / published:F2} ({sixCpu / publishedCpu:F2} CPU); per-voxel kernels {perVoxel:F3} s ({perVoxelCpu:F3} s CPU), {perVoxel / six:F2}× the row scan; checksum {sums:X16}");
        }
        return 0;
    }
}
