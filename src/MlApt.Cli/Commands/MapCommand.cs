using Spectre.Console.Cli;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Crystal;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using Spectre.Console;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt map</c>.</summary>
internal sealed class MapSettings : MapDecisionSettings
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

    /// <summary>How each control is measured.</summary>
    [CommandOption("--control-sample <F>")]
    [Description("How each --control map is measured: from a seeded random sample of this fraction of the analysable region's 4 nm blocks (grown around every domain touching them, so the sampled blocks match the full control map exactly; the volume fraction gets a standard error), or 'full' for every voxel. Slab maps (--slab) always map their controls in full.")]
    [DefaultValue("0.1")]
    public string ControlSample { get; init; } = "0.1";

    /// <summary>The parsed <see cref="ControlSample"/>.</summary>
    public ControlSampling ParsedControlSample => ControlSampling.TryParse(ControlSample) ?? ControlSampling.Full;

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

    /// <summary>A given alignment.</summary>
    [CommandOption("--alignment <FILE>")]
    [Description("Map in the frame of this alignment instead of searching one: the JSON mlapt align --json prints, or a summary.json or slab.json that holds an alignment. Gives every --slab process the same frame without each searching it. Its pole must be the model's.")]
    public string? Alignment { get; init; }

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
        if (ControlSampling.TryParse(ControlSample) is null)
            return ValidationResult.Error($"--control-sample '{ControlSample}': expected a fraction 0 < F ≤ 1 of the blocks, or 'full'");
        if (Align && Alignment is not null)
            return ValidationResult.Error("--align searches the pole and --alignment FILE gives it: use one of them");
        if (Slab is not null && ParsedSlab is null)
            return ValidationResult.Error($"--slab '{Slab}': expected K/N with 0 ≤ K < N, e.g. 0/4");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt map</c>: from a reconstruction and its range file to 3D CSRO maps, domains and a random-label
/// control (METHOD §3, §7–§9).
/// </summary>
internal sealed class MapCommand(CliIo io) : Command<MapSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, MapSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var total = Stopwatch.StartNew();
        Box? box = settings.Box is null ? null : BoxText.Parse(settings.Box);
        var table = RangeLoading.ForReconstruction(settings.Recon, settings.Ranges, settings.StrictRanges);
        RangeLoading.ReportOverlaps(io, table);
        var profile = settings.ResolveProfile();
        var plan = CsroAnalysis.Plan(profile.Ensemble, table, settings.Pairs);
        // Everything that can be checked without the ions is checked before they are read.
        var options = profile.MapOptions(box, settings.Voxel, settings.Stride) with { Slab = settings.ParsedSlab };
        var elements = CsroAnalysis.ElementCount(plan);
        var channels = profile.Ensemble.Architecture.Channels;
        if (box is { } given)
            MapBudget.Estimate(given, options.ScanOrDefault, 0, channels, elements).EnsureFits("--box", "give a smaller --box or a larger --stride", double.PositiveInfinity);
        // The folder is checked and locked before the work: a bad --out or a second run into it is told at once.
        IonFile.CheckReadable(settings.Recon);
        var givenAlignment = settings.Alignment is null ? null : ReadAlignment(settings.Alignment, profile);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");

        var readClock = Stopwatch.StartNew();
        var (cloud, species, alignment) = CsroAnalysis.ReadIons(settings.Recon, table, box, settings.AlignOptions(profile), givenAlignment);
        var readSeconds = readClock.Elapsed.TotalSeconds;
        // The whole run's memory (every analysis and control kept until the report), before the first map.
        var runBox = box ?? AnalysableRegion.BoundingBox(cloud.X, cloud.Y, cloud.Z);
        MapBudget.Estimate(runBox, options.ScanOrDefault, cloud.Count, channels, elements, plan.Count, settings.Control, options.SlabLayers)
            .EnsureFits(box is null ? $"{settings.Recon}: its ions span {BoxText.Format(runBox)} (no --box given)" : "--box",
                box is null ? "give --box around the specimen (a stray ion far away widens the automatic box), or a larger --stride"
                    : "give a smaller --box, a larger --stride or fewer --control maps, or run --slab K/N pieces");
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        var interactive = !settings.Json && !Console.IsErrorRedirected && ReferenceEquals(io.Error, Console.Error);
        var analyses = plan.Select(pairs => CsroAnalysis.Run(cloud, species, table, pairs, classify, options, settings.Control, settings.Seed,
            interactive ? Run : null, cancellationToken, settings.ParsedControlSample)).ToList();
        var request = new MapRequest(settings.Recon, RangeLoading.Source(settings.Recon, settings.Ranges), settings.StrictRanges, settings.Box, settings.Voxel, settings.Stride, settings.Control, settings.Seed)
        {
            Alignment = alignment,
            ControlSampling = settings.ParsedSlab is null ? settings.ParsedControlSample : ControlSampling.Full,
        };

        if (settings.ParsedSlab is { } slab)
        {
            foreach (var a in analyses)
                MapSlabs.Write(MapRun.FolderOf(folder.Path, a, analyses.Count), a, slab, request, profile, options);
            cancellationToken.ThrowIfCancellationRequested();
            folder.Commit();
            io.Error.WriteLine($"mlapt: slab {slab.Index}/{slab.Count} written to {settings.Out}; combine all slabs with mlapt merge");
            return MlAptApp.Ok;
        }

        // Outputs only after every map succeeded: a failure or Ctrl-C leaves nothing half-written.
        var nexus = settings.Nexus ? NxapmSource.Of(request.Reconstruction, request.Ranges) : null;
        // Into the temporary folder, swapped into place at the end: a failure or Ctrl-C leaves the previous folder as it was.
        var summary = MapRun.Write(folder.Path, analyses, cloud, species, table, request, profile, readSeconds, () => total.Elapsed.TotalSeconds,
            a => new MapReport.Options(IonsCsv: settings.IonsCsv, Nexus: nexus, Subject: profile.OrderName(a.Pairs)));
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        if (settings.Json)
        {
            // One analysis: its summary; several: the index beside their folders. Both are DIR/summary.json.
            io.Out.WriteLine(summary);
        }
        else
        {
            io.Heading($"CSRO map of {settings.Recon}");
            if (alignment is not null)
                io.Ansi.WriteLine(Markup.Escape(AlignmentReport.Describe(alignment, "summary.json")));
            var t = new Table().Border(TableBorder.Rounded);
            t.AddColumn(new TableColumn("Order looked for").NoWrap()).AddColumn(new TableColumn("Volume fraction").RightAligned()).AddColumn(new TableColumn("Domains").RightAligned())
                .AddColumn(new TableColumn("DBSCAN clusters").RightAligned()).AddColumn(new TableColumn("Control VF (mean)").RightAligned())
                .AddColumn(new TableColumn("p").RightAligned());
            foreach (var a in analyses)
            {
                var stats = a.Statistics;
                t.AddRow(Markup.Escape(profile.OrderName(a.Pairs)), Pct(a.Map.VolumeFraction), a.Map.Domains.Count.ToString(CultureInfo.InvariantCulture),
                    a.Map.Dbscan.Clusters.ToString(CultureInfo.InvariantCulture),
                    stats is null ? "–" : Pct(stats.ControlVolumeFractions.Average()),
                    stats is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{stats.PValue:G3} (1/{stats.ControlVolumeFractions.Length + 1})"));
            }
            io.Ansi.Write(t);
            if (analyses.Count > 0)
                io.Ansi.WriteLine(Markup.Escape(profile.LookedForSentence(analyses[0].Pairs)));
            if (analyses.Count > 0 && analyses[0].Statistics is { } first && first.ControlVolumeFractions.Length < ControlStatistics.PermutationsForFivePercent)
                io.Ansi.WriteLine(Markup.Escape(first.DescribePValue()) + ".");
            // Paths on their own unwrapped line: a table column would break them mid-word (stdout redirected is 120 wide).
            io.Heading(analyses.Count == 1 ? $"Written to {settings.Out}"
                : $"Written to {settings.Out}, one subfolder per analysis: {string.Join(", ", analyses.Select(a => Path.GetFileName(MapRun.FolderOf(settings.Out!, a, analyses.Count))))}");
            io.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {total.Elapsed.TotalSeconds:F1} s."));
        }
        return MlAptApp.Ok;
    }

    /// <summary>The alignment of --alignment FILE, refused when its pole is not the one the model was trained along.</summary>
    private static PoleAlignmentResult ReadAlignment(string path, MapProfile profile)
    {
        var alignment = AlignmentReport.ReadFile(path);
        var pole = MapAlignment.PoleOf(profile.Ensemble.Metadata);
        if (alignment.Pole != pole)
            InputError.In("--alignment", $"{path} puts ⟨{alignment.Pole}⟩ on z, but the model was trained along ⟨{pole}⟩");
        return alignment;
    }

    private static CsroMap Run(string label, Func<IProgress<CsroMapper.Progress>?, CsroMap> work)
    {
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

    private static string Pct(double f) => double.IsFinite(f) ? (100 * f).ToString("F3", CultureInfo.InvariantCulture) + " %" : "–";
}
