using MlApt.Geometry;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Validation;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Specimens;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt validate</c>.</summary>
internal sealed class ValidateSettings : MapDecisionSettings
{
    /// <summary>The simulated reconstruction.</summary>
    [CommandArgument(0, "[recon]")]
    [Description("A simulated reconstruction (from 'mlapt simulate'). Not with --sweep.")]
    public string? Recon { get; init; }

    /// <summary>Benchmark sweep.</summary>
    [CommandOption("--sweep <N>")]
    [Description("Benchmark: simulate N validation specimens across η 0.35–0.6, σxy 0.3–0.5, σz 0.03–0.04, order 0.8–1.0, radii 1.0–1.8 nm (seeds 1000…), validate each (with its null twin) and write sweep.json with the means.")]
    public int? Sweep { get; init; }

    /// <summary>First sweep specimen.</summary>
    [CommandOption("--sweep-start <K>")]
    [Description("With --sweep: start at validation specimen K (e.g. tune on 100… and report on 0…).")]
    [DefaultValue(0)]
    public int SweepStart { get; init; }

    /// <summary>Detection envelope.</summary>
    [CommandOption("--envelope")]
    [Description("Detection envelope: simulate specimens over domain radius × order S, η × σxy, and along σz, residual tilt, z-scale error and composition (one seed each), map each and its domain-free twin, and write envelope.json and figures (F1 and detected/true volume). Not with a reconstruction or --sweep.")]
    public bool Envelope { get; init; }

    /// <summary>Envelope grid.</summary>
    [CommandOption("--envelope-grid <G>")]
    [Description("default (53 specimens of 20 × 20 × 40 nm), quick (30 of 16 × 16 × 30 nm) or tiny (10 of 8 × 8 × 10 nm: checks that it runs).")]
    [DefaultValue("default")]
    public string EnvelopeGrid { get; init; } = "default";

    /// <summary>Truth file.</summary>
    [CommandOption("-t|--truth <T>")]
    [Description("Truth file (default: S.truth.json next to S.pos).")]
    public string? Truth { get; init; }

    /// <summary>Range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (default: S.rrng next to S.pos).")]
    public string? Ranges { get; init; }

    /// <summary>Pairs.</summary>
    [CommandOption("-p|--pair <A-B>")]
    [Description("Channel pair(s) in the model's order. Default: the truth's ordered element with itself (e.g. Ni-Ni) for a one-channel model, else the model's pairs.")]
    public string[] Pairs { get; init; } = [];

    /// <summary>Box.</summary>
    [CommandOption("--box <BOX>")]
    [Description("Analysis box xmin,xmax,ymin,ymax,zmin,zmax (nm). Default: the specimen moved in by 1 nm on every face.")]
    public string? Box { get; init; }

    /// <summary>Null twin.</summary>
    [CommandOption("--null")]
    [Description("Also map the domain-free twin (same seed, same matrix) and report its false-positive volume fraction.")]
    public bool Null { get; init; }

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: validation.json, pr_curve.png, map slices. Required.")]
    public string? Out { get; init; }

    /// <summary>JSON.</summary>
    [CommandOption("--json")]
    [Description("Print validation.json on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        if ((Sweep is null ? 0 : 1) + (Envelope ? 1 : 0) + (string.IsNullOrWhiteSpace(Recon) ? 0 : 1) != 1)
            return ValidationResult.Error("validate: give one of a simulated reconstruction, --sweep N or --envelope");
        if (EnvelopeGrid is not ("default" or "quick" or "tiny"))
            return ValidationResult.Error($"--envelope-grid '{EnvelopeGrid}': expected default, quick or tiny");
        if (Envelope && (Truth is not null || Ranges is not null || Box is not null))
            return ValidationResult.Error("--envelope simulates its own specimens: --truth, --ranges and --box do not apply");
        if (SweepStart is < 0 or > 100_000)
            return ValidationResult.Error($"--sweep-start {SweepStart}: expected 0 … 100000");
        if (Sweep is { } n && n is < 1 or > 1000)
            return ValidationResult.Error($"--sweep {n}: expected 1 … 1000 specimens");
        if (Sweep is not null && (Truth is not null || Ranges is not null || Box is not null))
            return ValidationResult.Error("--sweep simulates its own specimens: --truth, --ranges and --box do not apply");
        return base.Validate();
    }
}

/// <summary><c>mlapt validate</c>: maps a simulated specimen and scores the map against its truth (METHOD §10).</summary>
internal sealed partial class ValidateCommand(CliIo io) : Command<ValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        if (settings.Sweep is { } sweep)
            return RunSweep(settings, sweep, cancellationToken);
        if (settings.Envelope)
            return RunEnvelope(settings, cancellationToken);
        var recon = settings.Recon!;
        var paths = SpecimenFiles.For(recon);
        var (spec, domains) = SpecimenTruth.Load(settings.Truth ?? paths.Truth);
        var table = RangeLoading.Load(settings.Ranges ?? paths.Ranges, false);
        var profile = settings.ResolveProfile();
        var pairs = SpecimenValidation.Pairs(settings.Pairs, profile.Ensemble, spec);
        var align = settings.AlignOptions(profile);
        // Aligned without --box: the truth's analysis box as the largest box of the aligned frame inside it, once the pole is known.
        Box? given = settings.Box is null ? null : BoxText.Parse(settings.Box);
        var box = given ?? SpecimenValidation.AnalysisBox(spec);
        var options = profile.MapOptions(align is not null && given is null ? null : box, settings.Voxel, settings.Stride);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var cloud = IonFile.Read(recon);
        if (cloud.Count == 0)
            InputError.In(recon, "no ions: nothing to validate");
        MapBudget.Estimate(box, options.ScanOrDefault, cloud.Count, pairs.Count, pairs.SelectMany(p => new[] { p.Centre, p.Neighbour }).Distinct().Count(),
            controls: settings.Null ? 1 : 0).EnsureFits(settings.Box is null ? $"{recon}: the truth's analysis box" : "--box", "give a smaller --box or a larger --stride");
        var outcome = SpecimenValidation.Run(cloud, table, spec, domains, pairs, EnsembleClassifier.Create(profile.Ensemble), options,
            settings.Null, null, cancellationToken, align);
        var json = ValidationReport.Write(folder.Path, outcome, spec, profile, recon, clock.Elapsed.TotalSeconds);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        if (settings.Json)
            io.Out.WriteLine(json);
        else
        {
            io.Heading($"Validation of {recon} ({profile.Profile} profile)");
            io.Ansi.MarkupLine(Markup.Escape(profile.LookedForSentence(outcome.Map.Pairs, "validate")));
            if (outcome.Alignment is { } alignment)
                io.Ansi.WriteLine(Markup.Escape(AlignmentReport.Describe(alignment, "validation.json")));
            io.Ansi.Write(ValidationTable.Of(outcome));
        }
        return MlAptApp.Ok;
    }

    private int RunSweep(ValidateSettings settings, int count, CancellationToken cancellationToken)
    {
        var profile = settings.ResolveProfile();
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        profile.CheckDecision(settings.Voxel, settings.Stride);
        var order = SweepOrder(settings, profile);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var rows = ValidationSweep.Run(settings.SweepStart, count, spec => SpecimenValidation.Pairs(settings.Pairs, profile.Ensemble, spec), classify,
            box => profile.MapOptions(box, settings.Voxel, settings.Stride), (spec, o, n) =>
            {
                if (!settings.Json)
                    io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"mlapt: specimen {n}/{count} (η {spec.Efficiency}, σxy {spec.SigmaXy}, σz {spec.SigmaZ}, S {spec.Order}, pole {ValidationSweep.PoleTiltDegrees(spec, order):F2}° off z): F1 {o.Score.F1:F3}, volume ratio {o.Score.VolumeRatio:F2}, null FP {100 * o.NullFalsePositiveFraction:F3} %"));
            }, cancellationToken, settings.AlignOptions(profile), order);
        var json = ValidationReport.WriteSweep(folder.Path, profile, rows, order);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        if (settings.Json)
        {
            io.Out.WriteLine(json);
            return MlAptApp.Ok;
        }
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        io.Heading($"Validation sweep, {order.Describe()} specimens, {profile.Profile} profile ({profile.Model}, {profile.RuleName} > {profile.Threshold.ToString("G4", CultureInfo.InvariantCulture)})");
        io.Ansi.MarkupLine(Markup.Escape(profile.LookedForSentence(rows[0].Outcome.Map.Pairs, "validate")));
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("seed").AddColumn("η").AddColumn("σxy").AddColumn("σz").AddColumn("S").AddColumn("precision").AddColumn("recall").AddColumn("F1")
            .AddColumn("IoU").AddColumn("VF detected/true").AddColumn("null FP %");
        foreach (var (spec, o) in rows)
            t.AddRow(Inv(spec.Seed), Inv(spec.Efficiency), Inv(spec.SigmaXy), Inv(spec.SigmaZ), Inv(spec.Order), F(o.Score.Precision), F(o.Score.Recall), F(o.Score.F1),
                F(o.Score.IoU), F(o.Score.VolumeRatio), F(100 * o.NullFalsePositiveFraction));
        t.AddRow("mean", "", "", "", "", F(rows.Average(r => r.Outcome.Score.Precision)), F(rows.Average(r => r.Outcome.Score.Recall)),
            F(rows.Average(r => r.Outcome.Score.F1)), F(rows.Average(r => r.Outcome.Score.IoU)), F(rows.Average(r => r.Outcome.Score.VolumeRatio)),
            F(100 * rows.Average(r => r.Outcome.NullFalsePositiveFraction)));
        io.Ansi.Write(t);
        return MlAptApp.Ok;
    }

    private static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The order type of the simulated specimens of a sweep or envelope: --pole's, else the model's when it is a
    /// built-in order type, else L1₂-type Ni along ⟨001⟩.
    /// </summary>
    internal static Crystal.OrderType SweepOrder(ValidateSettings settings, MapProfile profile) =>
        settings.PoleOrder ?? (profile.Order.AsOrderType() is { } o && Crystal.OrderType.BuiltIn.Contains(o) ? o : Crystal.OrderType.L12Along001);
}
