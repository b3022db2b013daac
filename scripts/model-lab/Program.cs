// Research harness of the default model (docs/validation.md, "How the default model was chosen"):
//
//   dotnet run --project scripts/model-lab -c Release -- map MODEL SET DIR [ROW]
//       maps the specimens of SET (tune: sweep specimens 100–103 and target rows seeded 7101–7141;
//       report: sweep 0–11 and rows seeded 7201–7242; report-rows: the rows only) and their domain-free twins
//       with MODEL (a .safetensors file, or 'embedded') exactly as 'mlapt validate' does (SpecimenValidation.Run;
//       tilted rows aligned to ⟨001⟩ first), prints each score at the model's decision and stores the sub-voxel
//       scores and truth in DIR; ROW restricts it to the rows whose name starts so.
//   dotnet run --project scripts/model-lab -c Release -- tune DIR[,DIR…] THRESHOLDS FRACTIONS MIN_DOMAINS [AGGREGATION]
//       replays every decision of the grid on the stored scores: per row mean/worst F1 and the volume ratio
//       range, and the twins' false-positive volume fraction (mean/max, %). AGGREGATION: how a sub-voxel's
//       score comes from its covering voxels: mean (the map's mean rule, default), max, median or topK (mean of
//       the K highest); all but mean need maps stored with their voxel probabilities.
//   dotnet run --project scripts/model-lab -c Release -- envelope MODEL I,J,… [RESULTS]
//       measures points I, J, … of the quick envelope grid as 'mlapt validate --envelope --envelope-grid quick'
//       does (so that the grid can be split over processes); RESULTS collects them for envelope-report.
//   dotnet run --project scripts/model-lab -c Release -- envelope-report MODEL OUTDIR RESULTS…
//       envelope.json and the figures from the collected points.
//   dotnet run --project scripts/model-lab -c Release -- bank-row ROW N SEED OUT.npz [SPHERE_NM]
//       a specialist bank of one target row: N specimens drawn like it (seeds SEED…; tilted rows aligned as the
//       map aligns them) and every fourth one's domain-free twin, six channels, cube labels; train it with
//       'mlapt train' to learn what a model of this voxel geometry can do on that row alone.
//   SET equiv-tune / equiv-report (for map): the tilt rows' specimens untilted, with σz raised to the depth
//       resolution along the tilted pole, sqrt(σz² cos²θ + σxy² sin²θ).
//   dotnet run --project scripts/model-lab -c Release -- decide IN OUT THRESHOLD FRACTION MIN_DOMAIN
//       writes IN's ensemble with the map.* decision metadata set (the weights unchanged).
//
// Rows: small (80 domains of radius 0.6–1.0 nm), noisy (η 0.3, σxy 0.6 nm, σz 0.05 nm), weak (S 0.6),
// tilt10 and tilt15 (⟨001⟩ 10° and 15° off z towards a seeded azimuth); everything else as the default
// specimen (20 × 20 × 40 nm, 30 domains of 1.0–1.8 nm, η 0.5, σxy 0.3 nm, σz 0.03 nm, S 1).
using System.Globalization;
using MlApt.Crystal;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Validation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var mode = args[0];
if (mode == "map") Lab.MapSet(args[1], args[2], args[3], args.Length > 4 ? args[4] : null);
else if (mode == "decide")
{
    // decide IN OUT threshold fraction min: the same weights with the map.* decision metadata set.
    var e = MlApt.Learning.ModelFile.Load(args[1]);
    var md = e.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value);
    md["map.threshold"] = double.Parse(args[3]).ToString("R", CultureInfo.InvariantCulture);
    md["map.domain_fraction"] = double.Parse(args[4]).ToString("R", CultureInfo.InvariantCulture);
    md["map.min_domain_subvoxels"] = args[5];
    MlApt.Learning.ModelFile.Save(args[2], new MlApt.Learning.CnnEnsemble(e.Architecture, e.Members, e.ClassNames, e.Pairs, md));
}
else if (mode == "envelope")
{
    // envelope MODEL INDEX,INDEX…: points of the quick envelope grid measured as validate --envelope does.
    var profile = MapProfile.Resolve("default", args[1] == "embedded" ? null : args[1], null, null);
    var classify = EnsembleClassifier.Create(profile.Ensemble);
    var points = EnvelopeGrid.Quick.Points();
    foreach (var i in args[2].Split(',').Select(int.Parse))
    {
        var p = points[i];
        var pairs = profile.Ensemble.Pairs.Select(q => ElementPair.Parse(q)).ToList();
        var r = DetectionEnvelope.Measure(p, pairs, classify, box => profile.MapOptions(box, 1.0, 0.5));
        Console.WriteLine($"{i} {p.Axis} {string.Join(",", p.Values.Select(v => $"{v.Key}={v.Value}"))}: F1 {r.Score.F1:F3} VR {r.Score.VolumeRatio:F2} null {100 * r.NullFalsePositiveFraction:F3} % ({r.Seconds:F0} s)");
        if (args.Length > 3)
            File.AppendAllText(args[3], string.Create(CultureInfo.InvariantCulture,
                $"{i} {r.Score.TruePositives} {r.Score.FalsePositives} {r.Score.FalseNegatives} {r.Score.TrueNegatives} {r.NullFalsePositiveFraction:R} {r.Seconds:R}\n"));
    }
}
else if (mode == "envelope-report")
{
    // envelope-report MODEL OUTDIR RESULTS…: envelope.json and the figures of the quick grid from the stored points.
    var profile = MapProfile.Resolve("default", args[1] == "embedded" ? null : args[1], null, null);
    var points = EnvelopeGrid.Quick.Points();
    var results = new SortedDictionary<int, EnvelopeResult>();
    foreach (var f in args.Skip(3))
        foreach (var line in File.ReadAllLines(f))
        {
            var t = line.Split(' ');
            var i = int.Parse(t[0], CultureInfo.InvariantCulture);
            results[i] = new EnvelopeResult(points[i], new MapScore(long.Parse(t[1]), long.Parse(t[2]), long.Parse(t[3]), long.Parse(t[4])),
                double.Parse(t[5], CultureInfo.InvariantCulture), double.Parse(t[6], CultureInfo.InvariantCulture));
        }
    Console.WriteLine($"{results.Count} of {points.Count} points");
    Directory.CreateDirectory(args[2]);
    MlApt.Reporting.EnvelopeReport.Write(args[2], results.Values.ToList(), "quick", profile, results.Values.Sum(r => r.Seconds));
}
else if (mode == "bank-row") Lab.BankRow(args[1], int.Parse(args[2]), int.Parse(args[3]), args[4], args.Length > 5 ? double.Parse(args[5]) : 1.25);
else if (mode == "tune") Lab.Tune(args[1].Split(','), args.Skip(2).ToArray());
else throw new ArgumentException(mode);

static class Lab
{
    public static List<(string Row, SpecimenSpec Spec, double Tilt)> Set(string set)
    {
        var list = new List<(string, SpecimenSpec, double)>();
        if (set is "equiv-tune" or "equiv-report")
        {
            // The tilt rows' specimens untilted, with σz raised to the depth resolution along the tilted pole,
            // sqrt(σz² cos²θ + σxy² sin²θ): what the aligned specimen's z-SDMs see of the planes.
            var eb = set == "equiv-tune" ? 7100 : 7200;
            var en = set == "equiv-tune" ? 1 : 2;
            foreach (var (tilt, off) in new[] { (10.0, 30), (15.0, 40) })
                for (var i = 1; i <= en; i++)
                {
                    var th = tilt * Math.PI / 180;
                    var sz = Math.Sqrt(0.03 * 0.03 * Math.Cos(th) * Math.Cos(th) + 0.3 * 0.3 * Math.Sin(th) * Math.Sin(th));
                    list.Add(("sz" + tilt, new SpecimenSpec { SigmaZ = sz, Seed = eb + off + i }, 0));
                }
            return list;
        }
        var report = set == "report";
        int b = report ? 7200 : 7100;
        int n = report ? 4 : 2, nt = report ? 2 : 1;
        if (set != "report-rows")
        {
            var sweep = report ? Enumerable.Range(0, 12) : Enumerable.Range(100, 4);
            foreach (var i in sweep) list.Add(("sweep", ValidationSweep.Specimen(i), 0));
        }
        if (set == "report-rows") { report = true; b = 7200; n = 4; nt = 2; }
        for (var i = 1; i <= n; i++) list.Add(Row("small", b + i));
        for (var i = 1; i <= n; i++) list.Add(Row("noisy", b + 10 + i));
        for (var i = 1; i <= n; i++) list.Add(Row("weak", b + 20 + i));
        for (var i = 1; i <= nt; i++) list.Add(Row("tilt10", b + 30 + i));
        for (var i = 1; i <= nt; i++) list.Add(Row("tilt15", b + 40 + i));
        return list;
    }

    /// <summary>A specimen of a target row with the seed (the tilt rows: the pole off z towards a seeded azimuth).</summary>
    public static (string Row, SpecimenSpec Spec, double Tilt) Row(string row, int seed)
    {
        switch (row)
        {
            case "small": return (row, new SpecimenSpec { Domains = 80, RadiusMin = 0.6, RadiusMax = 1.0, Seed = seed }, 0);
            case "noisy": return (row, new SpecimenSpec { Efficiency = 0.3, SigmaXy = 0.6, SigmaZ = 0.05, Seed = seed }, 0);
            case "weak": return (row, new SpecimenSpec { Order = 0.6, Seed = seed }, 0);
            case "tilt10" or "tilt15":
                var tilt = row == "tilt10" ? 10.0 : 15.0;
                var az = 2 * Math.PI * new Random(seed).NextDouble();
                var t = Math.Tan(tilt * Math.PI / 180);
                return (row, new SpecimenSpec { Orientation = (t * Math.Cos(az), t * Math.Sin(az), 1), Seed = seed }, tilt);
            default: throw new ArgumentException("row " + row);
        }
    }

    /// <summary>
    /// A specialist bank: the six-channel voxel z-SDMs (1.25 nm spheres unless given, min–max only) of
    /// <paramref name="count"/> specimens of one target row (seeds <paramref name="seed"/>…, never the tuning
    /// or report seeds), tilted rows aligned as the map aligns them, cube labels, matrix 3 : 1, and every
    /// fourth specimen's domain-free twin (2000 matrix voxels). An upper bound on what a model of this voxel
    /// geometry can do on that row: it is trained on nothing else.
    /// </summary>
    public static void BankRow(string rowName, int count, int seed, string outFile, double sphere)
    {
        var pairs = "Ni-Ni,Co-Co,Cr-Cr,Ni-Co,Ni-Cr,Co-Cr".Split(',').Select(p => ElementPair.Parse(p)).ToList();
        var channels = pairs.Count;
        var cube = SpecimenBank.CubePoints(1.0);
        var x = new List<float>(); var y = new List<int>(); var samples = new List<MlApt.Banks.SampleParameters>();
        var pick = new Random(seed);
        for (var n = 0; n < count + count / 4; n++)
        {
            var twin = n >= count;
            var (_, spec0, tilt) = Row(rowName, seed + (twin ? 4 * (n - count) : n));
            var spec = twin ? spec0 with { Domains = 0 } : spec0;
            var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"], spec.Charge), "specimen.rrng");
            var sim = SimulatedSpecimen.Generate(spec);
            var cloud = sim.Cloud;
            IReadOnlyList<SphericalDomain> domains = sim.Domains;
            var box = SpecimenValidation.AnalysisBox(spec);
            if (tilt > 0)
            {
                // A twin is turned as its specimen with domains is (the same crystal), as validate does it.
                var (_, a) = MapAlignment.Align(twin ? SimulatedSpecimen.Generate(spec0).Cloud : cloud, new PoleAlignmentOptions(), "bank");
                cloud = MapAlignment.Apply(cloud, a);
                domains = MapAlignment.Rotate(domains, a);
                box = MapAlignment.InscribedBox(box, a);
            }
            var (inputs, centres) = SpecimenBank.VoxelProfiles(cloud, table, pairs, box, SdmStage.Normalized, sphere);
            var index = new DomainIndex(domains);
            var labels = centres.Select(c => SpecimenBank.IsCsro(index, c, cube) ? 1 : 0).ToArray();
            var pos = labels.Sum(); var neg = labels.Length - pos;
            var keepMatrix = twin ? Math.Min(1.0, 2000.0 / Math.Max(neg, 1)) : Math.Min(1.0, 3.0 * Math.Max(pos, 1) / Math.Max(neg, 1));
            for (var v = 0; v < labels.Length; v++)
            {
                if (labels[v] == 0 && pick.NextDouble() >= keepMatrix) continue;
                x.AddRange(inputs.AsSpan(v * channels * VoxelScan.Bins, channels * VoxelScan.Bins));
                y.Add(labels[v]);
                samples.Add(new MlApt.Banks.SampleParameters(labels[v], spec.SigmaXy, spec.SigmaZ, spec.Efficiency, tilt, double.NaN, spec.A, 1));
            }
            Console.WriteLine($"{rowName} seed {spec.Seed}{(twin ? " twin" : "")}: {pos} CSRO, {neg} matrix voxels; bank {y.Count}");
        }
        var described = new Dictionary<string, string> { ["sampling"] = $"specialist bank of the {rowName} row, seeds {seed}+" };
        var info = new MlApt.Banks.BankInfo("specimens-minmax", SpecimenBank.ClassNames, pairs.Select(p => p.ToString()).ToArray(), seed, (0, 0, 1),
        [
            new MlApt.Banks.ClassInfo("matrix", "FCC", "SolidSolution", ["Co", "Cr", "Ni"], null, null, described),
            new MlApt.Banks.ClassInfo("CSRO", "FCC", "L12", ["Ni", "Co", "Cr"], null, null, described),
        ]);
        MlApt.Banks.BankFile.Save(outFile, new MlApt.Banks.PatternBank([.. x], [.. y], samples, info));
    }

    public static void MapSet(string model, string set, string outDir, string? only)
    {
        Directory.CreateDirectory(outDir);
        var profile = MapProfile.Resolve("default", model == "embedded" ? null : model, null, null);
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        var pairs = profile.Ensemble.Pairs.Select(p => ElementPair.Parse(p)).ToList();
        var k = 0;
        foreach (var (row, spec, tilt) in Set(set))
        {
            k++;
            if (only is not null && !row.StartsWith(only)) continue;
            var file = Path.Combine(outDir, $"{k:D2}-{row}-{spec.Seed}.bin");
            if (File.Exists(file)) continue;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var table = RangeTable.Parse(SpecimenRanges.Rrng(["Co", "Cr", "Ni"], spec.Charge), "specimen.rrng");
            var sim = SimulatedSpecimen.Generate(spec);
            var box = SpecimenValidation.AnalysisBox(spec);
            // Aligned as 'mlapt validate --align' does: no box given, so the analysis box becomes the largest box of
            // the aligned frame inside the specimen's (a fixed box would hold wedges of partial data after the rotation).
            var outcome = SpecimenValidation.Run(sim.Cloud, table, spec, sim.Domains, pairs, classify, profile.MapOptions(tilt > 0 ? null : box, 1.0, 0.5), true,
                align: tilt > 0 ? new PoleAlignmentOptions() : null);
            var truth = MapScore.TruthMask(outcome.Map, outcome.TrueDomains);
            using (var w = new BinaryWriter(File.Create(file)))
            {
                // Version 2: also the voxel probabilities (real and twin), so that other sub-voxel aggregations
                // can be replayed; version 1 (no magic) held the box and the sub-voxel means only.
                w.Write(Version2);
                var bx = outcome.Map.Box;
                foreach (var v in new[] { bx.XMin, bx.XMax, bx.YMin, bx.YMax, bx.ZMin, bx.ZMax }) w.Write(v);
                w.Write(outcome.Map.Grid.Options.SphereRadius);
                w.Write(truth.Length);
                foreach (var v in outcome.Map.SubVoxelMean) w.Write(v);
                w.Write(truth);
                foreach (var v in outcome.NullMap!.SubVoxelMean) w.Write(v);
                w.Write(outcome.Map.VoxelProbability.Length);
                foreach (var v in outcome.Map.VoxelProbability) w.Write(v);
                foreach (var v in outcome.NullMap!.VoxelProbability) w.Write(v);
            }
            Console.WriteLine($"{row} seed {spec.Seed}: F1 {outcome.Score.F1:F3} VR {outcome.Score.VolumeRatio:F2} null {100 * outcome.NullFalsePositiveFraction:F3} % best-thr F1 {outcome.Best.Score.F1:F3} tilt-found {(outcome.Alignment is null ? "-" : outcome.Alignment.ToString())} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }

    const int Version2 = 0x32424C4D; // "MLB2"

    record Item(string Row, SubVoxelGrid Grid, float[] Mean, byte[] Truth, float[] Null, float[]? Voxels, float[]? NullVoxels);

    static float[] Floats(BinaryReader r, int n) { var a = new float[n]; for (var i = 0; i < n; i++) a[i] = r.ReadSingle(); return a; }

    static List<Item> Load(string dir)
    {
        var items = new List<Item>();
        foreach (var f in Directory.GetFiles(dir, "*.bin").Order())
        {
            using var r = new BinaryReader(File.OpenRead(f));
            var v2 = r.ReadInt32() == Version2;
            if (!v2) r.BaseStream.Position = 0;
            var bx = new MlApt.Geometry.Box(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            var sphere = v2 ? r.ReadDouble() : 1.25;
            var n = r.ReadInt32();
            var mean = Floats(r, n);
            var truth = r.ReadBytes(n);
            var nul = Floats(r, n);
            float[]? voxels = null, nullVoxels = null;
            if (v2)
            {
                var nv = r.ReadInt32();
                voxels = Floats(r, nv);
                nullVoxels = Floats(r, nv);
            }
            var grid = new SubVoxelGrid(new VoxelGrid(bx, new VoxelScanOptions(SphereRadius: sphere)));
            if (grid.Count != n) throw new InvalidOperationException("grid mismatch " + f);
            var row = Path.GetFileNameWithoutExtension(f).Split('-')[1];
            items.Add(new Item(row, grid, mean, truth, nul, voxels, nullVoxels));
        }
        return items;
    }

    /// <summary>
    /// Sub-voxel scores from the voxel probabilities by another aggregation of the covering voxels than the mean:
    /// max (any covering voxel), topK (mean of the K highest), median. NaN when a covering voxel is undefined.
    /// </summary>
    static float[] Aggregate(SubVoxelGrid grid, float[] voxels, string how)
    {
        var v = grid.Voxels;
        var scores = new float[grid.Count];
        var p = new List<float>(8);
        for (var k = 0; k < grid.Nz; k++)
        {
            var (k0, k1) = grid.Covering(k, v.Nz);
            for (var j = 0; j < grid.Ny; j++)
            {
                var (j0, j1) = grid.Covering(j, v.Ny);
                for (var i = 0; i < grid.Nx; i++)
                {
                    var (i0, i1) = grid.Covering(i, v.Nx);
                    p.Clear();
                    for (var kk = k0; kk <= k1; kk++) for (var jj = j0; jj <= j1; jj++) for (var ii = i0; ii <= i1; ii++)
                        p.Add(voxels[v.Index(ii, jj, kk)]);
                    var s = grid.Index(i, j, k);
                    if (p.Count == 0 || p.Any(float.IsNaN)) { scores[s] = float.NaN; continue; }
                    p.Sort((a, b) => b.CompareTo(a));
                    scores[s] = how switch
                    {
                        "max" => p[0],
                        "median" => p.Count % 2 == 1 ? p[p.Count / 2] : (p[p.Count / 2 - 1] + p[p.Count / 2]) / 2,
                        _ when how.StartsWith("top") => p.Take(int.Parse(how[3..])).Average(),
                        _ => throw new ArgumentException("aggregation " + how),
                    };
                }
            }
        }
        return scores;
    }

    static byte[] Decide(SubVoxelGrid grid, float[] mean, double t, double f, int min)
    {
        var sel = new byte[mean.Length];
        Selection.Select(mean, t, sel);
        if (f > 0) Selection.KeepAboveDomainFraction(grid, mean, f, sel);
        if (min > 1)
        {
            var labels = new int[mean.Length];
            var domains = ConnectedDomains.Label(grid, sel, labels);
            var small = domains.Where(d => d.SubVoxels < min).Select(d => d.Id).ToHashSet();
            for (var s = 0; s < sel.Length; s++) if (labels[s] > 0 && small.Contains(labels[s])) sel[s] = 0;
        }
        return sel;
    }

    public static void Tune(string[] dirs, string[] grid)
    {
        var items = dirs.SelectMany(Load).ToList();
        var how = grid.Length > 3 ? grid[3] : "mean";
        if (how != "mean")
        {
            if (items.Any(i => i.Voxels is null)) throw new ArgumentException("aggregation " + how + " needs maps stored with their voxel probabilities (map, version 2)");
            items = items.Select(i => i with { Mean = Aggregate(i.Grid, i.Voxels!, how), Null = Aggregate(i.Grid, i.NullVoxels!, how) }).ToList();
        }
        var ts = grid.Length > 0 ? grid[0].Split(',').Select(double.Parse).ToArray() : [0.3, 0.35, 0.4, 0.45, 0.5, 0.55];
        var fs = grid.Length > 1 ? grid[1].Split(',').Select(double.Parse).ToArray() : [0, 0.5, 0.6, 0.7, 0.8];
        var ms = grid.Length > 2 ? grid[2].Split(',').Select(int.Parse).ToArray() : [0, 4, 8, 16];
        var rows = items.Select(i => i.Row).Distinct().ToList();
        Console.WriteLine("thr frac min | " + string.Join(" | ", rows.Select(r => $"{r}: F1 mean/min VR min-max")) + " | nullFP mean/max %");
        foreach (var t in ts) foreach (var f in fs) foreach (var m in ms)
        {
            var parts = new List<string>();
            var nulls = new List<double>();
            foreach (var row in rows)
            {
                var f1s = new List<double>(); var vrs = new List<double>();
                foreach (var it in items.Where(i => i.Row == row))
                {
                    var sc = MapScore.OfSelection(Decide(it.Grid, it.Mean, t, f, m), it.Mean, it.Truth);
                    f1s.Add(sc.F1); vrs.Add(sc.VolumeRatio);
                    var ns = Decide(it.Grid, it.Null, t, f, m);
                    long nsel = 0, ndef = 0;
                    for (var s = 0; s < ns.Length; s++) { if (!float.IsNaN(it.Null[s])) { ndef++; nsel += ns[s]; } }
                    nulls.Add(100.0 * nsel / ndef);
                }
                parts.Add($"{f1s.Average():F3}/{f1s.Min():F3} {vrs.Min():F2}-{vrs.Max():F2}");
            }
            Console.WriteLine($"{t:F2} {f:F2} {m,3} | {string.Join(" | ", parts)} | {nulls.Average():F3}/{nulls.Max():F3}");
        }
    }
}
