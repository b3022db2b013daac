using MlApt.Imaging;
using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>
/// The options that decide how a map is made, shared by <c>map</c> and <c>validate</c>: the model and
/// profile, the voxel geometry and the sub-voxel decision.
/// </summary>
internal class MapDecisionSettings : CommonSettings
{
    /// <summary>Model.</summary>
    [CommandOption("-m|--model <M>")]
    [Description("Model: an MlApt model file (.safetensors), a Keras .h5, or a directory of .h5 files (an ensemble). Default: the embedded default model.")]
    public string? Model { get; init; }

    /// <summary>Pole: the built-in model's order type.</summary>
    [CommandOption("--pole <P>")]
    [Description("The order type to look for, by the crystal pole along z: 001 (L1₂-type Ni order along ⟨001⟩, the default) or 111 (L1₁-type Ni order along ⟨111⟩). Chooses the built-in model; with --model, the model must be made for it. Default: 001, or the --model's own.")]
    public string? Pole { get; init; }

    /// <summary>The order type asked for with --pole (null: not given); bad values are one input-error line.</summary>
    public Crystal.OrderType? PoleOrder => Pole is null ? null : Crystal.OrderType.Parse(Pole);

    /// <summary>The map profile these settings ask for (model, pole, decision).</summary>
    public MapProfile ResolveProfile() =>
        MapProfile.Resolve(Profile, Model, Rule, Threshold, MinDomain, DomainFraction, PoleOrder);

    /// <summary>Profile.</summary>
    [CommandOption("--profile <P>")]
    [Description("default (the given or embedded model with the decision it was tuned for) or reference (the published pipeline exactly: sum rule, threshold 3.75; needs --model).")]
    [DefaultValue("default")]
    public string Profile { get; init; } = "default";

    /// <summary>Voxel edge.</summary>
    [CommandOption("--voxel <NM>")]
    [Description("Voxel edge (nm). The sphere radius is 0.75 × voxel in the reference profile; a model may record its own factor (the default model: 1.25).")]
    [DefaultValue(1.0)]
    public double Voxel { get; init; } = 1.0;

    /// <summary>Stride.</summary>
    [CommandOption("--stride <NM>")]
    [Description("Voxel stride = sub-voxel edge (nm); the voxel must be a whole number of strides.")]
    [DefaultValue(0.5)]
    public double Stride { get; init; } = 0.5;

    /// <summary>Smallest domain kept.</summary>
    [CommandOption("--min-domain <N>")]
    [Description("Drop selected connected domains of fewer than N sub-voxels (0 keeps all, the reference). Default: the profile's.")]
    public int? MinDomain { get; init; }

    /// <summary>Fraction of each domain's mean score.</summary>
    [CommandOption("--domain-fraction <F>")]
    [Description("Within each selected connected domain, keep only the sub-voxels whose score exceeds F × the domain's mean score (0 … <1; 0 is off, the reference). Default: the profile's.")]
    public double? DomainFraction { get; init; }

    /// <summary>Threshold.</summary>
    [CommandOption("--threshold <T>")]
    [Description("Decision threshold: of the summed score (0 … 8, reference 3.75) or, with --rule mean, of the mean (0 … 1; default 3.75/8). Default: the profile's.")]
    public double? Threshold { get; init; }

    /// <summary>Decision rule.</summary>
    [CommandOption("--rule <RULE>")]
    [Description("sum (reference: sum of P over covering voxels) or mean (mean over covering voxels, no edge bias). Default: the profile's.")]
    public string? Rule { get; init; }

    /// <summary>Align first.</summary>
    [CommandOption("--align")]
    [Description("First put the model's crystal pole on z, as mlapt align does (the pole, lattice and lattice parameter from the model's metadata; ⟨001⟩, FCC, 0.356 nm when it has none), then map in that aligned frame: every output, and --box, are in the aligned frame; the summary records the alignment. Exit 2 when no such pole lies within --max-tilt.")]
    public bool Align { get; init; }

    /// <summary>Tilt limit of --align.</summary>
    [CommandOption("--max-tilt <DEG>")]
    [Description("With --align: largest angle (degrees) between z and the pole searched.")]
    [DefaultValue(20.0)]
    public double MaxTilt { get; init; } = 20;

    /// <summary>The alignment search these settings ask of <paramref name="profile"/>'s model; null without --align.</summary>
    public Crystal.PoleAlignmentOptions? AlignOptions(MapProfile profile) =>
        Align ? MapAlignment.OptionsFor(profile.Ensemble.Metadata, MaxTilt) : null;

    /// <summary>The checks both commands need: a known profile, a model for the reference, a valid rule and geometry.</summary>
    public override ValidationResult Validate()
    {
        if (!MapProfile.Names.Contains(Profile.ToLowerInvariant()))
            return ValidationResult.Error($"--profile '{Profile}': expected default or reference");
        if (Profile.Equals("reference", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(Model))
            return ValidationResult.Error("--profile reference needs --model: the published models (e.g. the folder of the authors' Keras .h5 files)");
        if (Rule is not null && !Rule.Equals("sum", StringComparison.OrdinalIgnoreCase) && !Rule.Equals("mean", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--rule '{Rule}': expected sum or mean");
        if (!double.IsFinite(Voxel) || !double.IsFinite(Stride) || !(Voxel > 0) || !(Stride > 0) || Stride > Voxel)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--voxel {Voxel} --stride {Stride}: expected 0 < stride ≤ voxel, both finite"));
        var ratio = Voxel / Stride;
        if (Math.Abs(ratio - Math.Round(ratio)) > 1e-9)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--voxel {Voxel} is not a whole number of --stride {Stride}"));
        if (DomainFraction is { } pf && !(pf >= 0 && pf < 1))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--domain-fraction {pf}: expected 0 ≤ F < 1"));
        if (Threshold is { } t && !double.IsFinite(t))
            return ValidationResult.Error("--threshold must be a finite number");
        if (!(MaxTilt is > 0 and <= 45))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--max-tilt {MaxTilt}: expected 0 < degrees ≤ 45"));
        if (MaxTilt != 20 && !Align)
            return ValidationResult.Error("--max-tilt applies to the search of --align only: add --align, or leave --max-tilt out");
        if (MinDomain is < 0)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--min-domain {MinDomain}: expected a whole number of sub-voxels ≥ 0"));
        return base.Validate();
    }
}
