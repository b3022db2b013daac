using System.Diagnostics;
using MlApt.Sdm;

namespace MlApt.Benchmarks;

internal static class SdmQuick
{
    public static int Run()
    {
        var sw = Stopwatch.StartNew();
        var grid = SdmSpecimen.Grid;
        var ni = SdmSpecimen.Ni;
        Console.WriteLine($"specimen + index: {sw.Elapsed.TotalSeconds:F2} s, Ni {SdmSpecimen.NiCount}, voxels {grid.Count}, cores {Environment.ProcessorCount}");
        var counts = new float[grid.Count * VoxelScan.Bins];
        var n = new int[grid.Count];
        var pre = new double[counts.Length];
        for (var rep = 0; rep < 3; rep++)
        {
            sw.Restart();
            VoxelScan.Run(grid, ni, ni, counts, n);
            var scan = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var undefined = Preprocessing.ApplyBatch(counts, pre, SdmStage.Preprocessed);
            var prep = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"scan {scan:F3} s (mean Ni/voxel {n.Average():F1}), preprocess {prep:F3} s (undefined {undefined})");
        }
        return 0;
    }
}
