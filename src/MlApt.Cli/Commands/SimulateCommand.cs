using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Specimens;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt simulate</c>.</summary>
internal sealed class SimulateSettings : CommonSettings
{
    /// <summary>Output POS.</summary>
    [CommandOption("-o|--out <S.pos>")]
    [Description("Reconstruction to write (.pos, .epos, .apt or .csv); S.truth.json and S.rrng are written next to it. Required.")]
    public string? Out { get; init; }

    /// <summary>Size.</summary>
    [CommandOption("--size <X,Y,Z>")]
    [Description("Specimen size in nm: x, y centred on the axis, z from −Z to 0.")]
    [DefaultValue("20,20,40")]
    public string Size { get; init; } = "20,20,40";

    /// <summary>Lattice.</summary>
    [CommandOption("--lattice <L>")]
    [Description("fcc or bcc.")]
    [DefaultValue("fcc")]
    public string Lattice { get; init; } = "fcc";

    /// <summary>Lattice parameter.</summary>
    [CommandOption("-a|--lattice-parameter <NM>")]
    [Description("Lattice parameter a (nm).")]
    [DefaultValue(0.356)]
    public double A { get; init; } = 0.356;

    /// <summary>Composition.</summary>
    [CommandOption("--composition <C>")]
    [Description("Matrix composition Element:amount,… (normalised), e.g. Co:1,Cr:1,Ni:1. Elements: Al, Co, Cr, Cu, Fe, Mn, Ni, Ti.")]
    [DefaultValue("Co:1,Cr:1,Ni:1")]
    public string Composition { get; init; } = "Co:1,Cr:1,Ni:1";

    /// <summary>Domains.</summary>
    [CommandOption("--domains <N>")]
    [Description("Number of ordered spherical domains (0: a domain-free specimen).")]
    [DefaultValue(30)]
    public int Domains { get; init; } = 30;

    /// <summary>Radius range.</summary>
    [CommandOption("--radius <MIN-MAX>")]
    [Description("Domain radius in nm, uniform in MIN-MAX (or one value).")]
    [DefaultValue("1.0-1.8")]
    public string Radius { get; init; } = "1.0-1.8";

    /// <summary>Ordered element.</summary>
    [CommandOption("--element <E>")]
    [Description("The ordered element (on the ordered sublattice of the domains).")]
    [DefaultValue("Ni")]
    public string Element { get; init; } = "Ni";

    /// <summary>Structure.</summary>
    [CommandOption("--structure <S>")]
    [Description("Domain structure: L12 (the element on the cube corners: alternate (002) planes), L11 (the element on alternate (111) planes) or L10 (fcc), B2 or D03 (bcc).")]
    [DefaultValue("L12")]
    public string Structure { get; init; } = "L12";

    /// <summary>Order parameter.</summary>
    [CommandOption("--order <S>")]
    [Description("Order parameter S (0 … 1): a domain site holds its ideal element with probability S, else a matrix draw.")]
    [DefaultValue(1.0)]
    public double Order { get; init; } = 1.0;

    /// <summary>Efficiency.</summary>
    [CommandOption("--eta <η>")]
    [Description("Detection efficiency η.")]
    [DefaultValue(0.5)]
    public double Eta { get; init; } = 0.5;

    /// <summary>σxy.</summary>
    [CommandOption("--sigma-xy <NM>")]
    [Description("Lateral position noise σxy (nm).")]
    [DefaultValue(0.3)]
    public double SigmaXy { get; init; } = 0.3;

    /// <summary>σz.</summary>
    [CommandOption("--sigma-z <NM>")]
    [Description("Depth position noise σz (nm).")]
    [DefaultValue(0.03)]
    public double SigmaZ { get; init; } = 0.03;

    /// <summary>Orientation.</summary>
    [CommandOption("--orientation <H,K,L>")]
    [Description("Crystal direction along z.")]
    [DefaultValue("0,0,1")]
    public string Orientation { get; init; } = "0,0,1";

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Random seed (same options and seed, same files).")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Charge states.</summary>
    [CommandOption("--charges <C>")]
    [Description("Charge state of each element's ions, Element:charge,… (default: every ion 2+), e.g. Fe:2,Al:1: ⁵⁴Fe²⁺ then falls on Al⁺ at 27 Da as in real Fe–Al data, and the range file calls those ions Al.")]
    public string? Charges { get; init; }

    /// <summary>JSON output.</summary>
    [CommandOption("--from <CFG>")]
    [Description("Simulate the detection of an atomistic configuration (extended XYZ, e.g. from mlapt mc) instead of a random matrix with domains: it repeats periodically to fill --size, the --orientation direction goes along z, each ion keeps its true species (written to NAME.species.npy). Composition, lattice and domain options do not apply.")]
    public string? From { get; init; }

    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print the truth summary as JSON on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the reconstruction to write (e.g. S.pos)");
        return base.Validate();
    }

    /// <summary>The spec these settings describe; bad values give an <see cref="InputException"/> naming the option.</summary>
    public SpecimenSpec ToSpec() => new SpecimenRequest
    {
        Size = Size, Lattice = Lattice, LatticeParameter = A, Composition = Composition, Domains = Domains, Radius = Radius, Element = Element,
        Structure = Structure, Order = Order, Eta = Eta, SigmaXy = SigmaXy, SigmaZ = SigmaZ, Orientation = Orientation, Seed = Seed, Charges = Charges,
    }.ToSpec();
}

/// <summary>
/// <c>mlapt simulate</c>: a random solid-solution specimen with embedded ordered domains through the detector
/// model (METHOD §10), written as a reconstruction, its truth file and a matching range file.
/// </summary>
internal sealed class SimulateCommand(CliIo io) : Command<SimulateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.From is not null)
            return FromConfiguration(settings);
        var spec = settings.ToSpec();
        SimulatedSpecimen specimen;
        try
        {
            specimen = SimulatedSpecimen.Generate(spec);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message, e); // e.g. more domains than fit: the message names the parameter
        }
        var (paths, truth) = SpecimenFiles.Write(settings.Out!, specimen);
        if (settings.Json)
        {
            io.Out.WriteLine(truth);
        }
        else
        {
            io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {paths.Recon} ({specimen.Cloud.Count:N0} ions, {specimen.Domains.Count} domains, true volume fraction {100 * specimen.TrueVolumeFraction:F2} %), {paths.Truth} and {paths.Ranges}.")));
        }
        return MlAptApp.Ok;
    }

    private int FromConfiguration(SimulateSettings settings)
    {
        var spec = settings.ToSpec(); // validates the shared options (size, η, σ, orientation)
        var (specimen, frame, speciesPath, paths, truth) = ConfigurationFiles.Write(settings.From!, settings.Out!, spec);
        if (settings.Json)
            io.Out.WriteLine(truth);
        else
            io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {paths.Recon} ({specimen.Cloud.Count:N0} ions from {frame.Count:N0}-atom {settings.From}), {speciesPath}, {paths.Truth} and {paths.Ranges}.")));
        return MlAptApp.Ok;
    }
}
