using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Numerics;
using MlApt.Validation;
using ScottPlot;

namespace MlApt.Reporting;

/// <summary>
/// What <c>mlapt build-model</c> reports: the JSON summary (recipe, bank, training, decision, validation table,
/// times) and the report folder (validation table as JSON, CSV and Markdown, the tuning grid, figures).
/// </summary>
public static class ModelBuildReport
{
    /// <summary>Targets the validation figure marks: F1 at least this.</summary>
    public const double F1Target = 0.8;
    /// <summary>Detected / true volume within ± this.</summary>
    public const double VolumeTolerance = 0.25;
    /// <summary>Domain-free twins at most this false-positive volume fraction (%).</summary>
    public const double NullPercentTarget = 0.1;

    /// <summary>The summary as indented JSON text.</summary>
    public static string Json(ModelBuildResult result, string modelPath, string modelId, IReadOnlyList<string> figures) =>
        JsonText.Write(w => WriteJson(w, result, modelPath, modelId, figures));

    /// <summary>The summary as one JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter w, ModelBuildResult result, string modelPath, string modelId, IReadOnlyList<string> figures)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(figures);
        w.WriteStartObject();
        w.WriteString("model", modelPath);
        w.WriteString("model_id", modelId);
        w.WriteString("program", Provenance.Program);
        w.WriteString("alloy", result.Recipe.Alloy.Describe());
        w.WritePropertyName("recipe");
        ModelBuild.WriteRecipe(w, result.Recipe);
        w.WriteStartObject("bank");
        w.WriteNumber("csro_samples", result.BankSamples.Csro);
        w.WriteNumber("matrix_samples", result.BankSamples.Matrix);
        w.WriteEndObject();
        w.WriteStartObject("training");
        w.WriteNumber("samples", result.Training.Samples);
        w.WriteNumber("test_samples", result.Training.TestSamples);
        w.WriteFiniteOrNull("test_accuracy", result.Training.Test.Accuracy);
        w.WriteEndObject();
        w.WriteStartObject("decision");
        w.WriteString("rule", "mean");
        w.WriteNumber("threshold", result.Decision.Threshold);
        w.WriteNumber("domain_fraction", result.Decision.DomainFraction);
        w.WriteNumber("min_domain_subvoxels", result.Decision.MinDomain);
        w.WriteString("source", result.Tuning.Count == 0 ? "given" : string.Create(CultureInfo.InvariantCulture,
            $"tuned on {result.Recipe.TuningSpecimens} specimens (seeds {ModelBuild.TuningSeedBase}-{ModelBuild.TuningSeedBase + result.Recipe.TuningSpecimens - 1})"));
        w.WriteEndObject();
        if (result.Validation.Count > 0)
        {
            w.WritePropertyName("validation");
            ModelBuild.WriteValidation(w, result.Validation);
        }
        else
        {
            w.WriteNull("validation");
        }
        w.WriteStartObject("seconds");
        foreach (var (k, v) in result.Seconds) w.WriteNumber(k, Math.Round(v, 1));
        w.WriteEndObject();
        w.WriteStartArray("figures");
        foreach (var f in figures) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the report into <paramref name="dir"/> (an existing folder): <c>build.json</c> (the summary),
    /// <c>validation.csv</c>, <c>tuning.csv</c>, <c>report.md</c> and the figures (<c>validation.png</c>, the first
    /// validation specimen's map slices with its true domains, the training curves); returns the figure names.
    /// </summary>
    public static IReadOnlyList<string> Write(string dir, ModelBuildResult result, string modelPath, string modelId)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<string>();
        var subject = result.Recipe.Alloy.Order.Describe();
        if (result.Validation.Count > 0)
        {
            var (plot, width, height) = ValidationFigure(result);
            SdmPlots.Save(plot, Path.Combine(dir, "validation.png"), width, height);
            figures.Add("validation.png");
        }
        if (result.Example is { } example)
            figures.AddRange(MapPlots.SaveSlices(dir, example.Map, "example-", subject, example.TrueDomains));
        figures.AddRange(TrainingPlots.SaveAll(dir, result.Training).Select(Path.GetFileName).OfType<string>());
        File.WriteAllText(Path.Combine(dir, "validation.csv"), ValidationCsv(result));
        File.WriteAllText(Path.Combine(dir, "tuning.csv"), TuningCsv(result));
        File.WriteAllText(Path.Combine(dir, "report.md"), Markdown(result, modelPath, modelId, figures));
        File.WriteAllText(Path.Combine(dir, "build.json"), Json(result, modelPath, modelId, figures));
        return figures;
    }

    /// <summary>The validation table as Markdown (one row per specimen, then the mean and the extremes).</summary>
    public static string ValidationTable(ModelBuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| seed | domains | S | η | σxy (nm) | F1 | precision | recall | detected / true volume | twin false positives |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in result.Validation)
            sb.AppendLine(string.Create(c, $"| {r.Spec.Seed} | {r.Spec.Domains} | {r.Spec.Order:F3} | {r.Spec.Efficiency:F3} | {r.Spec.SigmaXy:F3} | {r.Score.F1:F3} | {r.Score.Precision:F3} | {r.Score.Recall:F3} | {r.Score.VolumeRatio:F2} | {r.NullPercent:F3} % |"));
        if (result.Validation.Count > 0)
        {
            var v = result.Validation;
            sb.AppendLine(string.Create(c, $"| **mean** | | | | | **{v.Average(r => r.Score.F1):F3}** (worst {v.Min(r => r.Score.F1):F3}) | {v.Average(r => r.Score.Precision):F3} | {v.Average(r => r.Score.Recall):F3} | **{v.Average(r => r.Score.VolumeRatio):F2}** ({v.Min(r => r.Score.VolumeRatio):F2}–{v.Max(r => r.Score.VolumeRatio):F2}) | **{v.Average(r => r.NullPercent):F3} %** (max {v.Max(r => r.NullPercent):F3} %) |"));
        }
        return sb.ToString();
    }

    private static string Markdown(ModelBuildResult result, string modelPath, string modelId, IReadOnlyList<string> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var r = result.Recipe;
        var sb = new StringBuilder();
        sb.AppendLine($"# Model for {r.Alloy.Describe()}");
        sb.AppendLine();
        sb.AppendLine($"Model `{modelPath}` ({modelId}), {Provenance.Program}.");
        sb.AppendLine().AppendLine($"    {r.Command} --out {Path.GetFileName(modelPath)}");
        sb.AppendLine();
        sb.AppendLine(string.Create(c, $"- Channels: {string.Join(", ", r.Pairs)}; sphere {r.SphereRadius} voxel edges; z-SDM stage {(r.Stage == Sdm.SdmStage.Normalized ? "normalized" : "preprocessed")}."));
        sb.AppendLine(string.Create(c, $"- Bank: {r.Specimens} specimens with domains and {r.DomainFree} domain-free ones ({(r.Envelope ? "envelope" : "validation")} ranges, seed {r.Seed}): {result.BankSamples.Csro} CSRO and {result.BankSamples.Matrix} matrix samples."));
        sb.AppendLine(string.Create(c, $"- Training: {r.Folds} members × {r.Epochs} epochs, held-out accuracy {result.Training.Test.Accuracy:P2} on {result.Training.TestSamples} samples."));
        sb.AppendLine(string.Create(c, $"- Decision: {result.Decision} ({(result.Tuning.Count == 0 ? "given" : $"tuned on {r.TuningSpecimens} specimens, seeds {ModelBuild.TuningSeedBase}…")})."));
        sb.AppendLine(string.Create(c, $"- Times: {string.Join(", ", result.Seconds.Select(kv => $"{kv.Key} {kv.Value:F0} s"))}."));
        sb.AppendLine();
        if (result.Validation.Count > 0)
        {
            sb.AppendLine(string.Create(c, $"## Validation ({r.Alloy.Order.Describe()}; specimens never seen by the bank or the tuning, seeds {ModelBuild.ValidationSeedBase}…; radius 1.0–1.8 nm, S 0.8–1.0, η 0.4–0.5, σxy 0.3–0.4 nm, σz 0.03 nm)"));
            sb.AppendLine();
            sb.Append(ValidationTable(result));
            sb.AppendLine();
        }
        foreach (var f in figures) sb.AppendLine($"![{f}]({f})");
        return sb.ToString();
    }

    private static string ValidationCsv(ModelBuildResult result)
    {
        var sb = new StringBuilder("seed,domains,order,eta,sigma_xy_nm,sigma_z_nm,f1,precision,recall,volume_ratio,null_false_positive_percent,seconds\n");
        foreach (var r in result.Validation)
            sb.Append(CultureInfo.InvariantCulture, $"{r.Spec.Seed},{r.Spec.Domains},{r.Spec.Order},{r.Spec.Efficiency},{r.Spec.SigmaXy},{r.Spec.SigmaZ},{r.Score.F1:R},{r.Score.Precision:R},{r.Score.Recall:R},{r.Score.VolumeRatio:R},{r.NullPercent:R},{r.Seconds:F1}\n");
        return sb.ToString();
    }

    private static string TuningCsv(ModelBuildResult result)
    {
        var sb = new StringBuilder("threshold,domain_fraction,min_domain_subvoxels,f1_mean,f1_min,volume_ratio_min,volume_ratio_max,null_false_positive_percent_max,chosen\n");
        foreach (var s in result.Tuning)
            sb.Append(CultureInfo.InvariantCulture, $"{s.Decision.Threshold},{s.Decision.DomainFraction},{s.Decision.MinDomain},{s.F1Mean:R},{s.F1Min:R},{s.VolumeRatioMin:R},{s.VolumeRatioMax:R},{s.NullPercentMax:R},{(s.Decision == result.Decision ? 1 : 0)}\n");
        return sb.ToString();
    }

    /// <summary>F1 against detected / true volume for every validation specimen, the target region shaded.</summary>
    internal static (Plot Plot, int Width, int Height) ValidationFigure(ModelBuildResult result)
    {
        var title = $"{result.Recipe.Alloy.Order.Describe()}\nbuilt model on its validation specimens";
        var plot = FigureStyle.NewFigure(title, "detected / true volume", "F1 (sub-voxels)");
        var target = plot.Add.Rectangle(1 - VolumeTolerance, 1 + VolumeTolerance, F1Target, 1);
        target.FillColor = FigureStyle.Real.WithAlpha(0.12);
        target.LineWidth = 0;
        target.LegendText = string.Create(CultureInfo.InvariantCulture, $"target: F1 ≥ {F1Target}, volume ± {VolumeTolerance * 100:F0} %");
        var v = result.Validation;
        var points = plot.Add.Scatter(v.Select(r => r.Score.VolumeRatio).ToArray(), v.Select(r => double.IsNaN(r.Score.F1) ? 0 : r.Score.F1).ToArray());
        points.LineWidth = 0;
        points.MarkerSize = 14;
        points.Color = FigureStyle.Truth;
        var worstTwin = v.Max(r => r.NullPercent);
        points.LegendText = worstTwin > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Count} specimens (domain-free twins: at most {worstTwin:F3} % false positives)")
            : string.Create(CultureInfo.InvariantCulture, $"{v.Count} specimens (domain-free twins: no false positive)");
        var xs = v.Select(r => r.Score.VolumeRatio).Where(double.IsFinite).Append(1 - VolumeTolerance).Append(1 + VolumeTolerance).ToList();
        plot.Axes.SetLimits(Math.Min(0.5, xs.Min() - 0.05), Math.Max(1.5, xs.Max() + 0.05), Math.Min(0.5, v.Min(r => double.IsNaN(r.Score.F1) ? 0 : r.Score.F1) - 0.05), 1.02);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Vertical;
        plot.Legend.FontSize = FigureStyle.LegendSize;
        return (plot, FigureStyle.WidthFor(title.Split('\n')[1], 800), 760);
    }
}
