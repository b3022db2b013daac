using System.Diagnostics;
using System.Globalization;
using MlApt.Banks;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Numerics;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>One validation specimen of a build: its spec and what the model found in it and in its domain-free twin.</summary>
/// <param name="Spec">The specimen.</param>
/// <param name="Score">Sub-voxel scores at the model's decision.</param>
/// <param name="NullPercent">False-positive volume fraction of the twin (%).</param>
/// <param name="Seconds">Time to simulate and map both.</param>
public sealed record BuildValidationRow(SpecimenSpec Spec, MapScore Score, double NullPercent, double Seconds);

/// <summary>What <see cref="ModelBuild.Run"/> made.</summary>
/// <param name="Model">The model, its metadata complete (alloy, order, channels, decision, validation).</param>
/// <param name="Recipe">The recipe.</param>
/// <param name="BankSamples">Samples of the bank (CSRO, matrix).</param>
/// <param name="Training">The training's report.</param>
/// <param name="Decision">The decision in the model.</param>
/// <param name="Tuning">Every decision tried on the tuning specimens (empty when the decision was given).</param>
/// <param name="Validation">The validation specimens.</param>
/// <param name="Seconds">Time of each stage (bank, training, tuning, validation).</param>
public sealed record ModelBuildResult(CnnEnsemble Model, ModelRecipe Recipe, (int Csro, int Matrix) BankSamples, TrainingResult Training,
    DecisionSettings Decision, IReadOnlyList<DecisionScore> Tuning, IReadOnlyList<BuildValidationRow> Validation, IReadOnlyDictionary<string, double> Seconds)
{
    /// <summary>The first validation specimen's map and its truth (null without validation specimens), for figures.</summary>
    public ValidationOutcome? Example { get; init; }

    /// <summary>Mean F1 of the validation specimens (NaN without them).</summary>
    public double F1Mean => Validation.Count == 0 ? double.NaN : Validation.Average(r => r.Score.F1);
}

/// <summary>
/// Builds a default-grade model for an alloy (<c>mlapt build-model</c>): a bank of the map's own voxel z-SDMs
/// from simulated specimens of the alloy and its order drawn across the detection envelope, the k-fold ensemble
/// trained on it, the decision tuned on separate tuning specimens (unless given), and the model validated on a
/// third set of specimens with their domain-free twins. Every step is seeded: the same recipe gives the same
/// model whatever the number of threads.
/// </summary>
public static partial class ModelBuild
{
    /// <summary>Metadata key prefix of the alloy (<c>alloy.lattice</c>, <c>alloy.a_nm</c>, <c>alloy.composition</c>, <c>alloy.charges</c>).</summary>
    public const string AlloyPrefix = "alloy.";
    /// <summary>Metadata key of the build recipe (JSON).</summary>
    public const string RecipeKey = "build.recipe";
    /// <summary>Metadata key of the command that built the model.</summary>
    public const string CommandKey = "build.command";
    /// <summary>Metadata key of the validation table (JSON).</summary>
    public const string ValidationKey = "build.validation";

    /// <summary>The decision the tuning specimens are first mapped with (the selection is replayed for every other one).</summary>
    private static readonly DecisionSettings Provisional = new(0.5, 0.75, 16);

    /// <summary>Runs the recipe; <paramref name="progress"/> hears one line per step.</summary>
    public static ModelBuildResult Run(ModelRecipe recipe, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        var bank = Bank(recipe, n => progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"bank: specimen {n}/{recipe.Specimens + recipe.DomainFree}")));
        var csro = bank.Y.Count(y => y == 1);
        seconds["bank"] = Lap(clock);
        cancellationToken.ThrowIfCancellationRequested();

        var (training, model) = Train(recipe, bank, progress);
        seconds["training"] = Lap(clock);
        cancellationToken.ThrowIfCancellationRequested();

        var classify = EnsembleClassifier.Create(model);
        IReadOnlyList<DecisionScore> grid = [];
        var decision = recipe.Decision;
        if (decision is null)
        {
            var maps = new List<TuningMap>();
            for (var i = 0; i < recipe.TuningSpecimens; i++)
            {
                var spec = CheckSpecimen(recipe, BuildSpecimenSet.Tuning, i);
                var outcome = Map(recipe, spec, classify, Provisional, cancellationToken);
                maps.Add(new TuningMap(outcome.Map, MapScore.TruthMask(outcome.Map, outcome.TrueDomains), outcome.NullMap!));
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"tuning: specimen {i + 1}/{recipe.TuningSpecimens} (seed {spec.Seed})"));
            }
            grid = DecisionTuning.Grid(maps, recipe.SphereRadius);
            decision = DecisionTuning.Choose(grid).Decision;
            progress?.Invoke($"tuning: chose {decision}");
        }
        seconds["tuning"] = Lap(clock);

        var rows = new List<BuildValidationRow>();
        ValidationOutcome? example = null;
        for (var i = 0; i < recipe.ValidationSpecimens; i++)
        {
            var spec = CheckSpecimen(recipe, BuildSpecimenSet.Validation, i);
            var started = clock.Elapsed.TotalSeconds;
            var outcome = Map(recipe, spec, classify, decision, cancellationToken);
            var row = new BuildValidationRow(spec, outcome.Score, 100 * outcome.NullFalsePositiveFraction, clock.Elapsed.TotalSeconds - started);
            rows.Add(row);
            example ??= outcome;
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"validation: specimen {i + 1}/{recipe.ValidationSpecimens} (seed {spec.Seed}): F1 {row.Score.F1:F3}, volume {row.Score.VolumeRatio:F2} × true, twin {row.NullPercent:F3} %"));
        }
        seconds["validation"] = Lap(clock);

        var metadata = new Dictionary<string, string>(model.Metadata, StringComparer.Ordinal);
        WriteMetadata(metadata, recipe, decision, rows);
        var final = new CnnEnsemble(model.Architecture, model.Members, model.ClassNames, model.Pairs, metadata);
        return new ModelBuildResult(final, recipe, (csro, bank.Count - csro), training, decision, grid, rows, seconds) { Example = example };
    }

    /// <summary>Trains the ensemble as <c>mlapt train --seed S --epochs E --folds K --shifts none</c> does on the bank written to a file.</summary>
    private static (TrainingResult, CnnEnsemble) Train(ModelRecipe recipe, PatternBank bank, Action<string>? progress)
    {
        // Through a file, as the bank and train commands go: the model's bank.* metadata is then theirs.
        var dir = Path.Combine(Path.GetTempPath(), "mlapt-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "specimens.npz");
            BankFile.Save(path, bank, Provenance.Program);
            var training = TrainingBankFor(path, recipe);
            var options = new TrainingOptions { Folds = recipe.Folds, Epochs = recipe.Epochs, Seed = unchecked((ulong)recipe.Seed), Augment = false, MinShift = 0, MaxShift = 0 };
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"training: {options.Folds} members on {training.Count} samples ({training.Channels} channels), {options.Epochs} epochs"));
            var result = Trainer.Train(training, options, e =>
            {
                if (e.Epoch == options.Epochs)
                    progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"training: fold {e.Fold + 1} done: val_acc {e.ValidationAccuracy:F4}"));
            });
            var metadata = new Dictionary<string, string>(result.Model.Metadata, StringComparer.Ordinal)
            {
                ["bank.files"] = Path.GetFileName(path),
                ["bank.sha256"] = Provenance.Sha256(path),
            };
            var m = result.Model;
            return (result, new CnnEnsemble(m.Architecture, m.Members, m.ClassNames, m.Pairs, metadata));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static TrainingBank TrainingBankFor(string path, ModelRecipe recipe) => ModelTraining.LoadBanks([path], recipe.Folds);

    /// <summary>Simulates <paramref name="spec"/> and its domain-free twin and maps both with <paramref name="decision"/>.</summary>
    private static ValidationOutcome Map(ModelRecipe recipe, SpecimenSpec spec, VoxelClassifier classify, DecisionSettings decision, CancellationToken cancellationToken)
    {
        var specimen = SimulatedSpecimen.Generate(spec);
        var table = RangeTable.Parse(SpecimenRanges.Rrng(spec), "specimen.rrng");
        var options = decision.MapOptions(SpecimenValidation.AnalysisBox(spec), recipe.SphereRadius, recipe.Stage);
        return SpecimenValidation.Run(specimen.Cloud, table, spec, specimen.Domains, recipe.Pairs, classify, options, true, null, cancellationToken);
    }

    private static double Lap(Stopwatch clock)
    {
        var s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return s;
    }
}
