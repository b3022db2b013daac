using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Validation;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Specimens;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt validate</c>.</summary>
public sealed class ValidateSettings : MapDecisionSettings
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
        if ((Sweep is null) == string.IsNullOrWhiteSpace(Recon))
            return ValidationResult.Error("validate: give a simulated reconstruction or --sweep N, not both");
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
public sealed class ValidateCommand(CliIo io) : Command<ValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        if (settings.Sweep is { } sweep)
            return RunSweep(settings, sweep, cancellationToken);
        var recon = settings.Recon!;
        var paths = SimulateCommand.PathsFor(recon);
        var (spec, domains) = SpecimenTruth.Load(settings.Truth ?? paths.Truth);
        var table = RangeLoading.Load(settings.Ranges ?? paths.Ranges, false);
        var profile = MapProfile.Resolve(settings.Profile, settings.Model, settings.Rule, settings.Threshold, settings.MinDomain, settings.DomainFraction);
        var pairs = Pairs(settings.Pairs, profile, spec);
        var box = settings.Box is null ? SpecimenValidation.AnalysisBox(spec) : BoxOption.Parse(settings.Box, "--box");
        var cloud = IonFile.Read(recon);
        var options = profile.MapOptions(box, settings.Voxel, settings.Stride);
        var outcome = SpecimenValidation.Run(cloud, table, spec, domains, pairs, EnsembleClassifier.Create(profile.Ensemble), options,
            settings.Null, null, cancellationToken);
        Write(settings.Out!, outcome, spec, profile, recon, clock.Elapsed.TotalSeconds, domains);
        if (settings.Json)
            io.Out.WriteLine(File.ReadAllText(Path.Combine(settings.Out!, "validation.json")));
        else
        {
            io.Heading($"Validation of {recon} ({profile.Profile} profile)");
            io.Ansi.Write(Table(outcome));
        }
        return MlAptApp.Ok;
    }

    private int RunSweep(ValidateSettings settings, int count, CancellationToken cancellationToken)
    {
        var profile = MapProfile.Resolve(settings.Profile, settings.Model, settings.Rule, settings.Threshold, settings.MinDomain, settings.DomainFraction);
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        var rows = new List<(SpecimenSpec Spec, ValidationOutcome Outcome)>();
        for (var i = 0; i < count; i++)
        {
            var spec = ValidationSweep.Specimen(settings.SweepStart + i);
            var specimen = SimulatedSpecimen.Generate(spec);
            var table = RangeTable.Parse(SpecimenRanges.Rrng(spec.Composition.Select(c => c.Element).ToList(), spec.Charge), "specimen.rrng");
            var pairs = Pairs(settings.Pairs, profile, spec);
            var options = profile.MapOptions(SpecimenValidation.AnalysisBox(spec), settings.Voxel, settings.Stride);
            var o = SpecimenValidation.Run(specimen.Cloud, table, spec, specimen.Domains, pairs, classify, options, true, null, cancellationToken);
            rows.Add((spec, o));
            if (!settings.Json)
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"mlapt: specimen {i + 1}/{count} (η {spec.Efficiency}, σxy {spec.SigmaXy}, σz {spec.SigmaZ}, S {spec.Order}): F1 {o.Score.F1:F3}, volume ratio {o.Score.VolumeRatio:F2}, null FP {100 * o.NullFalsePositiveFraction:F3} %"));
        }
        Directory.CreateDirectory(settings.Out!);
        var path = Path.Combine(settings.Out!, "sweep.json");
        JsonOutput.WriteFile(path, w =>
        {
            w.WriteStartObject();
            w.WriteString("profile", profile.Profile);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            profile.WriteDecision(w);
            w.WriteStartObject("mean");
            w.Number("precision", rows.Average(r => r.Outcome.Score.Precision));
            w.Number("recall", rows.Average(r => r.Outcome.Score.Recall));
            w.Number("f1", rows.Average(r => r.Outcome.Score.F1));
            w.Number("iou", rows.Average(r => r.Outcome.Score.IoU));
            w.Number("volume_ratio", rows.Average(r => r.Outcome.Score.VolumeRatio));
            w.Number("null_false_positive_fraction", rows.Average(r => r.Outcome.NullFalsePositiveFraction));
            w.WriteEndObject();
            w.WriteStartObject("worst");
            w.Number("f1", rows.Min(r => r.Outcome.Score.F1));
            w.Number("volume_ratio_min", rows.Min(r => r.Outcome.Score.VolumeRatio));
            w.Number("volume_ratio_max", rows.Max(r => r.Outcome.Score.VolumeRatio));
            w.Number("null_false_positive_fraction", rows.Max(r => r.Outcome.NullFalsePositiveFraction));
            w.WriteEndObject();
            w.WriteStartArray("specimens");
            foreach (var (spec, o) in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("seed", spec.Seed);
                w.WriteNumber("eta", spec.Efficiency);
                w.WriteNumber("sigma_xy_nm", spec.SigmaXy);
                w.WriteNumber("sigma_z_nm", spec.SigmaZ);
                w.WriteNumber("order", spec.Order);
                w.Number("precision", o.Score.Precision);
                w.Number("recall", o.Score.Recall);
                w.Number("f1", o.Score.F1);
                w.Number("iou", o.Score.IoU);
                w.Number("true_volume_fraction", o.Score.TrueVolumeFraction);
                w.Number("detected_volume_fraction", o.Score.DetectedVolumeFraction);
                w.Number("volume_ratio", o.Score.VolumeRatio);
                w.Number("null_false_positive_fraction", o.NullFalsePositiveFraction);
                w.WriteNumber("best_f1_threshold", o.Best.Threshold);
                w.Number("best_f1", o.Best.Score.F1);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("program", "mlapt " + ProgramInfo.Version);
            w.WriteEndObject();
        });
        if (settings.Json)
        {
            io.Out.WriteLine(File.ReadAllText(path));
            return MlAptApp.Ok;
        }
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        io.Heading($"Validation sweep, {profile.Profile} profile ({profile.Model}, {profile.RuleName} > {profile.Threshold.ToString("G4", CultureInfo.InvariantCulture)})");
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

    /// <summary>The channel pairs: given, else E-E of the truth for a one-channel model, else the model's.</summary>
    internal static IReadOnlyList<ElementPair> Pairs(string[] given, MapProfile profile, SpecimenSpec spec)
    {
        if (given.Length > 0) return given.Select(p => ElementPair.Parse(p)).ToList();
        if (profile.Ensemble.Architecture.Channels == 1) return [new ElementPair(spec.Element, spec.Element)];
        return profile.Ensemble.Pairs.Select(p => ElementPair.Parse(p, "model pairs")).ToList();
    }

    /// <summary>Writes validation.json, pr_curve.png and the map slices into <paramref name="dir"/>.</summary>
    internal static void Write(string dir, ValidationOutcome o, SpecimenSpec spec, MapProfile profile, string recon, double seconds,
        IReadOnlyList<SphericalDomain> trueDomains)
    {
        Directory.CreateDirectory(dir);
        var subject = profile.OrderName(o.Map.Pairs);
        ValidationPlots.SavePrecisionRecall(dir, "pr_curve.png", o.Curve, o.Score, o.Map.Threshold,
            $"{subject}\nsub-voxel precision–recall, {profile.Profile} profile");
        MapPlots.SaveSlices(dir, o.Map, "map_", subject, trueDomains);
        JsonOutput.WriteFile(Path.Combine(dir, "validation.json"), w => WriteJson(w, o, spec, profile, recon, seconds));
    }

    /// <summary>The validation as one JSON object.</summary>
    internal static void WriteJson(Utf8JsonWriter w, ValidationOutcome o, SpecimenSpec spec, MapProfile profile, string recon, double seconds)
    {
        w.WriteStartObject();
        w.WriteString("reconstruction", recon);
        w.WriteString("profile", profile.Profile);
        w.WriteString("model", profile.Model);
        w.WriteString("model_id", profile.ModelId);
        w.WriteString("pairs", string.Join("+", o.Map.Pairs));
        profile.WriteDecision(w);
        BoxOption.Write(w, "box", o.Map.Box);
        w.WriteStartObject("specimen");
        w.WriteNumber("eta", spec.Efficiency);
        w.WriteNumber("sigma_xy_nm", spec.SigmaXy);
        w.WriteNumber("sigma_z_nm", spec.SigmaZ);
        w.WriteNumber("order", spec.Order);
        w.WriteNumber("radius_min_nm", spec.RadiusMin);
        w.WriteNumber("radius_max_nm", spec.RadiusMax);
        w.WriteNumber("domains", spec.Domains);
        w.WriteNumber("seed", spec.Seed);
        w.WriteEndObject();
        WriteScore(w, "score", o.Score);
        w.WriteStartObject("best_f1_threshold");
        w.WriteNumber("threshold", o.Best.Threshold);
        WriteScore(w, "score", o.Best.Score);
        w.WriteEndObject();
        if (o.NullMap is not null)
        {
            w.WriteStartObject("null_twin");
            w.Number("false_positive_volume_fraction", o.NullFalsePositiveFraction);
            w.WriteNumber("selected_subvoxels", o.NullMap.SelectedSubVoxels);
            w.WriteNumber("defined_subvoxels", o.NullMap.DefinedSubVoxels);
            w.WriteEndObject();
        }
        w.WriteStartArray("pr_curve");
        foreach (var p in o.Curve)
        {
            w.WriteStartObject();
            w.WriteNumber("threshold", p.Threshold);
            w.Number("precision", p.Score.Precision);
            w.Number("recall", p.Score.Recall);
            w.Number("f1", p.Score.F1);
            w.Number("detected_volume_fraction", p.Score.DetectedVolumeFraction);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("elapsed_seconds", Math.Round(seconds, 3));
        w.WriteString("program", "mlapt " + ProgramInfo.Version);
        w.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter w, string name, MapScore s)
    {
        w.WriteStartObject(name);
        w.Number("precision", s.Precision);
        w.Number("recall", s.Recall);
        w.Number("f1", s.F1);
        w.Number("iou", s.IoU);
        w.Number("true_volume_fraction", s.TrueVolumeFraction);
        w.Number("detected_volume_fraction", s.DetectedVolumeFraction);
        w.Number("volume_ratio", s.VolumeRatio);
        w.Number("false_positive_fraction", s.FalsePositiveFraction);
        w.WriteNumber("true_positives", s.TruePositives);
        w.WriteNumber("false_positives", s.FalsePositives);
        w.WriteNumber("false_negatives", s.FalseNegatives);
        w.WriteNumber("true_negatives", s.TrueNegatives);
        w.WriteEndObject();
    }

    /// <summary>The short table printed after a validation.</summary>
    internal static Table Table(ValidationOutcome o)
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        static string P(double v) => double.IsFinite(v) ? (100 * v).ToString("F2", CultureInfo.InvariantCulture) + " %" : "–";
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        t.AddRow("Precision", F(o.Score.Precision));
        t.AddRow("Recall", F(o.Score.Recall));
        t.AddRow("F1", F(o.Score.F1));
        t.AddRow("IoU", F(o.Score.IoU));
        t.AddRow("True volume fraction", P(o.Score.TrueVolumeFraction));
        t.AddRow("Detected volume fraction", P(o.Score.DetectedVolumeFraction));
        t.AddRow("False-positive fraction", P(o.Score.FalsePositiveFraction));
        if (o.NullMap is not null) t.AddRow("Null twin false-positive fraction", P(o.NullFalsePositiveFraction));
        t.AddRow(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Best F1 (threshold {o.Best.Threshold:G4})")), F(o.Best.Score.F1));
        return t;
    }
}
