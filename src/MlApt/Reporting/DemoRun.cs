using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Numerics;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Validation;

namespace MlApt.Reporting;

/// <summary>What the demo made.</summary>
/// <param name="Spec">The specimen's parameters.</param>
/// <param name="Specimen">The simulated specimen.</param>
/// <param name="Outcome">The map scored against the truth (with the domain-free twin).</param>
/// <param name="Analysis">The map and its random-label controls.</param>
/// <param name="Seconds">Wall time of the whole demo.</param>
/// <param name="Summary">The path of summary.json.</param>
/// <param name="Report">The path of report.md.</param>
internal sealed record DemoResult(SpecimenSpec Spec, SimulatedSpecimen Specimen, ValidationOutcome Outcome, CsroAnalysis Analysis, double Seconds,
    string Summary, string Report);

/// <summary>
/// The demo of the whole method on a specimen with known truth: simulates the specimen, maps it, runs the
/// random-label controls, validates the map against the truth (with the domain-free twin), and writes
/// <c>specimen.*</c>, <c>map/</c>, <c>validation/</c>, <c>summary.json</c> and <c>report.md</c> into one folder.
/// </summary>
internal static class DemoRun
{
    /// <summary>
    /// Runs the demo into <paramref name="dir"/>, written whole or not at all (an <see cref="OutputFolder"/> named
    /// <paramref name="dirSource"/> in messages); <paramref name="lap"/> hears each finished step and its seconds.
    /// </summary>
    public static DemoResult Run(string dir, SpecimenSpec spec, MapProfile profile, int controls, int seed, Action<string, double>? lap = null,
        CancellationToken cancellationToken = default, string dirSource = "dir", Crystal.PoleAlignmentOptions? align = null,
        ControlSampling? sampling = null)
    {
        sampling ??= new ControlSampling();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(profile);
        // Everything goes into a temporary sibling folder swapped into place at the end: an error or Ctrl-C leaves
        // the previous demo folder as it was. Paths recorded in the outputs are the final ones.
        using var folder = OutputFolder.Begin(dir, dirSource);
        var final = dir;
        dir = folder.Path;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var steps = new List<(string Step, double Seconds)>();
        void Lap(string step)
        {
            steps.Add((step, clock.Elapsed.TotalSeconds - steps.Sum(s => s.Seconds)));
            lap?.Invoke(step, steps[^1].Seconds);
        }

        var specimen = SimulatedSpecimen.Generate(spec);
        var (paths, _) = SpecimenFiles.Write(Path.Combine(dir, "specimen.pos"), specimen);
        var recon = Path.Combine(final, "specimen.pos");
        Lap("simulated the specimen");

        var table = RangeTable.Load(paths.Ranges);
        var species = table.Assign(specimen.Cloud);
        // The model's channels (the default model reads six pair z-SDMs), or the ordered element with itself for a one-channel model.
        var pairs = SpecimenValidation.Pairs([], profile.Ensemble, spec);
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        // Aligned (--align): the box is found in the aligned frame once the pole is known.
        var options = profile.MapOptions(align is null ? SpecimenValidation.AnalysisBox(spec) : null, 1.0, 0.5);
        var outcome = SpecimenValidation.Run(specimen.Cloud, table, spec, specimen.Domains, pairs, classify, options, true, null, cancellationToken, align);
        var map = outcome.Map;
        // The controls and the map's outputs use the ions in the map's frame (the same rotation, the same bits).
        var cloud = outcome.Alignment is { } alignment ? MapAlignment.Apply(specimen.Cloud, alignment) : specimen.Cloud;
        Lap("mapped and validated (with the domain-free twin)");

        var analysis = new CsroAnalysis(pairs, map,
            CsroAnalysis.MapControls(cloud, species, table, pairs, classify, options, map, controls, seed, null, cancellationToken, sampling));
        var control = analysis.Controls[0];
        var stats = analysis.Statistics!;
        Lap("random-label control");

        MapReport.Write(Path.Combine(dir, "map"), analysis, cloud, species, table, w =>
        {
            profile.WriteModel(w, pairs);
            w.WriteStartObject("parameters");
            w.WriteString("profile", profile.Profile);
            profile.WriteDecision(w);
            w.WriteEndObject();
            w.WriteStartObject("provenance");
            w.WriteString("program", Provenance.Program);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            w.WriteEndObject();
            if (outcome.Alignment is { } a)
                AlignmentReport.Write(w, "alignment", a);
        }, new MapReport.Options(Subject: profile.OrderName(pairs)));
        ValidationReport.Write(Path.Combine(dir, "validation"), outcome, spec, profile, recon, clock.Elapsed.TotalSeconds);
        Lap("wrote the map, the validation and the figures");

        var summary = Path.Combine(dir, "summary.json");
        AtomicFile.WriteText(summary, JsonText.Write(w => WriteSummary(w, spec, specimen, profile, outcome, control, stats, steps, clock.Elapsed.TotalSeconds)));
        var report = Path.Combine(dir, "report.md");
        AtomicFile.WriteText(report, Report(spec, specimen, profile, outcome, control, stats, clock.Elapsed.TotalSeconds));
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        return new DemoResult(spec, specimen, outcome, analysis, clock.Elapsed.TotalSeconds, Path.Combine(final, "summary.json"), Path.Combine(final, "report.md"));
    }

    private static void WriteSummary(Utf8JsonWriter w, SpecimenSpec spec, SimulatedSpecimen specimen, MapProfile profile, ValidationOutcome o,
        CsroMap control, ControlStatistics stats, IReadOnlyList<(string Step, double Seconds)> steps, double seconds)
    {
        w.WriteStartObject();
        w.WriteString("demo", $"simulated CoCrNi with {spec.Element} {spec.Structure} domains along [{Triple(spec.Orientation)}], mapped with the built-in model of that order, random-label control, validation against the truth");
        w.WriteStartObject("specimen");
        w.WriteString("file", "specimen.pos");
        w.WriteNumber("ions", specimen.Cloud.Count);
        w.WriteNumber("domains", specimen.Domains.Count);
        SpecimenJson.WriteDetector(w, spec);
        w.WriteNumber("order", spec.Order);
        w.WriteNumber("seed", spec.Seed);
        w.WriteEndObject();
        w.WriteStartObject("model");
        w.WriteString("name", profile.Model);
        w.WriteString("id", profile.ModelId);
        w.WriteString("order", profile.OrderName(o.Map.Pairs));
        w.WriteString("pole", profile.Order.Pole);
        w.WriteString("structure", profile.Order.Structure);
        w.WriteString("element", profile.Order.Element);
        profile.WriteDecision(w);
        w.WriteString("stage", profile.Stage == SdmStage.Preprocessed ? "preprocessed" : "normalized");
        w.WriteEndObject();
        if (o.Alignment is { } alignment)
            AlignmentReport.Write(w, "alignment", alignment);
        w.WriteStartObject("map");
        w.WriteFiniteOrNull("csro_volume_fraction", o.Map.VolumeFraction);
        w.WriteNumber("domains", o.Map.Domains.Count);
        w.WriteNumber("dbscan_clusters", o.Map.Dbscan.Clusters);
        w.WriteEndObject();
        w.WriteStartObject("control");
        w.WriteNumber("permutations", stats.ControlVolumeFractions.Length);
        w.WriteFiniteOrNull("csro_volume_fraction", stats.ControlVolumeFractions.Average());
        w.WriteFiniteOrNull("csro_volume_fraction_max", stats.ControlVolumeFractions.Max());
        w.WriteNumber("domains", stats.ControlDomainCounts[0]);
        w.WriteNumber("dbscan_clusters", stats.ControlClusterCounts[0]);
        w.WriteFiniteOrNull("standard_error_max", stats.StandardErrors.Max());
        w.WriteString("sample", control.Sample is null ? "full" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{control.Sample.Blocks} of {control.Sample.EligibleBlocks} blocks of {control.Sample.BlockSubVoxels}³ sub-voxels"));
        w.WriteFiniteOrNull("p_value", stats.PValue);
        w.WriteNumber("p_value_resolution", stats.PValueResolution);
        w.WriteEndObject();
        w.WriteStartObject("validation");
        ValidationReport.WriteRates(w, o.Score);
        w.WriteFiniteOrNull("null_false_positive_fraction", o.NullFalsePositiveFraction);
        w.WriteEndObject();
        w.WriteStartObject("seconds");
        foreach (var (step, s) in steps) w.WriteNumber(step, Math.Round(s, 2));
        w.WriteNumber("total", Math.Round(seconds, 2));
        w.WriteEndObject();
        w.WriteString("program", Provenance.Program);
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
        var structure = spec.Structure switch
        {
            DomainStructure.L12 => $"L1₂: {spec.Element} on the cube corners, every other (002) plane",
            DomainStructure.L11 => $"L1₁: {spec.Element} on every other (111) plane",
            _ => $"{Crystal.OrderType.PrettyStructure(spec.Structure.ToString())}",
        };
        L($"A simulated CoCrNi specimen ({spec.Size.X} × {spec.Size.Y} × {spec.Size.Z} nm, FCC a = {spec.A} nm, [{Triple(spec.Orientation)}] along z, {specimen.Cloud.Count:N0} ions) with {specimen.Domains.Count} {spec.Element} CSRO domains");
        L($"({structure}, radius {spec.RadiusMin}–{spec.RadiusMax} nm, order S = {spec.Order}), seen through the detector model");
        var cut = profile.DomainFraction > 0 ? string.Create(CultureInfo.InvariantCulture, $", each selected domain cut at {profile.DomainFraction:G4} × its mean score") : "";
        var filter = profile.MinDomainSubVoxels > 1 ? string.Create(CultureInfo.InvariantCulture, $", domains of fewer than {profile.MinDomainSubVoxels} sub-voxels dropped") : "";
        L($"(η = {spec.Efficiency}, σxy = {spec.SigmaXy} nm, σz = {spec.SigmaZ} nm), mapped with `{profile.Model}` ({profile.RuleName} rule, threshold {profile.Threshold:G4}{cut}{filter}).");
        L($"");
        L($"{profile.LookedForSentence(o.Map.Pairs, "run")}");
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
        L($"| Connected domains | {o.Map.Domains.Count} | {stats.ControlDomainCounts[0]} |");
        L($"| DBSCAN clusters | {o.Map.Dbscan.Clusters} | {stats.ControlClusterCounts[0]} |");
        L($"");
        L($"Empirical p-value of the real volume fraction against the controls: {stats.PValue:G3} = (1 + controls at least as high) / (1 + {stats.ControlVolumeFractions.Length}); {stats.DescribePValue()}; `--control N` for more.");
        if (control.Sample is { } sample)
        {
            L($"");
            L($"Each control was measured from a seeded random sample of {sample.Blocks} of the {sample.EligibleBlocks} blocks of {sample.BlockSubVoxels}³ sub-voxels (grown around every domain touching them, so the sampled blocks are exactly the full control map there); the largest standard error of a control's volume fraction is {P(stats.StandardErrors.Max())}, and a control counts as at least as high as the real map unless it lies more than {ControlStatistics.SamplingZ} standard errors below it (p from the estimates alone: {stats.PValueEstimates:G3}). `--control-sample full` maps every voxel.");
        }
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
        L($"(every metric and the precision–recall curve), `summary.json`. Made in {seconds:F1} s by mlapt {Provenance.Version}.");
        return sb.ToString();
    }

    private static string Triple((double H, double K, double L) v) =>
        string.Join(' ', new[] { v.H, v.K, v.L }.Select(x => x.ToString("G4", CultureInfo.InvariantCulture)));
}
