using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt train</c>.</summary>
internal sealed class TrainSettings : CommonSettings
{
    /// <summary>Bank archives.</summary>
    [CommandOption("-b|--bank <B>")]
    [Description("Pattern bank (.npz from 'mlapt bank': x (N, C, 93), y (N), metadata.json). Repeat to concatenate banks with the same classes and channels. Required.")]
    public string[] Banks { get; init; } = [];

    /// <summary>Output model file.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Model file to write (safetensors holding every member, the architecture, classes, channel pairs and metadata). Required.")]
    public string? Out { get; init; }

    /// <summary>Folds.</summary>
    [CommandOption("--folds <K>")]
    [Description("Cross-validation folds = ensemble members.")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    /// <summary>Epochs.</summary>
    [CommandOption("--epochs <E>")]
    [Description("Epochs per fold (the maximum with --patience).")]
    [DefaultValue(30)]
    public int Epochs { get; init; } = 30;

    /// <summary>Batch size.</summary>
    [CommandOption("--batch <B>")]
    [Description("Mini-batch size.")]
    [DefaultValue(32)]
    public int Batch { get; init; } = 32;

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of every random choice (shifts, split, initialisation, shuffles, dropout): the same seed gives the same model.")]
    [DefaultValue(0UL)]
    public ulong Seed { get; init; }

    /// <summary>Held-out fraction.</summary>
    [CommandOption("--test-fraction <F>")]
    [Description("Fraction held out as the test set.")]
    [DefaultValue(0.1)]
    public double TestFraction { get; init; } = 0.1;

    /// <summary>Shift range.</summary>
    [CommandOption("--shifts <MIN,MAX>")]
    [Description("Shift augmentation range in bins, e.g. -2,1 (CoCrNi) or -4,3 (Fe-Al); 'none' for no augmentation.")]
    [DefaultValue("-2,1")]
    public string Shifts { get; init; } = "-2,1";

    /// <summary>Split by source.</summary>
    [CommandOption("--split-by-source")]
    [Description("Split into test set and folds by source sample before augmentation (a sample and its shifted copy stay together). Off by default, as in the reference.")]
    public bool SplitBySource { get; init; }

    /// <summary>Early stopping patience.</summary>
    [CommandOption("--patience <P>")]
    [Description("Early stopping: stop a fold after P epochs without a lower validation loss and keep its best weights (0: off).")]
    [DefaultValue(0)]
    public int Patience { get; init; }

    /// <summary>Class weights.</summary>
    [CommandOption("--class-weights <W>")]
    [Description("none, or balanced (class k weighs n / (K·n_k) in the training loss).")]
    [DefaultValue("none")]
    public string ClassWeights { get; init; } = "none";

    /// <summary>Decision rule the model is tuned for.</summary>
    [CommandOption("--map-rule <RULE>")]
    [Description("Record in the model the decision rule (sum or mean) that 'map' and 'validate' use with it under the default profile.")]
    public string? MapRule { get; init; }

    /// <summary>Decision threshold the model is tuned for.</summary>
    [CommandOption("--map-threshold <T>")]
    [Description("Record in the model the decision threshold (of --map-rule) that 'map' and 'validate' use with it under the default profile.")]
    public double? MapThreshold { get; init; }

    /// <summary>z-SDM stage of the bank.</summary>
    [CommandOption("--map-stage <S>")]
    [Description("Record in the model the z-SDM stage its bank holds (preprocessed or normalized): 'map' and 'validate' then feed it the same.")]
    public string? MapStage { get; init; }

    /// <summary>Sphere radius of the bank.</summary>
    [CommandOption("--map-sphere <R>")]
    [Description("Record in the model the voxel sphere radius of its bank, in voxel edges (reference 0.75): 'map' and 'validate' then scan with it.")]
    public double? MapSphere { get; init; }

    /// <summary>Smallest domain kept.</summary>
    [CommandOption("--map-min-domain <N>")]
    [Description("Record in the model the smallest selected domain (in sub-voxels) that 'map' and 'validate' keep under the default profile.")]
    public int? MapMinDomain { get; init; }

    /// <summary>Fraction of each domain's mean score.</summary>
    [CommandOption("--map-domain-fraction <F>")]
    [Description("Record in the model the fraction of its mean score each selected domain is cut at (0 … <1) that 'map' and 'validate' use under the default profile.")]
    public double? MapDomainFraction { get; init; }

    /// <summary>JSON report.</summary>
    [CommandOption("--json")]
    [Description("Print the report as JSON on stdout.")]
    public bool Json { get; init; }

    /// <summary>Plot directory.</summary>
    [CommandOption("--plot <DIR>")]
    [Description("Write loss.png, accuracy.png (per fold, training and validation) and confusion.png (ensemble, held-out set) into DIR.")]
    public string? Plot { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Banks.Length == 0)
            return ValidationResult.Error("--bank is required: a pattern bank .npz (from 'mlapt bank')");
        if (MapRule is not null && !MapRule.Equals("sum", StringComparison.OrdinalIgnoreCase) && !MapRule.Equals("mean", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--map-rule '{MapRule}': expected sum or mean");
        if (MapThreshold is { } mt && !double.IsFinite(mt))
            return ValidationResult.Error("--map-threshold must be a finite number");
        // Checked here, not only when the metadata is written: a bad value must not cost a whole training.
        if (MapDomainFraction is { } mpf && !(mpf >= 0 && mpf < 1))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--map-domain-fraction {mpf}: expected 0 ≤ F < 1"));
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the model file to write");
        if (Folds < 2)
            return ValidationResult.Error($"--folds {Folds}: expected at least 2");
        if (Epochs < 1)
            return ValidationResult.Error($"--epochs {Epochs}: expected at least 1");
        if (Batch < 1)
            return ValidationResult.Error($"--batch {Batch}: expected at least 1");
        if (TestFraction is < 0 or >= 0.5 || double.IsNaN(TestFraction))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--test-fraction {TestFraction}: expected 0 ≤ f < 0.5"));
        if (Patience < 0)
            return ValidationResult.Error($"--patience {Patience}: expected ≥ 0");
        return base.Validate();
    }
}

/// <summary><c>mlapt train</c>: trains the k-fold CNN ensemble on pattern banks (METHOD §5–§6) and writes it as one model file.</summary>
internal sealed class TrainCommand(CliIo io) : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shifts = ModelTraining.ParseShifts(settings.Shifts, "--shifts");
        var options = new TrainingOptions
        {
            Folds = settings.Folds,
            Epochs = settings.Epochs,
            BatchSize = settings.Batch,
            Seed = settings.Seed,
            TestFraction = settings.TestFraction,
            Augment = shifts is not null,
            MinShift = shifts?.Min ?? 0,
            MaxShift = shifts?.Max ?? 0,
            SplitBySource = settings.SplitBySource,
            Patience = settings.Patience,
            ClassWeights = ModelTraining.ParseClassWeights(settings.ClassWeights, "--class-weights"),
            Threads = settings.Threads ?? 0,
        };
        var tuning = new MapTuning(settings.MapStage is null ? null : MapTuning.ParseStage(settings.MapStage), settings.MapSphere, settings.MapMinDomain,
            settings.MapDomainFraction, settings.MapRule, settings.MapThreshold);
        tuning.WriteTo(new Dictionary<string, string>()); // its values checked before the training, not after it
        OutputFolder.CheckFile(settings.Out!, "--out");
        using var plotFolder = settings.Plot is null ? null : OutputFolder.Begin(settings.Plot, "--plot");
        var bank = ModelTraining.LoadBanks(settings.Banks, options.Folds);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: training {options.Folds} members on {bank.Count} samples ({bank.Channels} channel(s) × {bank.Length}, classes {string.Join("/", bank.Classes)}), {options.Epochs} epochs"));
        var gate = new Lock();
        var result = Trainer.Train(bank, options, e =>
        {
            lock (gate)
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  fold {e.Fold + 1} epoch {e.Epoch,2}: loss {e.TrainLoss:F4} acc {e.TrainAccuracy:F4}  val_loss {e.ValidationLoss:F4} val_acc {e.ValidationAccuracy:F4}"));
        });
        ModelTraining.Save(settings.Out!, result, settings.Banks, tuning);
        IReadOnlyList<string> plots = [];
        if (plotFolder is not null)
        {
            var written = TrainingPlots.SaveAll(plotFolder.Path, result);
            cancellationToken.ThrowIfCancellationRequested();
            plotFolder.Commit();
            plots = written.Select(plotFolder.FinalPath).ToList();
        }

        if (settings.Json)
            io.Out.WriteLine(TrainingJson.Of(result, settings.Out!, plots));
        else
            WriteTable(result);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: ensemble of {options.Folds} written to {settings.Out} in {result.Elapsed.TotalSeconds:F1} s; held-out accuracy {result.Test.Accuracy:P2} on {result.TestSamples} samples"));
        return MlAptApp.Ok;
    }

    private void WriteTable(TrainingResult r)
    {
        var t = new Table().AddColumns("fold", "epochs", "cv accuracy", "cv loss", "test accuracy");
        foreach (var f in r.Folds)
            t.AddRow((f.Fold + 1).ToString(CultureInfo.InvariantCulture), f.EpochsRun.ToString(CultureInfo.InvariantCulture),
                F(f.ValidationAccuracy), F(f.ValidationLoss), F(f.Test.Accuracy));
        t.AddRow("ensemble", "", "", "", F(r.Test.Accuracy));
        io.Ansi.Write(t);
        var c = new Table().AddColumn("true \\ predicted");
        foreach (var name in r.Model.ClassNames)
            c.AddColumn(Markup.Escape(name));
        c.AddColumns("recall");
        for (var i = 0; i < r.Model.ClassNames.Count; i++)
            c.AddRow([Markup.Escape(r.Model.ClassNames[i]), .. r.Test.Confusion[i].Select(v => v.ToString(CultureInfo.InvariantCulture)), F(r.Test.Recall[i])]);
        c.AddRow(["precision", .. r.Test.Precision.Select(F), ""]);
        io.Ansi.Write(c);
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F4", CultureInfo.InvariantCulture);
}
