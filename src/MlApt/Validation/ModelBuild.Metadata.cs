using System.Globalization;
using System.Text.Json;
using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Validation;

public static partial class ModelBuild
{
    /// <summary>
    /// Writes what a map needs and a reader wants to know into <paramref name="metadata"/>: the alloy
    /// (<c>alloy.*</c>), the order (<c>order.*</c>), the decision and the map settings (<c>map.*</c>), the recipe and the
    /// command (<c>build.*</c>) and the validation table (<c>build.validation</c>).
    /// </summary>
    public static void WriteMetadata(IDictionary<string, string> metadata, ModelRecipe recipe, DecisionSettings decision, IReadOnlyList<BuildValidationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(rows);
        var alloy = recipe.Alloy;
        metadata[AlloyPrefix + "lattice"] = alloy.Lattice;
        metadata[AlloyPrefix + "a_nm"] = alloy.A.ToString("R", CultureInfo.InvariantCulture);
        metadata[AlloyPrefix + "composition"] = alloy.CompositionText;
        metadata[AlloyPrefix + "charges"] = alloy.ChargesText;
        ModelOrder.Of(alloy.Order).WriteTo(metadata);
        decision.ToTuning(recipe.SphereRadius, recipe.Stage).WriteTo(metadata);
        metadata[RecipeKey] = JsonText.Write(w => WriteRecipe(w, recipe));
        metadata[CommandKey] = recipe.Command;
        if (rows.Count > 0) metadata[ValidationKey] = JsonText.Write(w => WriteValidation(w, rows));
    }

    /// <summary>The recipe as one JSON object.</summary>
    public static void WriteRecipe(Utf8JsonWriter w, ModelRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(recipe);
        w.WriteStartObject();
        w.WriteString("alloy", recipe.Alloy.Describe());
        w.WriteStartArray("pairs");
        foreach (var p in recipe.Pairs) w.WriteStringValue(p.ToString());
        w.WriteEndArray();
        w.WriteNumber("seed", recipe.Seed);
        w.WriteNumber("specimens", recipe.Specimens);
        w.WriteNumber("domain_free", recipe.DomainFree);
        if (recipe.SamplesPerSpecimen is { } n) w.WriteNumber("samples_per_specimen", n); else w.WriteNull("samples_per_specimen");
        w.WriteString("specimen_ranges", recipe.Envelope ? "envelope" : "validation");
        w.WriteString("voxel_label", recipe.Label == BankVoxelLabel.Cube ? "cube" : "sphere-0.75");
        w.WriteNumber("sphere_radius_voxels", recipe.SphereRadius);
        w.WriteString("stage", recipe.Stage == Sdm.SdmStage.Normalized ? "normalized" : "preprocessed");
        w.WriteNumber("epochs", recipe.Epochs);
        w.WriteNumber("folds", recipe.Folds);
        w.WriteString("decision", recipe.Decision is null ? "tuned" : "given");
        w.WriteNumber("tuning_specimens", recipe.TuningSpecimens);
        w.WriteNumber("validation_specimens", recipe.ValidationSpecimens);
        w.WriteStartArray("check_size_nm");
        w.WriteNumberValue(recipe.CheckSize.X); w.WriteNumberValue(recipe.CheckSize.Y); w.WriteNumberValue(recipe.CheckSize.Z);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The validation table as one JSON object: the specimens' ranges, one row per specimen and the summary.</summary>
    public static void WriteValidation(Utf8JsonWriter w, IReadOnlyList<BuildValidationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        w.WriteStartObject();
        w.WriteString("specimens", string.Create(CultureInfo.InvariantCulture,
            $"seeds {ValidationSeedBase}-{ValidationSeedBase + rows.Count - 1}: radius 1.0-1.8 nm, order 0.8-1.0, eta 0.4-0.5, sigma_xy 0.3-0.4 nm, sigma_z 0.03 nm, with domain-free twins"));
        w.WriteStartArray("rows");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteNumber("seed", r.Spec.Seed);
            w.WriteNumber("domains", r.Spec.Domains);
            w.WriteNumber("order", r.Spec.Order);
            MlApt.Specimens.SpecimenJson.WriteDetector(w, r.Spec);
            w.WriteFiniteOrNull("f1", r.Score.F1);
            w.WriteFiniteOrNull("precision", r.Score.Precision);
            w.WriteFiniteOrNull("recall", r.Score.Recall);
            w.WriteFiniteOrNull("volume_ratio", r.Score.VolumeRatio);
            w.WriteFiniteOrNull("null_false_positive_percent", r.NullPercent);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteFiniteOrNull("f1_mean", rows.Average(r => r.Score.F1));
        w.WriteFiniteOrNull("f1_min", rows.Min(r => r.Score.F1));
        w.WriteFiniteOrNull("volume_ratio_mean", rows.Average(r => r.Score.VolumeRatio));
        w.WriteFiniteOrNull("volume_ratio_min", rows.Min(r => r.Score.VolumeRatio));
        w.WriteFiniteOrNull("volume_ratio_max", rows.Max(r => r.Score.VolumeRatio));
        w.WriteFiniteOrNull("null_false_positive_percent_mean", rows.Average(r => r.NullPercent));
        w.WriteFiniteOrNull("null_false_positive_percent_max", rows.Max(r => r.NullPercent));
        w.WriteEndObject();
    }
}
