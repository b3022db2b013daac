using System.Text.Json;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Numerics;
using MlApt.Specimens;
using MlApt.Validation;

namespace MlApt.Reporting;

/// <summary>
/// The outputs of a validation: <c>validation.json</c> (every score, the precision–recall curve, the null
/// twin), <c>pr_curve.png</c> and the map slices; and <c>sweep.json</c> of a validation sweep.
/// </summary>
public static class ValidationReport
{
    /// <summary>Writes validation.json, pr_curve.png and the map slices into <paramref name="dir"/>; returns the text of validation.json.</summary>
    public static string Write(string dir, ValidationOutcome outcome, SpecimenSpec spec, MapProfile profile, string recon, double seconds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(profile);
        Directory.CreateDirectory(dir);
        var subject = profile.OrderName(outcome.Map.Pairs);
        ValidationPlots.SavePrecisionRecall(dir, "pr_curve.png", outcome.Curve, outcome.Score, outcome.Map.Threshold,
            $"{subject}\nsub-voxel precision–recall, {profile.Profile} profile");
        // The truth as scored: in the aligned frame when the ions were aligned.
        MapPlots.SaveSlices(dir, outcome.Map, "map_", subject, outcome.TrueDomains);
        var json = JsonText.Write(w => WriteJson(w, outcome, spec, profile, recon, seconds));
        Io.AtomicFile.WriteText(Path.Combine(dir, "validation.json"), json);
        return json;
    }

    /// <summary>The validation as one JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter w, ValidationOutcome o, SpecimenSpec spec, MapProfile profile, string recon, double seconds)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(profile);
        w.WriteStartObject();
        w.WriteString("reconstruction", recon);
        w.WriteString("profile", profile.Profile);
        w.WriteString("model", profile.Model);
        w.WriteString("model_id", profile.ModelId);
        w.WriteString("looked_for", profile.OrderName(o.Map.Pairs));
        w.WriteString("pairs", string.Join("+", o.Map.Pairs));
        profile.WriteDecision(w);
        BoxJson.Write(w, "box", o.Map.Box);
        if (o.Alignment is { } alignment)
            AlignmentReport.Write(w, "alignment", alignment);
        w.WriteStartObject("specimen");
        SpecimenJson.WriteDetector(w, spec);
        w.WriteNumber("order", spec.Order);
        SpecimenJson.WriteDomainOrder(w, spec);
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
            w.WriteFiniteOrNull("false_positive_volume_fraction", o.NullFalsePositiveFraction);
            w.WriteNumber("selected_subvoxels", o.NullMap.SelectedSubVoxels);
            w.WriteNumber("defined_subvoxels", o.NullMap.DefinedSubVoxels);
            w.WriteEndObject();
        }
        w.WriteStartArray("pr_curve");
        foreach (var p in o.Curve)
        {
            w.WriteStartObject();
            w.WriteNumber("threshold", p.Threshold);
            w.WriteFiniteOrNull("precision", p.Score.Precision);
            w.WriteFiniteOrNull("recall", p.Score.Recall);
            w.WriteFiniteOrNull("f1", p.Score.F1);
            w.WriteFiniteOrNull("detected_volume_fraction", p.Score.DetectedVolumeFraction);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("elapsed_seconds", Math.Round(seconds, 3));
        w.WriteString("program", Provenance.Program);
        w.WriteEndObject();
    }

    /// <summary>Writes sweep.json of a validation sweep into <paramref name="dir"/>; returns its text.</summary>
    public static string WriteSweep(string dir, MapProfile profile, IReadOnlyList<(SpecimenSpec Spec, ValidationOutcome Outcome)> rows, Crystal.OrderType? order = null)
    {
        order ??= Crystal.OrderType.L12Along001;
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(dir);
        var json = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("profile", profile.Profile);
            w.WriteString("model", profile.Model);
            w.WriteString("model_id", profile.ModelId);
            if (rows.Count > 0) w.WriteString("looked_for", profile.OrderName(rows[0].Outcome.Map.Pairs));
            w.WriteString("specimens_order", order.Describe());
            w.WriteString("specimens_pole", order.PoleName);
            profile.WriteDecision(w);
            w.WriteStartObject("mean");
            w.WriteFiniteOrNull("precision", rows.Average(r => r.Outcome.Score.Precision));
            w.WriteFiniteOrNull("recall", rows.Average(r => r.Outcome.Score.Recall));
            w.WriteFiniteOrNull("f1", rows.Average(r => r.Outcome.Score.F1));
            w.WriteFiniteOrNull("iou", rows.Average(r => r.Outcome.Score.IoU));
            w.WriteFiniteOrNull("volume_ratio", rows.Average(r => r.Outcome.Score.VolumeRatio));
            w.WriteFiniteOrNull("null_false_positive_fraction", rows.Average(r => r.Outcome.NullFalsePositiveFraction));
            w.WriteEndObject();
            w.WriteStartObject("worst");
            w.WriteFiniteOrNull("f1", rows.Min(r => r.Outcome.Score.F1));
            w.WriteFiniteOrNull("volume_ratio_min", rows.Min(r => r.Outcome.Score.VolumeRatio));
            w.WriteFiniteOrNull("volume_ratio_max", rows.Max(r => r.Outcome.Score.VolumeRatio));
            w.WriteFiniteOrNull("null_false_positive_fraction", rows.Max(r => r.Outcome.NullFalsePositiveFraction));
            w.WriteEndObject();
            w.WriteStartArray("specimens");
            foreach (var (spec, o) in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("seed", spec.Seed);
                SpecimenJson.WriteDetector(w, spec);
                w.WriteNumber("order", spec.Order);
                w.WriteNumber("pole_tilt_deg", Math.Round(ValidationSweep.PoleTiltDegrees(spec, order), 3));
                if (o.Alignment is { } alignment) w.WriteNumber("aligned_tilt_deg", Math.Round(alignment.TiltDegrees, 3));
                WriteRates(w, o.Score);
                w.WriteFiniteOrNull("volume_ratio", o.Score.VolumeRatio);
                w.WriteFiniteOrNull("null_false_positive_fraction", o.NullFalsePositiveFraction);
                w.WriteNumber("best_f1_threshold", o.Best.Threshold);
                w.WriteFiniteOrNull("best_f1", o.Best.Score.F1);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("program", Provenance.Program);
            w.WriteEndObject();
        });
        Io.AtomicFile.WriteText(Path.Combine(dir, "sweep.json"), json);
        return json;
    }

    /// <summary>Writes a score's precision, recall, F1, IoU and true and detected volume fractions (null where undefined).</summary>
    internal static void WriteRates(Utf8JsonWriter w, MapScore s)
    {
        w.WriteFiniteOrNull("precision", s.Precision);
        w.WriteFiniteOrNull("recall", s.Recall);
        w.WriteFiniteOrNull("f1", s.F1);
        w.WriteFiniteOrNull("iou", s.IoU);
        w.WriteFiniteOrNull("true_volume_fraction", s.TrueVolumeFraction);
        w.WriteFiniteOrNull("detected_volume_fraction", s.DetectedVolumeFraction);
    }

    private static void WriteScore(Utf8JsonWriter w, string name, MapScore s)
    {
        w.WriteStartObject(name);
        WriteRates(w, s);
        w.WriteFiniteOrNull("volume_ratio", s.VolumeRatio);
        w.WriteFiniteOrNull("false_positive_fraction", s.FalsePositiveFraction);
        w.WriteNumber("true_positives", s.TruePositives);
        w.WriteNumber("false_positives", s.FalsePositives);
        w.WriteNumber("false_negatives", s.FalseNegatives);
        w.WriteNumber("true_negatives", s.TrueNegatives);
        w.WriteEndObject();
    }
}
