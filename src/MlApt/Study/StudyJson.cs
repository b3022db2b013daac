using MlApt.Numerics;
using System.Text.Json;

namespace MlApt.Study;

/// <summary>The numbers of a study as JSON (what <c>mlapt study --json</c> prints).</summary>
internal static class StudyJson
{
    /// <summary>Writes the study as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, StudyAnalysis study, string? outputDir = null, IReadOnlyList<string>? files = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(study);
        w.WriteStartObject();
        w.WriteString("table", study.Table.Source);
        if (outputDir is not null) w.WriteString("output", outputDir);
        w.WriteStartArray("samples");
        for (var i = 0; i < study.Table.Samples.Count; i++)
        {
            var s = study.Table.Samples[i];
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("row", s.Row);
            w.WriteString("map", s.MapPath);
            w.WriteStartObject("values");
            foreach (var v in study.Variables)
            {
                w.WriteStartObject(v.Label);
                w.WriteString("role", Role(v.Role));
                w.WriteFiniteOrNull("value", v.Values[i]);
                if (v.Errors is not null) w.WriteFiniteOrNull("std", v.Errors[i]);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("analyses");
            foreach (var m in study.Metrics[i])
            {
                w.WriteStartObject();
                w.WriteString("pairs", m.Pairs);
                if (m.Order is { } order) w.WriteString("order", order);
                w.WriteString("summary", m.Summary);
                w.WriteNumber("control_permutations", m.ControlPermutations);
                w.WriteFiniteOrNull("control_p_value", m.ControlPValue);
                w.WriteFiniteOrNull("ensemble_std_mean", m.EnsembleStdMean);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("relationships");
        var rank = 0;
        foreach (var r in study.Relationships)
        {
            var (lo, hi) = r.Pearson.FisherInterval95;
            w.WriteStartObject();
            w.WriteNumber("rank", ++rank);
            w.WriteString("kind", r.Kind);
            Variable(w, "x", r.X);
            Variable(w, "y", r.Y);
            w.WriteNumber("n", r.N);
            w.WriteStartArray("samples");
            foreach (var i in r.Samples) w.WriteStringValue(study.Table.Samples[i].Name);
            w.WriteEndArray();
            w.WriteStartObject("fit");
            w.WriteFiniteOrNull("slope", r.Fit.Slope);
            w.WriteFiniteOrNull("slope_se", r.Fit.SlopeStandardError);
            w.WriteFiniteOrNull("slope_ci95_low", r.Fit.Slope - r.Fit.SlopeHalfWidth);
            w.WriteFiniteOrNull("slope_ci95_high", r.Fit.Slope + r.Fit.SlopeHalfWidth);
            w.WriteFiniteOrNull("intercept", r.Fit.Intercept);
            w.WriteFiniteOrNull("intercept_ci95_half_width", r.Fit.InterceptHalfWidth);
            w.WriteFiniteOrNull("residual_std", r.Fit.ResidualStd);
            w.WriteFiniteOrNull("t_critical", r.Fit.TCritical);
            w.WriteEndObject();
            w.WriteStartObject("pearson");
            w.WriteFiniteOrNull("r", r.Pearson.R);
            w.WriteFiniteOrNull("r_ci95_low", lo);
            w.WriteFiniteOrNull("r_ci95_high", hi);
            w.WriteFiniteOrNull("p", r.Pearson.P);
            w.WriteEndObject();
            w.WriteStartObject("spearman");
            w.WriteFiniteOrNull("rho", r.Spearman.R);
            w.WriteFiniteOrNull("p", r.Spearman.P);
            w.WriteEndObject();
            w.WriteString("plot", r.Plot);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("not_fitted");
        foreach (var s in study.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("x", s.X.Label);
            w.WriteString("y", s.Y.Label);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (files is not null)
        {
            w.WriteStartArray("files");
            foreach (var f in files) w.WriteStringValue(f);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Variable(Utf8JsonWriter w, string name, StudyVariable v)
    {
        w.WriteStartObject(name);
        w.WriteString("name", v.Name);
        if (v.Unit is null) w.WriteNull("unit"); else w.WriteString("unit", v.Unit);
        w.WriteString("role", Role(v.Role));
        w.WriteEndObject();
    }

    private static string Role(VariableRole r) => r switch
    {
        VariableRole.Csro => "csro",
        VariableRole.Property => "property",
        _ => "processing",
    };
}
