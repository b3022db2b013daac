using System.Diagnostics;
using MlApt.Geometry;
using MlApt.Reporting;
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

    public static int Plots(string dir)
    {
        var grid = SdmSpecimen.Grid;
        var ni = SdmSpecimen.Ni;
        var edges = ZSdm.CroppedBinLeftEdges();
        var v = grid.Index(19, 19, 120);
        var (cx, cy, cz) = grid.Centre(v);
        var raw = new float[VoxelScan.Bins];
        VoxelScan.RunAt([cx], [cy], [cz], grid.Options, ni, ni, raw, []);
        var values = raw.Select(f => (double)f).ToArray();
        SdmPlots.SaveZSdm(Path.Combine(dir, "voxel-raw.png"), edges, values, $"Ni–Ni z-SDM, voxel at ({cx}, {cy}, {cz}) nm");
        var pre = new double[VoxelScan.Bins];
        Preprocessing.Apply(raw, pre);
        SdmPlots.SaveZSdm(Path.Combine(dir, "voxel-preprocessed.png"), edges, pre, "preprocessed", "normalised");

        var region = new Box(-3, 3, -3, 3, -63, -57);
        var (x, y, z) = ZSdmRegion(ni, region);
        var full = new long[ZSdm.FullBinCount];
        ZSdm.AccumulateCentres(x, y, z, ni, 1.5, full);
        var cropped = new double[ZSdm.CropLength];
        ZSdm.Crop(full, cropped);
        SdmPlots.SaveZSdm(Path.Combine(dir, "region.png"), edges, cropped, $"Ni–Ni z-SDM of a 6 nm cube ({x.Length} centres)");
        var c2 = new long[Sdm2D.Bins * Sdm2D.Bins];
        Sdm2D.AccumulateCentres(x, y, z, ni, 1.5, c2);
        SdmPlots.SaveSdm2D(Path.Combine(dir, "region-2d.png"), Sdm2D.ToArray(c2), "Ni–Ni 2D SDM of a 6 nm cube");

        // A perfect FCC crystal (a = 0.356 nm) shows the {002} planes at multiples of a/2.
        var a = 0.356;
        var (fx, fy, fz) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < 20; i++) for (var j = 0; j < 20; j++) for (var k = 0; k < 20; k++)
            foreach (var (bx, by, bz) in new[] { (0.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.5, 0.0, 0.5), (0.0, 0.5, 0.5) })
            { fx.Add((i + bx) * a); fy.Add((j + by) * a); fz.Add((k + bz) * a); }
        var fcc = SpeciesIndex.Build(fx.ToArray(), fy.ToArray(), fz.ToArray(), 0.5);
        var centre = ZSdmRegion(fcc, new Box(2.5, 4.5, 2.5, 4.5, 2.5, 4.5));
        Array.Clear(full);
        ZSdm.AccumulateCentres(centre.X, centre.Y, centre.Z, fcc, 1.5, full);
        ZSdm.Crop(full, cropped);
        SdmPlots.SaveZSdm(Path.Combine(dir, "fcc001.png"), edges, cropped, "perfect FCC, <001> ∥ z");
        Array.Clear(c2);
        Sdm2D.AccumulateCentres(centre.X, centre.Y, centre.Z, fcc, 1.5, c2);
        SdmPlots.SaveSdm2D(Path.Combine(dir, "fcc001-2d.png"), Sdm2D.ToArray(c2), "perfect FCC 2D SDM, <001> ∥ z");
        return 0;
    }

    private static (double[] X, double[] Y, double[] Z) ZSdmRegion(SpeciesIndex index, Box region)
    {
        var (x, y, z) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < index.Count; i++)
            if (region.Contains(index.X[i], index.Y[i], index.Z[i])) { x.Add(index.X[i]); y.Add(index.Y[i]); z.Add(index.Z[i]); }
        return ([.. x], [.. y], [.. z]);
    }
}
