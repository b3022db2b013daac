using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Banks;
using MlApt.Sdm;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt bank</c>: a preset, a custom bank, or an import of the published layout.</summary>
internal sealed class BankSettings : CommonSettings
{
    /// <summary>Specimen bank.</summary>
    [CommandOption("--specimens <N>")]
    [Description("Cut the bank from N simulated CoCrNi specimens with L1₂ Ni domains (or, with --pole 111, L1₁ Ni domains along ⟨111⟩): the map's own voxel z-SDMs, labelled CSRO as --voxel-label says (the default models' bank).")]
    public int? Specimens { get; init; }

    /// <summary>Order type of the specimen bank.</summary>
    [CommandOption("--pole <P>")]
    [Description("With --specimens: the order type the specimens hold, by the pole along z: 001 (L1₂ Ni domains, ⟨001⟩ along z) or 111 (L1₁ Ni domains: Ni on alternate (111) planes, ⟨111⟩ along z).")]
    [DefaultValue("001")]
    public string Pole { get; init; } = "001";

    /// <summary>How the specimen bank labels a voxel CSRO.</summary>
    [CommandOption("--voxel-label <L>")]
    [Description("With --specimens: cube (CSRO when half the voxel itself, its 1 nm cube, lies in a domain) or sphere-0.75 (when half a 0.75 nm sphere about its centre does, whatever --sphere-radius: how the embedded models' banks were labelled; a domain under about 0.6 nm in radius never fills it).")]
    [DefaultValue("cube")]
    public string VoxelLabel { get; init; } = "cube";

    /// <summary>Domain-free specimens of the specimen bank.</summary>
    [CommandOption("--domain-free <N>")]
    [Description("With --specimens: also N domain-free specimens, drawn from the same ranges, whose voxels are all matrix (negatives).")]
    [DefaultValue(0)]
    public int DomainFree { get; init; }

    /// <summary>Parameter ranges of the specimen bank.</summary>
    [CommandOption("--specimen-ranges <R>")]
    [Description("With --specimens: validation (η 0.30–0.65, σxy 0.25–0.55 nm, σz 0.025–0.045 nm, S 0.7–1.0, radii 0.8–2.0 nm, equiatomic, no tilt) or envelope (radii 0.5–2.0 nm, S 0.45–1.0, η 0.25–0.8, σxy 0.2–0.7 nm, σz 0.02–0.06 nm, tilt 0–8°, z-scale 0.9–1.1, non-equiatomic).")]
    [DefaultValue("validation")]
    public string SpecimenRanges { get; init; } = "validation";

    /// <summary>Samples per specimen at most.</summary>
    [CommandOption("--samples-per-specimen <N>")]
    [Description("With --specimens: keep at most N voxels per specimen (CSRO : matrix 1 : 3; a domain-free specimen gives N matrix voxels; default: every CSRO voxel, 2000 per domain-free specimen).")]
    public int? SamplesPerSpecimen { get; init; }

    /// <summary>Stage of the specimen bank's z-SDMs.</summary>
    [CommandOption("--sdm-stage <S>")]
    [Description("With --specimens: preprocessed (the published preprocessing, as the reference map) or normalized (min–max only).")]
    [DefaultValue("preprocessed")]
    public string SdmStage { get; init; } = "preprocessed";

    /// <summary>Sphere radius of the specimen bank.</summary>
    [CommandOption("--sphere-radius <NM>")]
    [Description("With --specimens: radius of the voxel sphere whose atoms make each z-SDM (reference 0.75 nm).")]
    [DefaultValue(VoxelScanOptions.DefaultSphereRadius)]
    public double SphereRadius { get; init; } = VoxelScanOptions.DefaultSphereRadius;

    /// <summary>Preset name.</summary>
    [CommandOption("--preset <P>")]
    [Description("Named bank: cocrni-reference (the published bank: FCC vs L1₂ along <002>, 5200 samples), cocrni-111 (FCC vs L1₁ along <111>), feal-reference (BCC vs B2 vs D0₃, Fe-Fe and Al-Al channels).")]
    public string? Preset { get; init; }

    /// <summary>Published-layout file to import.</summary>
    [CommandOption("--import <NPY>")]
    [Description("Import a bank in the published layout: float64 .npy of shape (93, 2N), a Δz column and a raw count column per sample. Needs --label.")]
    public string? Import { get; init; }

    /// <summary>Label of imported samples.</summary>
    [CommandOption("--label <N>")]
    [Description("Class index given to every imported sample (with --import).")]
    public int? Label { get; init; }

    /// <summary>Class names.</summary>
    [CommandOption("--classes <NAMES>")]
    [Description("Comma-separated class names by label (import default: FCC,CSRO; custom default: the structure names).")]
    public string? Classes { get; init; }

    /// <summary>Output bank.</summary>
    [CommandOption("-o|--out <NPZ>")]
    [Description("Output .npz: x float32 (N, C, 93), y int32 (N), params float64 (N, 7), metadata.json. Required.")]
    public string? Out { get; init; }

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Random seed; the same seed gives the same bank whatever the number of threads.")]
    [DefaultValue(42L)]
    public long Seed { get; init; } = 42;

    /// <summary>Plot folder.</summary>
    [CommandOption("--plot <DIR>")]
    [Description("Write the mean z-SDM of every class and channel as PNG into this folder.")]
    public string? Plot { get; init; }

    /// <summary>JSON summary.</summary>
    [CommandOption("--json")]
    [Description("Print a JSON summary on stdout.")]
    public bool Json { get; init; }

    /// <summary>Custom classes.</summary>
    [CommandOption("--structure <S>")]
    [Description("Custom bank: comma-separated classes, each fcc, bcc (pure element), fcc-ss, bcc-ss (random solid solution of --composition), l12, l10, l11, b2, d03 (--element on the ordered sublattice, --other elsewhere) or a JSON cell file.")]
    public string? Structure { get; init; }

    /// <summary>Element of interest.</summary>
    [CommandOption("--element <E>")]
    [Description("Element of interest (custom bank; default Co): the pure element, and the ordered sublattice's element.")]
    public string? Element { get; init; }

    /// <summary>Other element of ordered motifs.</summary>
    [CommandOption("--other <X>")]
    [Description("Element on the other sites of ordered motifs (custom bank; default X).")]
    public string? Other { get; init; }

    /// <summary>Solid-solution composition.</summary>
    [CommandOption("--composition <C>")]
    [Description("Composition of fcc-ss/bcc-ss classes, e.g. Fe:0.75,Al:0.25.")]
    public string? Composition { get; init; }

    /// <summary>Partial order.</summary>
    [CommandOption("--order <S>")]
    [Description("Partial order 0…1 of ordered motifs: a site keeps its ordered element with probability S, else draws from the composition (default 1).")]
    public double? Order { get; init; }

    /// <summary>Direction along z.</summary>
    [CommandOption("--orientation <HKL>")]
    [Description("Crystal direction h,k,l put along z (custom bank; default 0,0,1). 1,0,1 and 1,1,1 use the published rotation matrices.")]
    public string? Orientation { get; init; }

    /// <summary>Lattice parameter axis.</summary>
    [CommandOption("-a|--lattice <NM>")]
    [Description("Lattice parameter a (nm; -a or --lattice): a value, list, grid start:stop:step or range min:max (custom bank; default 0.36).")]
    public string? LatticeParameter { get; init; }

    /// <summary>Supercell size.</summary>
    [CommandOption("--cells <N>")]
    [Description("Crystal of N × N × N cells, boundary sites included (custom bank; default 3: 172 FCC sites).")]
    public int? Cells { get; init; }

    /// <summary>Channels.</summary>
    [CommandOption("--channels <PAIRS>")]
    [Description("Comma-separated element pairs, one input channel each, e.g. Fe-Fe,Al-Al (custom or specimen bank; default element-element, Ni-Ni for --specimens).")]
    public string? Channels { get; init; }

    /// <summary>σxy axis.</summary>
    [CommandOption("--sigma-xy <NM>")]
    [Description("Lateral noise σxy (nm): value, list, grid start:stop:step, or range min:max with --samples (default 0.2:0.8:0.05).")]
    public string? SigmaXy { get; init; }

    /// <summary>σz axis.</summary>
    [CommandOption("--sigma-z <NM>")]
    [Description("Depth noise σz (nm), same forms (default 0.010:0.058:0.002).")]
    public string? SigmaZ { get; init; }

    /// <summary>η axis.</summary>
    [CommandOption("--eta <E>")]
    [Description("Detection efficiency 0…1, same forms (default 0.2:0.65:0.05).")]
    public string? Eta { get; init; }

    /// <summary>Tilt axis.</summary>
    [CommandOption("--tilt <DEG>")]
    [Description("Tilt of the direction away from z (degrees, random azimuth), same forms (default 0).")]
    public string? Tilt { get; init; }

    /// <summary>Random sampling.</summary>
    [CommandOption("--samples <N>")]
    [Description("Random sampling: N samples per class, each parameter uniform in its [[min, max]], instead of the grid.")]
    public int? Samples { get; init; }

    /// <summary>The custom bank these settings describe (with --structure).</summary>
    internal CustomBank ToCustomBank() => new()
    {
        Structure = Structure!, Element = Element, Other = Other, Composition = Composition, Classes = Classes, Channels = Channels,
        Orientation = Orientation, Order = Order, Cells = Cells, Samples = Samples, SigmaXy = SigmaXy, SigmaZ = SigmaZ, Eta = Eta, Tilt = Tilt,
        LatticeParameter = LatticeParameter,
    };

    /// <summary>Custom-bank options that were given (name, given).</summary>
    internal IEnumerable<(string Option, bool Given)> CustomOptions =>
    [
        ("--structure", Structure is not null), ("--element", Element is not null), ("--other", Other is not null),
        ("--composition", Composition is not null), ("--order", Order is not null), ("--orientation", Orientation is not null),
        ("--lattice", LatticeParameter is not null), ("--cells", Cells is not null), ("--channels", Channels is not null && Specimens is null),
        ("--sigma-xy", SigmaXy is not null), ("--sigma-z", SigmaZ is not null), ("--eta", Eta is not null),
        ("--tilt", Tilt is not null), ("--samples", Samples is not null),
    ];

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var modes = (Preset is not null ? 1 : 0) + (Import is not null ? 1 : 0) + (Structure is not null ? 1 : 0) + (Specimens is not null ? 1 : 0);
        if (modes != 1)
            return ValidationResult.Error("bank: give exactly one of --preset, --import, --structure or --specimens");
        if (Specimens is { } sp && sp is < 1 or > 10_000)
            return ValidationResult.Error(Invariant($"--specimens {sp}: expected 1 … 10000"));
        if (Specimens is null && (DomainFree != 0 || SamplesPerSpecimen is not null || SpecimenRanges != "validation" || VoxelLabel != "cube"))
            return ValidationResult.Error("--domain-free, --samples-per-specimen, --specimen-ranges and --voxel-label: only with --specimens");
        if (DomainFree is < 0 or > 10_000)
            return ValidationResult.Error(Invariant($"--domain-free {DomainFree}: expected 0 … 10000"));
        if (SamplesPerSpecimen is { } per && per is < 4 or > 10_000_000)
            return ValidationResult.Error(Invariant($"--samples-per-specimen {per}: expected 4 … 10000000"));
        if (SpecimenRanges is not ("validation" or "envelope"))
            return ValidationResult.Error($"--specimen-ranges '{SpecimenRanges}': expected validation or envelope");
        if (VoxelLabel is not ("cube" or "sphere-0.75"))
            return ValidationResult.Error($"--voxel-label '{VoxelLabel}': expected cube or sphere-0.75");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the .npz to write");
        if (Preset is not null && !BankPresets.Names.Contains(Preset))
            return ValidationResult.Error($"--preset '{Preset}': expected {string.Join(", ", BankPresets.Names)}");
        if (Preset is not null || Import is not null || Specimens is not null)
        {
            var mode = Preset is not null ? "--preset" : Import is not null ? "--import" : "--specimens";
            foreach (var (option, given) in CustomOptions)
            {
                if (given) return ValidationResult.Error($"{option}: only for custom banks (--structure), not with {mode}");
            }
        }
        if (Specimens is null && Pole != "001")
            return ValidationResult.Error("--pole: only with --specimens");
        if (Import is not null && Label is null)
            return ValidationResult.Error("--label is required with --import: the class index of the imported samples");
        if (Import is null && Label is not null)
            return ValidationResult.Error("--label: only with --import");
        if (Cells is { } c && c is < 1 or > 10)
            return ValidationResult.Error(Invariant($"--cells {c}: expected 1 … 10"));
        if (Samples is { } n && n is < 1 or > 10_000_000)
            return ValidationResult.Error(Invariant($"--samples {n}: expected 1 … 10000000"));
        if (Order is { } o && !(o >= 0 && o <= 1))
            return ValidationResult.Error(Invariant($"--order {o}: expected 0 ≤ S ≤ 1"));
        foreach (var (option, axis) in new[] { ("--sigma-xy", SigmaXy), ("--sigma-z", SigmaZ), ("--eta", Eta), ("--tilt", Tilt), ("--lattice", LatticeParameter) })
        {
            if (Samples is null && axis is not null && !ParameterAxis.Parse(axis, option).IsGrid)
                return ValidationResult.Error($"{option} '{axis}': a range min:max needs --samples (random sampling); give a grid start:stop:step for a grid bank");
        }
        return base.Validate();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
