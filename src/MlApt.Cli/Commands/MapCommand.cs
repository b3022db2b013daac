using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Numerics;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt map</c>.</summary>
public sealed class MapSettings : MapDecisionSettings
{
    /// <summary>The reconstruction.</summary>
    [CommandArgument(0, "<recon>")]
    [Description("Reconstruction: .pos, .epos, .apt, .nxs (NeXus NXapm) or .csv/.txt.")]
    public string Recon { get; init; } = "";

    /// <summary>Range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (.rrng, .rng, .env). Required unless the reconstruction is a NeXus file with ranging.")]
    public string? Ranges { get; init; }

    /// <summary>Refuse overlapping ranges.</summary>
    [CommandOption("--strict-ranges")]
    [Description("Refuse range files whose ranges overlap.")]
    public bool StrictRanges { get; init; }

    /// <summary>Element pairs.</summary>
    [CommandOption("-p|--pair <A-B>")]
    [Description("Element pair to map (repeat for several: one analysis each with a one-channel model; the channels, in order, with a multi-channel model). Default: the model's pairs.")]
    public string[] Pairs { get; init; } = [];

    /// <summary>Analysis box.</summary>
    [CommandOption("--box <BOX>")]
    [Description("Analysis box xmin,xmax,ymin,ymax,zmin,zmax (nm). Default: the ions' bounding box, analysing voxels whose ion density is at least half the median of occupied voxels.")]
    public string? Box { get; init; }

    /// <summary>Control permutations.</summary>
    [CommandOption("--control <N>")]
    [Description("Random-label controls: N seeded permutations of the mass-to-charge values, each mapped identically.")]
    [DefaultValue(0)]
    public int Control { get; init; }

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the control permutations.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (one set of files; with several pairs, one subfolder per pair). Required.")]
    public string? Out { get; init; }

    /// <summary>Also write the extracted ions as CSV.</summary>
    [CommandOption("--ions-csv")]
    [Description("Also write csro_ions.csv.")]
    public bool IonsCsv { get; init; }

    /// <summary>Also write map.nxs.</summary>
    [CommandOption("--nexus")]
    [Description("Also write map.nxs: the reconstruction as NeXus NXapm plus an NXprocess with the CSRO results as NXdata (opens in h5web, silx, h5py).")]
    public bool Nexus { get; init; }

    /// <summary>Slab k of n.</summary>
    [CommandOption("--slab <K/N>")]
    [Description("Map only slab K of N (0-based) of the voxel z-layers and write its voxel probabilities with slab.json; combine the N slab folders with mlapt merge. Each process reads the whole reconstruction, so the 1.5 nm halo is automatic. With --control, each slab maps its layers of the same permutations.")]
    public string? Slab { get; init; }

    /// <summary>The parsed slab.</summary>
    public (int Index, int Count)? ParsedSlab
    {
        get
        {
            if (Slab is null) return null;
            var parts = Slab.Split('/');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && k < n ? (k, n) : null;
        }
    }

    /// <summary>JSON to stdout.</summary>
    [CommandOption("--json")]
    [Description("Print the summary as JSON on stdout (no progress display).")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Ranges) && !RangeLoading.MayCarryRanges(Recon))
            return ValidationResult.Error("--ranges is required: the map needs the ions of each element (a .nxs reconstruction may carry its ranging instead)");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        if (Nexus && Slab is not null)
            return ValidationResult.Error("--nexus cannot be combined with --slab: slabs write no map, and mlapt merge writes the map without map.nxs");
        if (Control is < 0 or > 1000)
            return ValidationResult.Error($"--control {Control}: expected 0 … 1000 permutations");
        if (Slab is not null && ParsedSlab is null)
            return ValidationResult.Error($"--slab '{Slab}': expected K/N with 0 ≤ K < N, e.g. 0/4");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt map</c>: from a reconstruction and its range file to 3D CSRO maps, domains and a random-label
/// control (METHOD §3, §7–§9).
/// </summary>
public sealed class MapCommand(CliIo io) : Command<MapSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, MapSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var total = Stopwatch.StartNew();
        Box? box = settings.Box is null ? null : BoxOption.Parse(settings.Box, "--box");
        var table = RangeLoading.ForReconstruction(settings.Recon, settings.Ranges, settings.StrictRanges);
        RangeLoading.ReportOverlaps(io, table);
        var profile = MapProfile.Resolve(settings.Profile, settings.Model, settings.Rule, settings.Threshold, settings.MinDomain, settings.DomainFraction);
        var ensemble = profile.Ensemble;
        var analyses = PlanAnalyses(settings, ensemble, table);

        var readClock = Stopwatch.StartNew();
        var cloud = IonFile.Read(settings.Recon);
        var species = table.Assign(cloud);
        var readSeconds = readClock.Elapsed.TotalSeconds;
        if (box is { } b)
        {
            var bounds = Bounds3.Of(cloud.X, cloud.Y, cloud.Z);
            if (bounds is null || b.XMax < bounds.Value.Min.X || b.XMin > bounds.Value.Max.X || b.YMax < bounds.Value.Min.Y
                || b.YMin > bounds.Value.Max.Y || b.ZMax < bounds.Value.Min.Z || b.ZMin > bounds.Value.Max.Z)
                InputError.In("--box", $"{BoxOption.Format(b)} lies outside the data ({(bounds is { } bb ? $"x [{bb.Min.X}, {bb.Max.X}], y [{bb.Min.Y}, {bb.Max.Y}], z [{bb.Min.Z}, {bb.Max.Z}]" : "no ions")})");
        }

        var options = profile.MapOptions(box, settings.Voxel, settings.Stride) with { Slab = settings.ParsedSlab };
        var classify = EnsembleClassifier.Create(ensemble);
        var interactive = !settings.Json && !Console.IsErrorRedirected && ReferenceEquals(io.Error, Console.Error);
        var results = new List<(IReadOnlyList<ElementPair> Pairs, CsroMap Map, List<CsroMap> Controls, string Dir)>();
        foreach (var pairs in analyses)
        {
            var dir = analyses.Count == 1 ? settings.Out! : Path.Combine(settings.Out!, string.Join("+", pairs));
            var name = string.Join("+", pairs);
            var map = Run(interactive, $"{name}: mapping", p => CsroMapper.Map(cloud, species, table, pairs, classify, options, p, cancellationToken));
            var controls = new List<CsroMap>();
            for (var c = 0; c < settings.Control; c++)
            {
                var seed = settings.Seed + c;
                var permutedSpecies = LabelPermutation.PermuteSpecies(species, seed);
                // Same box and the same analysable voxels as the real map: both describe the same volume.
                var controlOptions = CsroMapper.ControlOptions(options, map);
                controls.Add(Run(interactive, $"{name}: control {c + 1}/{settings.Control}",
                    p => CsroMapper.Map(cloud, permutedSpecies, table, pairs, classify, controlOptions, p, cancellationToken)));
            }
            results.Add((pairs, map, controls, dir));
        }

        if (settings.ParsedSlab is { } slab)
        {
            foreach (var (pairs, map, controls, dir) in results)
                SlabFiles.Write(dir, map, controls, slab, settings, profile, options, pairs);
            io.Error.WriteLine($"mlapt: slab {slab.Index}/{slab.Count} written to {settings.Out}; combine all slabs with mlapt merge");
            return MlAptApp.Ok;
        }

        // Outputs only after every map succeeded: a failure or Ctrl-C leaves nothing half-written.
        foreach (var (pairs, map, controls, dir) in results)
        {
            MapReport.Write(dir, map, cloud, species, table, controls, w => WriteProvenance(w, settings, profile, readSeconds, total.Elapsed.TotalSeconds),
                new MapReport.Options(IonsCsv: settings.IonsCsv, Nexus: settings.Nexus ? NexusSource(settings) : null, Subject: profile.OrderName(pairs)));
        }
        if (results.Count > 1)
        {
            JsonOutput.WriteFile(Path.Combine(settings.Out!, "summary.json"), w => WriteIndex(w, results.Select(r => (r.Pairs, r.Map, r.Dir)).ToList(), settings));
        }

        if (settings.Json)
        {
            // One analysis: its summary; several: the index beside their folders. Both are DIR/summary.json.
            io.Out.WriteLine(File.ReadAllText(Path.Combine(settings.Out!, "summary.json")));
        }
        else
        {
            io.Heading($"CSRO map of {settings.Recon}");
            var t = new Table().Border(TableBorder.Rounded);
            t.AddColumn(new TableColumn("Pairs").NoWrap()).AddColumn(new TableColumn("Volume fraction").RightAligned()).AddColumn(new TableColumn("Domains").RightAligned())
                .AddColumn(new TableColumn("DBSCAN clusters").RightAligned()).AddColumn(new TableColumn("Control VF (mean)").RightAligned())
                .AddColumn(new TableColumn("p").RightAligned()).AddColumn("Output");
            foreach (var (pairs, map, controls, dir) in results)
            {
                var stats = controls.Count > 0 ? ControlStatistics.Compare(map, controls) : null;
                t.AddRow(Markup.Escape(string.Join("+", pairs)), Pct(map.VolumeFraction), map.Domains.Count.ToString(CultureInfo.InvariantCulture),
                    map.Dbscan.Clusters.ToString(CultureInfo.InvariantCulture),
                    stats is null ? "–" : Pct(stats.ControlVolumeFractions.Average()),
                    stats is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{stats.PValue:G3} (1/{controls.Count + 1})"), Markup.Escape(dir));
            }
            io.Ansi.Write(t);
            if (settings.Control is > 0 and < ControlStatistics.PermutationsForFivePercent)
                io.Ansi.WriteLine(Markup.Escape(ControlStatistics.Compare(results[0].Map, results[0].Controls).DescribePValue()) + ".");
            io.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {total.Elapsed.TotalSeconds:F1} s."));
        }
        return MlAptApp.Ok;
    }

    private CsroMap Run(bool interactive, string label, Func<IProgress<CsroMapper.Progress>?, CsroMap> work)
    {
        if (!interactive)
            return work(null);
        CsroMap? result = null;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = work(new Progress<CsroMapper.Progress>(p => task.Value = p.Fraction));
                task.Value = 1.0;
            });
        return result!;
    }

    /// <summary>One analysis per pair with a one-channel model; one analysis over the channels otherwise.</summary>
    private static List<IReadOnlyList<ElementPair>> PlanAnalyses(MapSettings s, CnnEnsemble ensemble, RangeTable table)
    {
        var channels = ensemble.Architecture.Channels;
        var requested = s.Pairs.Length > 0 ? s.Pairs.Select(p => ElementPair.Parse(p)).ToList()
            : ensemble.Pairs.Select(p => ElementPair.Parse(p, "model pairs")).ToList();
        foreach (var element in requested.SelectMany(p => new[] { p.Centre, p.Neighbour }).Distinct())
        {
            if (table.SingleAtomSpecies(element) == 0)
                InputError.In("--pair", $"element '{element}' is not defined by {table.Source} (available: {string.Join(", ", table.Species.Skip(1).Where(c => c.AtomCount == 1).Select(c => c.Name))})");
        }
        if (channels == 1)
            return requested.Select(p => (IReadOnlyList<ElementPair>)[p]).ToList();
        if (requested.Count != channels)
            InputError.In("--pair", $"the model has {channels} channels ({string.Join(", ", ensemble.Pairs)}): give exactly {channels} --pair options in that order, got {requested.Count}");
        return [requested];
    }

    private static NxapmSource NexusSource(MapSettings s)
    {
        var ranges = RangeLoading.Source(s.Recon, s.Ranges);
        return new NxapmSource(Path.GetFileName(s.Recon), Provenance.Sha256(s.Recon), Path.GetFileName(ranges), Provenance.Sha256(ranges),
            ProgramVersion: ProgramInfo.Version);
    }

    private static void WriteProvenance(Utf8JsonWriter w, MapSettings s, MapProfile profile, double readSeconds, double elapsed)
    {
        var ensemble = profile.Ensemble;
        w.WriteStartObject("parameters");
        w.WriteNumber("voxel_nm", s.Voxel);
        w.WriteNumber("stride_nm", s.Stride);
        w.WriteNumber("sphere_radius_nm", profile.SphereRadius * s.Voxel);
        w.WriteNumber("pair_radius_nm", ZSdm.DefaultPairRadius);
        w.WriteString("profile", profile.Profile);
        profile.WriteDecision(w);
        w.WriteNumber("extraction_radius_nm", IonExtraction.ReferenceRadius);
        w.WriteNumber("control_permutations", s.Control);
        w.WriteNumber("seed", s.Seed);
        w.WriteString("box", s.Box ?? "automatic");
        w.WriteString("preprocessing", profile.Stage == SdmStage.Preprocessed ? "min-max, Savitzky-Golay (15, 8, interp), background clipping (1000 passes max), min-max" : "min-max");
        w.WriteEndObject();
        w.WriteStartObject("provenance");
        w.WriteString("program", "mlapt " + ProgramInfo.Version);
        w.WriteString("reconstruction", s.Recon);
        w.WriteString("reconstruction_sha256", Provenance.Sha256(s.Recon));
        w.WriteString("ranges", RangeLoading.Source(s.Recon, s.Ranges));
        w.WriteString("ranges_sha256", Provenance.Sha256(RangeLoading.Source(s.Recon, s.Ranges)));
        w.WriteString("model", profile.Model);
        w.WriteString("model_id", profile.ModelId);
        w.WriteNumber("model_members", ensemble.Members.Count);
        w.WriteStartArray("model_classes");
        foreach (var c in ensemble.ClassNames) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("model_pairs");
        foreach (var p in ensemble.Pairs) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteStartObject("model_metadata");
        foreach (var (k, v) in ensemble.Metadata) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteNumber("read_seconds", Math.Round(readSeconds, 3));
        w.WriteNumber("elapsed_seconds", Math.Round(elapsed, 3));
        w.WriteString("created_utc", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteIndex(Utf8JsonWriter w, List<(IReadOnlyList<ElementPair> Pairs, CsroMap Map, string Dir)> results, MapSettings s)
    {
        w.WriteStartObject();
        w.WriteString("reconstruction", s.Recon);
        w.WriteStartArray("analyses");
        foreach (var (pairs, map, dir) in results)
        {
            w.WriteStartObject();
            w.WriteString("pairs", string.Join("+", pairs));
            w.WriteString("folder", Path.GetFileName(dir));
            w.WriteFiniteOrNull("csro_volume_fraction", map.VolumeFraction);
            w.WriteNumber("domains", map.Domains.Count);
            w.WriteNumber("dbscan_clusters", map.Dbscan.Clusters);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("program", "mlapt " + ProgramInfo.Version);
        w.WriteEndObject();
    }

    private static string Pct(double f) => double.IsFinite(f) ? (100 * f).ToString("F3", CultureInfo.InvariantCulture) + " %" : "–";
}
