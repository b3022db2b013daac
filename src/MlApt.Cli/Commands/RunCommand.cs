using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Cli.Infrastructure;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using MlApt.Validation;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Specimens;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt run</c> (the demo).</summary>
public sealed class RunSettings : CommonSettings
{
    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for the specimen, the map, the validation and the report.")]
    [DefaultValue("mlapt-demo")]
    public string Out { get; init; } = "mlapt-demo";

    /// <summary>Random seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the specimen and of the control permutation (same seed, same results).")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Specimen size.</summary>
    [CommandOption("--size <X,Y,Z>")]
    [Description("Specimen size (nm).")]
    [DefaultValue("20,20,40")]
    public string Size { get; init; } = "20,20,40";

    /// <summary>Domains.</summary>
    [CommandOption("--domains <N>")]
    [Description("Ni–Ni CSRO (L1₂) domains in the specimen.")]
    [DefaultValue(30)]
    public int Domains { get; init; } = 30;

    /// <summary>Control permutations.</summary>
    [CommandOption("--control <N>")]
    [Description("Random-label controls (seeded permutations of the mass-to-charge values, each mapped identically).")]
    [DefaultValue(3)]
    public int Control { get; init; } = 3;

    /// <summary>Model.</summary>
    [CommandOption("-m|--model <M>")]
    [Description("Model to map with. Default: the embedded default model.")]
    public string? Model { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Control is < 1 or > 100)
            return ValidationResult.Error($"--control {Control}: expected 1 … 100 permutations");
        if (Domains is < 0 or > 100_000)
            return ValidationResult.Error($"--domains {Domains}: expected 0 … 100000");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt run</c>: the demo of the whole method on a specimen with known truth. Simulates a CoCrNi specimen
/// with Ni–Ni CSRO domains, maps it with the default model, runs the random-label control, validates the map
/// against the truth (with the domain-free twin), and writes summary.json, PNG figures and report.md.
/// </summary>
public sealed class RunCommand(CliIo io) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        var steps = new List<(string Step, double Seconds)>();
        void Lap(string step)
        {
            steps.Add((step, clock.Elapsed.TotalSeconds - steps.Sum(s => s.Seconds)));
            if (!Console.IsErrorRedirected || !ReferenceEquals(io.Error, Console.Error))
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mlapt: {step} ({steps[^1].Seconds:F1} s)"));
        }

        var spec = new SimulateSettings { Out = "x", Size = settings.Size, Domains = settings.Domains, Seed = settings.Seed }.ToSpec();
        var profile = MapProfile.Resolve("default", settings.Model, null, null);
        var specimen = SimulatedSpecimen.Generate(spec);
        var dir = settings.Out;
        var recon = Path.Combine(dir, "specimen.pos");
        var paths = SimulateCommand.Write(recon, specimen);
        Lap("simulated the specimen");

        var table = RangeTable.Load(paths.Ranges);
        var species = table.Assign(specimen.Cloud);
        // The model's channels (the default model reads six pair z-SDMs), or the ordered element with itself for a one-channel model.
        var pairs = ValidateCommand.Pairs([], profile, spec);
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        var options = profile.MapOptions(SpecimenValidation.AnalysisBox(spec), 1.0, 0.5);
        var outcome = SpecimenValidation.Run(specimen.Cloud, table, spec, specimen.Domains, pairs, classify, options, true, null, cancellationToken);
        var map = outcome.Map;
        Lap("mapped and validated (with the domain-free twin)");

        var controls = new List<CsroMap>();
        for (var c = 0; c < settings.Control; c++)
        {
            var permuted = LabelPermutation.PermuteSpecies(species, settings.Seed + c);
            controls.Add(CsroMapper.Map(specimen.Cloud, permuted, table, pairs, classify, CsroMapper.ControlOptions(options, map), null, cancellationToken));
        }
        var control = controls[0];
        var stats = ControlStatistics.Compare(map, controls);
        Lap("random-label control");

        var mapDir = Path.Combine(dir, "map");
        MapReport.Write(mapDir, map, specimen.Cloud, species, table, controls, w =>
        {
            w.WriteStartObject("parameters");
            w.WriteString("profile", profile.Profile);
            profile.WriteDecision(w);
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("program", "mlapt " + ProgramInfo.Version);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            w.WriteEndObject();
        }, new MapReport.Options(Subject: profile.OrderName(pairs)));
        var validationDir = Path.Combine(dir, "validation");
        ValidateCommand.Write(validationDir, outcome, spec, profile, recon, clock.Elapsed.TotalSeconds, specimen.Domains);
        Lap("wrote the map, the validation and the figures");

        var summary = Path.Combine(dir, "summary.json");
        JsonOutput.WriteFile(summary, w => WriteSummary(w, spec, specimen, profile, outcome, control, stats, steps, clock.Elapsed.TotalSeconds));
        AtomicFile.WriteText(Path.Combine(dir, "report.md"), Report(spec, specimen, profile, outcome, control, stats, clock.Elapsed.TotalSeconds));

        io.Heading("ML-APT demo: simulated CoCrNi with Ni–Ni CSRO domains");
        io.Ansi.Write(ValidateCommand.Table(outcome));
        io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Random-label control ({controls.Count} permutations): mean volume fraction {100 * stats.ControlVolumeFractions.Average():F3} % (real {100 * map.VolumeFraction:F3} %), {stats.DescribePValue()}. Done in {clock.Elapsed.TotalSeconds:F1} s.")));
        io.Ansi.MarkupLine(Markup.Escape($"Report: {Path.Combine(dir, "report.md")}, summary: {summary}"));
        return MlAptApp.Ok;
    }

    private static void WriteSummary(Utf8JsonWriter w, SpecimenSpec spec, SimulatedSpecimen specimen, MapProfile profile, ValidationOutcome o,
        CsroMap control, ControlStatistics stats, List<(string Step, double Seconds)> steps, double seconds)
    {
        w.WriteStartObject();
        w.WriteString("demo", "simulated CoCrNi with Ni-Ni CSRO (L12) domains, mapped with the default model, random-label control, validation against the truth");
        w.WriteStartObject("specimen");
        w.WriteString("file", "specimen.pos");
        w.WriteNumber("ions", specimen.Cloud.Count);
        w.WriteNumber("domains", specimen.Domains.Count);
        w.WriteNumber("eta", spec.Efficiency);
        w.WriteNumber("sigma_xy_nm", spec.SigmaXy);
        w.WriteNumber("sigma_z_nm", spec.SigmaZ);
        w.WriteNumber("order", spec.Order);
        w.WriteNumber("seed", spec.Seed);
        w.WriteEndObject();
        w.WriteStartObject("model");
        w.WriteString("name", profile.Model);
        w.WriteString("id", profile.ModelId);
        profile.WriteDecision(w);
        w.WriteString("stage", profile.Stage == SdmStage.Preprocessed ? "preprocessed" : "normalized");
        w.WriteEndObject();
        w.WriteStartObject("map");
        w.Number("csro_volume_fraction", o.Map.VolumeFraction);
        w.WriteNumber("domains", o.Map.Domains.Count);
        w.WriteNumber("dbscan_clusters", o.Map.Dbscan.Clusters);
        w.WriteEndObject();
        w.WriteStartObject("control");
        w.WriteNumber("permutations", stats.ControlVolumeFractions.Length);
        w.Number("csro_volume_fraction", stats.ControlVolumeFractions.Average());
        w.Number("csro_volume_fraction_max", stats.ControlVolumeFractions.Max());
        w.WriteNumber("domains", control.Domains.Count);
        w.WriteNumber("dbscan_clusters", control.Dbscan.Clusters);
        w.Number("p_value", stats.PValue);
        w.Number("p_value_resolution", stats.PValueResolution);
        w.WriteEndObject();
        w.WriteStartObject("validation");
        w.Number("precision", o.Score.Precision);
        w.Number("recall", o.Score.Recall);
        w.Number("f1", o.Score.F1);
        w.Number("iou", o.Score.IoU);
        w.Number("true_volume_fraction", o.Score.TrueVolumeFraction);
        w.Number("detected_volume_fraction", o.Score.DetectedVolumeFraction);
        w.Number("null_false_positive_fraction", o.NullFalsePositiveFraction);
        w.WriteEndObject();
        w.WriteStartObject("seconds");
        foreach (var (step, s) in steps) w.WriteNumber(step, Math.Round(s, 2));
        w.WriteNumber("total", Math.Round(seconds, 2));
        w.WriteEndObject();
        w.WriteString("program", "mlapt " + ProgramInfo.Version);
        w.WriteEndObject();
    }

    private static string Report(SpecimenSpec spec, SimulatedSpecimen specimen, MapProfile profile, ValidationOutcome o, CsroMap control,
        ControlStatistics stats, double seconds)
    {
        static string P(double v) => double.IsFinite(v) ? (100 * v).ToString("F3", CultureInfo.InvariantCulture) + " %" : "–";
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        var sb = new StringBuilder();
        void L(FormattableString s) => sb.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        L($"# ML-APT demo");
        L($"");
        L($"A simulated CoCrNi specimen ({spec.Size.X} × {spec.Size.Y} × {spec.Size.Z} nm, FCC a = {spec.A} nm, {specimen.Cloud.Count:N0} ions) with {specimen.Domains.Count} Ni–Ni CSRO domains");
        L($"(L1₂: Ni on the cube corners, radius {spec.RadiusMin}–{spec.RadiusMax} nm, order S = {spec.Order}), seen through the detector model");
        var cut = profile.DomainFraction > 0 ? string.Create(CultureInfo.InvariantCulture, $", each selected domain cut at {profile.DomainFraction:G4} × its mean score") : "";
        var filter = profile.MinDomainSubVoxels > 1 ? string.Create(CultureInfo.InvariantCulture, $", domains of fewer than {profile.MinDomainSubVoxels} sub-voxels dropped") : "";
        L($"(η = {spec.Efficiency}, σxy = {spec.SigmaXy} nm, σz = {spec.SigmaZ} nm), mapped with `{profile.Model}` ({profile.RuleName} rule, threshold {profile.Threshold:G4}{cut}{filter}).");
        L($"");
        L($"## Map versus truth (sub-voxels of {o.Map.SubGrid.Spacing} nm)");
        L($"");
        L($"| Metric | Value |");
        L($"|---|---:|");
        L($"| Precision | {F(o.Score.Precision)} |");
        L($"| Recall | {F(o.Score.Recall)} |");
        L($"| F1 | {F(o.Score.F1)} |");
        L($"| IoU | {F(o.Score.IoU)} |");
        L($"| True CSRO volume fraction | {P(o.Score.TrueVolumeFraction)} |");
        L($"| Detected CSRO volume fraction | {P(o.Score.DetectedVolumeFraction)} |");
        L($"| False-positive volume fraction on the domain-free twin | {P(o.NullFalsePositiveFraction)} |");
        L($"");
        L($"## Random-label control");
        L($"");
        L($"| | Real | Control (permuted mass-to-charge; the first of {stats.ControlVolumeFractions.Length}) |");
        L($"|---|---:|---:|");
        L($"| CSRO volume fraction | {P(o.Map.VolumeFraction)} | {P(control.VolumeFraction)} (mean of all: {P(stats.ControlVolumeFractions.Average())}) |");
        L($"| Connected domains | {o.Map.Domains.Count} | {control.Domains.Count} |");
        L($"| DBSCAN clusters | {o.Map.Dbscan.Clusters} | {control.Dbscan.Clusters} |");
        L($"");
        L($"Empirical p-value of the real volume fraction against the controls: {stats.PValue:G3} = (1 + controls at least as high) / (1 + {stats.ControlVolumeFractions.Length}); {stats.DescribePValue()}; `--control N` for more.");
        L($"");
        L($"## Figures");
        L($"");
        L($"![Precision–recall curve](validation/pr_curve.png)");
        L($"");
        L($"![P(CSRO), x–z slice, true domains outlined](validation/map_slice_xz.png)");
        L($"");
        L($"![Maximum projection, true domains outlined](validation/map_projection_max_xz.png)");
        L($"");
        L($"![Real versus random-label controls](map/real_vs_control.png)");
        L($"");
        L($"![DBSCAN cluster sizes](map/domain_sizes.png)");
        L($"");
        L($"Files: `specimen.pos`, `specimen.truth.json`, `specimen.rrng` (the specimen), `map/` (the full map outputs and control), `validation/validation.json`");
        L($"(every metric and the precision–recall curve), `summary.json`. Made in {seconds:F1} s by mlapt {ProgramInfo.Version}.");
        return sb.ToString();
    }
}
