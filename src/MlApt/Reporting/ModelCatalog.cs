using System.Globalization;
using System.Text.Json;
using MlApt.Learning;

namespace MlApt.Reporting;

/// <summary>What a built-in model scored on its validation sweep (see <c>Learning/Models/validation.json</c>).</summary>
/// <param name="Command">The command that measured it.</param>
/// <param name="Specimens">Which specimens.</param>
/// <param name="F1Mean">Mean sub-voxel F1.</param>
/// <param name="F1Min">Worst specimen's F1.</param>
/// <param name="VolumeRatioMean">Mean detected / true volume fraction.</param>
/// <param name="VolumeRatioMin">Smallest ratio.</param>
/// <param name="VolumeRatioMax">Largest ratio.</param>
/// <param name="NullPercentMean">Mean false-positive volume fraction of the domain-free twins (%).</param>
/// <param name="NullPercentMax">Largest one (%).</param>
internal sealed record ModelValidation(string Command, string Specimens, double F1Mean, double F1Min, double VolumeRatioMean, double VolumeRatioMin,
    double VolumeRatioMax, double NullPercentMean, double NullPercentMax);

/// <summary>One built-in model as <c>mlapt models</c> lists it.</summary>
/// <param name="Model">The model.</param>
/// <param name="Order">The order it looks for (from its metadata; its made-for order where that is silent).</param>
/// <param name="Pairs">Its input channels.</param>
/// <param name="Tuning">Its map settings and decision.</param>
/// <param name="Validation">Its validation figures, when measured for this very file.</param>
/// <param name="BuiltBy">The <c>mlapt build-model</c> line that made the file (its <c>build.command</c>; null for a file made otherwise).</param>
internal sealed record ModelEntry(BuiltInModel Model, ModelOrder Order, IReadOnlyList<string> Pairs, MapTuning Tuning, ModelValidation? Validation, string? BuiltBy = null)
{
    /// <summary>"L1₂-type Ni order along ⟨001⟩".</summary>
    public string OrderName => Reporting.OrderName.FromModel(new Dictionary<string, string>(), Pairs, Pairs, Order);

    /// <summary>The decision in words, e.g. "mean > 0.35, domains cut at 0.7 × their mean, ≥ 16 sub-voxels".</summary>
    public string Decision
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            return $"{Tuning.Rule ?? "sum"} > {Tuning.Threshold?.ToString("G4", c) ?? "default"}"
                + (Tuning.DomainFraction is { } f ? $", domains cut at {f.ToString("G3", c)} × their mean" : "")
                + (Tuning.MinDomainSubVoxels is { } m ? $", ≥ {m.ToString(c)} sub-voxels" : "");
        }
    }
}

/// <summary>The built-in models with what they look for and how well they found it (<c>mlapt models</c>).</summary>
internal static class ModelCatalog
{
    private const string ValidationResource = "MlApt.models-validation.json";

    /// <summary>Every built-in model this build carries.</summary>
    public static IReadOnlyList<ModelEntry> Entries()
    {
        var figures = ReadValidation();
        return DefaultModel.All.Where(m => m.Available).Select(m =>
        {
            var ensemble = m.Load();
            var validation = figures.TryGetValue(m.File, out var v) && v.Id == m.Id ? v.Figures : null;
            return new ModelEntry(m, m.DescribeOrder(ensemble), ensemble.Pairs, MapTuning.Read(ensemble.Metadata), validation,
                ensemble.Metadata.TryGetValue(Validation.ModelBuild.CommandKey, out var command) ? command : null);
        }).ToList();
    }

    /// <summary>The entries as indented JSON text (see <see cref="WriteJson"/>).</summary>
    public static string ToJson(IReadOnlyList<ModelEntry> entries) => Numerics.JsonText.Write(w => WriteJson(w, entries));

    /// <summary>The entries as one JSON object: <c>models</c>, each with name, id, order, pairs, decision and validation (null when not measured for this file).</summary>
    public static void WriteJson(Utf8JsonWriter w, IReadOnlyList<ModelEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(entries);
        w.WriteStartObject();
        w.WriteStartArray("models");
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Model.Name);
            w.WriteString("id", e.Model.Id);
            w.WriteString("order", e.OrderName);
            w.WriteString("pole", e.Order.Pole);
            w.WriteString("structure", e.Order.Structure);
            w.WriteString("element", e.Order.Element);
            w.WriteString("select_with", $"--pole {e.Model.Order.PoleName}");
            w.WriteStartArray("pairs");
            foreach (var p in e.Pairs) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteStartObject("decision");
            w.WriteString("stage", e.Tuning.Stage is Sdm.SdmStage.Normalized ? "normalized" : "preprocessed");
            if (e.Tuning.SphereRadius is { } s) w.WriteNumber("sphere_radius_voxels", s);
            w.WriteString("rule", e.Tuning.Rule ?? "sum");
            if (e.Tuning.Threshold is { } t) w.WriteNumber("threshold", t);
            if (e.Tuning.DomainFraction is { } f) w.WriteNumber("domain_fraction", f);
            if (e.Tuning.MinDomainSubVoxels is { } m) w.WriteNumber("min_domain_subvoxels", m);
            w.WriteEndObject();
            if (e.Validation is { } v)
            {
                w.WriteStartObject("validation");
                w.WriteString("command", v.Command);
                w.WriteString("specimens", v.Specimens);
                w.WriteNumber("f1_mean", v.F1Mean);
                w.WriteNumber("f1_min", v.F1Min);
                w.WriteNumber("volume_ratio_mean", v.VolumeRatioMean);
                w.WriteNumber("volume_ratio_min", v.VolumeRatioMin);
                w.WriteNumber("volume_ratio_max", v.VolumeRatioMax);
                w.WriteNumber("null_false_positive_percent_mean", v.NullPercentMean);
                w.WriteNumber("null_false_positive_percent_max", v.NullPercentMax);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("validation");
            }
            w.WriteString("trained_by", e.Model.Script);
            if (e.BuiltBy is { } built) w.WriteString("built_by", built); else w.WriteNull("built_by");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static Dictionary<string, (string Id, ModelValidation Figures)> ReadValidation()
    {
        var result = new Dictionary<string, (string, ModelValidation)>(StringComparer.Ordinal);
        using var s = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ValidationResource);
        if (s is null) return result;
        using var doc = JsonDocument.Parse(s);
        foreach (var m in doc.RootElement.GetProperty("models").EnumerateObject())
        {
            var v = m.Value;
            double D(string k) => v.GetProperty(k).GetDouble();
            result[m.Name] = (v.GetProperty("model_id").GetString()!, new ModelValidation(v.GetProperty("command").GetString()!, v.GetProperty("specimens").GetString()!,
                D("f1_mean"), D("f1_min"), D("volume_ratio_mean"), D("volume_ratio_min"), D("volume_ratio_max"),
                D("null_false_positive_percent_mean"), D("null_false_positive_percent_max")));
        }
        return result;
    }
}
