using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Specimens;
using MlApt.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt build-model</c>.</summary>
internal sealed class BuildModelSettings : CommonSettings
{
    /// <summary>Lattice.</summary>
    [CommandOption("--lattice <L>")]
    [Description("fcc or bcc. Required.")]
    public string? Lattice { get; init; }

    /// <summary>Lattice parameter.</summary>
    [CommandOption("-a|--lattice-parameter <NM>")]
    [Description("Lattice parameter a (nm). Required.")]
    public double? A { get; init; }

    /// <summary>Composition.</summary>
    [CommandOption("--composition <C>")]
    [Description("Matrix composition Element:amount,… (normalised), e.g. Fe:80,Al:20. Elements: Al, Co, Cr, Cu, Fe, Mn, Ni, Ti. Required.")]
    public string? Composition { get; init; }

    /// <summary>Ordered element.</summary>
    [CommandOption("--element <E>")]
    [Description("The ordered element of the domains (on their ordered sublattice). Required.")]
    public string? Element { get; init; }

    /// <summary>Structure.</summary>
    [CommandOption("--structure <S>")]
    [Description("Ordered structure of the domains: L12, L11 or L10 (fcc), B2 or D03 (bcc). Required.")]
    public string? Structure { get; init; }

    /// <summary>Pole.</summary>
    [CommandOption("--pole <HKL>")]
    [Description("Crystal pole along the analysis direction z: 001, 111 or 110 (refused when the structure shows no contrast along it).")]
    [DefaultValue("001")]
    public string Pole { get; init; } = "001";

    /// <summary>Charge states.</summary>
    [CommandOption("--charges <C>")]
    [Description("Charge state of each element's ions, Element:charge,… (default: Al 1, every other element 2; ⁵⁴Fe²⁺ then falls on Al⁺ at 27 Da, as in real Fe–Al data).")]
    public string? Charges { get; init; }

    /// <summary>Channels.</summary>
    [CommandOption("--channels <C>")]
    [Description("Input channels: auto (every pair, like and unlike, of the elements with at least 5 % of the composition, the ordered element first) or A-B,… .")]
    [DefaultValue("auto")]
    public string Channels { get; init; } = "auto";

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the bank and the training: the same command gives the same model whatever the number of threads.")]
    [DefaultValue(1L)]
    public long Seed { get; init; } = 1;

    /// <summary>Bank specimens.</summary>
    [CommandOption("--specimens <N>")]
    [Description("Simulated bank specimens with domains (14 × 14 × 24 nm each).")]
    [DefaultValue(40)]
    public int Specimens { get; init; } = 40;

    /// <summary>Domain-free bank specimens.</summary>
    [CommandOption("--domain-free <N>")]
    [Description("Domain-free bank specimens (matrix-only negatives).")]
    [DefaultValue(10)]
    public int DomainFree { get; init; } = 10;

    /// <summary>Samples per bank specimen.</summary>
    [CommandOption("--samples-per-specimen <N>")]
    [Description("Voxels kept per bank specimen at most (CSRO : matrix 1 : 3), or all.")]
    [DefaultValue("4000")]
    public string SamplesPerSpecimen { get; init; } = "4000";

    /// <summary>Bank ranges.</summary>
    [CommandOption("--specimen-ranges <R>")]
    [Description("Ranges the bank specimens are drawn from: envelope (radii 0.5–2.0 nm, S 0.45–1.0, η 0.25–0.8, σxy 0.2–0.7 nm, σz 0.02–0.06 nm, tilt 0–8°, z-scale 0.9–1.1, composition ×0.7–2 per element) or validation (narrower).")]
    [DefaultValue("envelope")]
    public string SpecimenRanges { get; init; } = "envelope";

    /// <summary>Voxel label rule.</summary>
    [CommandOption("--voxel-label <L>")]
    [Description("How a bank voxel is labelled CSRO: cube (at least half of its 1 nm cube inside a domain) or sphere-0.75 (half of a 0.75 nm sphere about its centre: the embedded models' banks).")]
    [DefaultValue("cube")]
    public string VoxelLabel { get; init; } = "cube";

    /// <summary>Epochs.</summary>
    [CommandOption("--epochs <E>")]
    [Description("Training epochs per fold.")]
    [DefaultValue(8)]
    public int Epochs { get; init; } = 8;

    /// <summary>Tuning specimens.</summary>
    [CommandOption("--tuning-specimens <N>")]
    [Description("Specimens (with their domain-free twins) the decision is tuned on, seeds 7000…; not with a given decision.")]
    [DefaultValue(4)]
    public int TuningSpecimens { get; init; } = 4;

    /// <summary>Validation specimens.</summary>
    [CommandOption("--validation-specimens <N>")]
    [Description("Specimens (with their domain-free twins) the model is validated on, seeds 8000…, never seen by the bank or the tuning: radius 1.0–1.8 nm, S 0.8–1.0, η 0.4–0.5, σxy 0.3–0.4 nm, σz 0.03 nm.")]
    [DefaultValue(6)]
    public int ValidationSpecimens { get; init; } = 6;

    /// <summary>Size of the tuning and validation specimens.</summary>
    [CommandOption("--check-size <X,Y,Z>")]
    [Description("Size (nm) of the tuning and validation specimens.")]
    [DefaultValue("16,16,30")]
    public string CheckSize { get; init; } = "16,16,30";

    /// <summary>Given threshold.</summary>
    [CommandOption("--map-threshold <T>")]
    [Description("Give the decision instead of tuning it (with --map-domain-fraction and --map-min-domain): the mean-rule threshold.")]
    public double? MapThreshold { get; init; }

    /// <summary>Given domain fraction.</summary>
    [CommandOption("--map-domain-fraction <F>")]
    [Description("With --map-threshold: the fraction of its mean score each selected domain is cut at (0: off).")]
    public double? MapDomainFraction { get; init; }

    /// <summary>Given smallest domain.</summary>
    [CommandOption("--map-min-domain <N>")]
    [Description("With --map-threshold: the smallest selected domain kept (sub-voxels).")]
    public int? MapMinDomain { get; init; }

    /// <summary>Output model.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Model file to write (.safetensors): weights, channels, the alloy and its order, the decision and the validation table. Required.")]
    public string? Out { get; init; }

    /// <summary>Report folder.</summary>
    [CommandOption("--report <DIR>")]
    [Description("Also write a report folder: build.json, validation.csv, tuning.csv, report.md and figures (validation, a validation specimen's map with its true domains, training curves).")]
    public string? Report { get; init; }

    /// <summary>JSON.</summary>
    [CommandOption("--json")]
    [Description("Print the build summary (recipe, bank, training, decision, validation table, times) as JSON on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        foreach (var (value, option) in new[] { (Lattice, "--lattice"), (Composition, "--composition"), (Element, "--element"), (Structure, "--structure") })
        {
            if (string.IsNullOrWhiteSpace(value)) return ValidationResult.Error($"{option} is required (e.g. --lattice bcc -a 0.287 --composition Fe:80,Al:20 --element Al --structure B2)");
        }
        if (A is null) return ValidationResult.Error("-a|--lattice-parameter is required: the lattice parameter in nm");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required: the model file to write");
        var given = new[] { MapThreshold is not null, MapDomainFraction is not null, MapMinDomain is not null };
        if (given.Any(g => g) && !given.All(g => g))
            return ValidationResult.Error("--map-threshold, --map-domain-fraction and --map-min-domain: give all three (the decision) or none (tuned)");
        if (VoxelLabel is not ("cube" or "sphere-0.75"))
            return ValidationResult.Error($"--voxel-label '{VoxelLabel}': expected cube or sphere-0.75");
        if (SpecimenRanges is not ("envelope" or "validation"))
            return ValidationResult.Error($"--specimen-ranges '{SpecimenRanges}': expected envelope or validation");
        try
        {
            ToRecipe();
        }
        catch (InputException e)
        {
            return ValidationResult.Error(OptionNames.Spell(e.Message));
        }
        return base.Validate();
    }

    /// <summary>The recipe these settings describe; a bad value is an <see cref="InputException"/> naming its parameter.</summary>
    public ModelRecipe ToRecipe()
    {
        var alloy = AlloySpec.Parse(Lattice!, A!.Value, Composition!, Element!, Structure!, Pole, Charges);
        var recipe = new ModelRecipe(alloy, ModelRecipe.ParseChannels(alloy, Channels))
        {
            Seed = Seed,
            Specimens = Specimens,
            DomainFree = DomainFree,
            SamplesPerSpecimen = ModelRecipe.ParseSamples(SamplesPerSpecimen),
            Envelope = SpecimenRanges == "envelope",
            Label = VoxelLabel == "cube" ? BankVoxelLabel.Cube : BankVoxelLabel.Sphere075,
            Epochs = Epochs,
            TuningSpecimens = MapThreshold is null ? TuningSpecimens : 0,
            ValidationSpecimens = ValidationSpecimens,
            CheckSize = ModelRecipe.ParseSize(CheckSize),
            Decision = MapThreshold is { } t ? new DecisionSettings(t, MapDomainFraction!.Value, MapMinDomain!.Value) : null,
        };
        recipe.Validate();
        return recipe;
    }
}
