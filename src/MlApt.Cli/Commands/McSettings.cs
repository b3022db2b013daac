using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt mc</c>.</summary>
internal sealed class McSettings : CommonSettings
{
    /// <summary>Lattice.</summary>
    [CommandOption("--lattice <L>")]
    [Description("fcc or bcc: the periodic crystal of conventional cells.")]
    [DefaultValue("fcc")]
    public string Lattice { get; init; } = "fcc";

    /// <summary>Cells per axis.</summary>
    [CommandOption("--cells <N>")]
    [Description("N × N × N periodic cells (FCC: 4N³ sites, BCC: 2N³); at least 3 so that three shells fit.")]
    [DefaultValue(10)]
    public int Cells { get; init; } = 10;

    /// <summary>Lattice parameter.</summary>
    [CommandOption("-a|--lattice-parameter <NM>")]
    [Description("Lattice parameter a (nm) of the written positions (-a or --lattice-parameter; Spectre.Console allows no one-letter long option, so `--a` is spelled -a).")]
    [DefaultValue(0.356)]
    public double LatticeParameter { get; init; } = 0.356;

    /// <summary>Composition.</summary>
    [CommandOption("--composition <C>")]
    [Description("Integer weights per element, normalised, e.g. Co:1,Cr:1,Ni:1; exact atom counts (largest remainder). Required.")]
    public string? Composition { get; init; }

    /// <summary>Pair interactions.</summary>
    [CommandOption("--pair <TERM>")]
    [Description("Effective pair interaction A-B:shell=energy (eV, shell 1-3, unordered pair), e.g. Co-Cr:1=-0.02; repeat for more. Unset pairs are 0.")]
    public string[] Pairs { get; init; } = [];

    /// <summary>Temperature.</summary>
    [CommandOption("-T|--temperature <K>")]
    [Description("Temperature (K); 0 quenches (only swaps that do not raise the energy). Required.")]
    public double? Temperature { get; init; }

    /// <summary>Sweeps.</summary>
    [CommandOption("--sweeps <S>")]
    [Description("Monte Carlo sweeps; one sweep is as many swap attempts as sites.")]
    [DefaultValue(1000)]
    public int Sweeps { get; init; } = 1000;

    /// <summary>Sweeps whose configurations α is averaged over.</summary>
    [CommandOption("--average <N>")]
    [Description("Average α over the configurations after each of the last N sweeps (1: the final configuration only, as `mlapt sro` of --out gives).")]
    [DefaultValue(1)]
    public int Average { get; init; } = 1;

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Random seed of the initial occupation and the swaps; the same seed gives the same run.")]
    [DefaultValue(42L)]
    public long Seed { get; init; } = 42;

    /// <summary>Output configuration.</summary>
    [CommandOption("-o|--out <EXTXYZ>")]
    [Description("Final configuration as extended XYZ (Å; readable by OVITO and ASE). Required.")]
    public string? Out { get; init; }

    /// <summary>Energy trace.</summary>
    [CommandOption("--trace <CSV>")]
    [Description("Energy trace CSV (sweep, energy_per_atom_ev, acceptance of that sweep); default: beside --out as NAME.energy.csv.")]
    public string? Trace { get; init; }

    /// <summary>JSON output.</summary>
    [CommandOption("--json")]
    [Description("Print {\"warren_cowley\": {\"1\": {\"A-B\": α, …}, …}, \"energy_per_atom\": e, \"acceptance\": a} instead of tables.")]
    public bool Json { get; init; }

    /// <summary>The parsed lattice.</summary>
    internal MlApt.Crystal.Lattice ParsedLattice =>
        Lattice.Equals("bcc", StringComparison.OrdinalIgnoreCase) ? MlApt.Crystal.Lattice.Bcc : MlApt.Crystal.Lattice.Fcc;

    /// <summary>The energy trace path.</summary>
    internal string TracePath => Trace ?? Path.Combine(Path.GetDirectoryName(Out!) ?? "", Path.GetFileNameWithoutExtension(Out!) + ".energy.csv");

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var ic = CultureInfo.InvariantCulture;
        if (!Lattice.Equals("fcc", StringComparison.OrdinalIgnoreCase) && !Lattice.Equals("bcc", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--lattice '{Lattice}': expected fcc or bcc");
        if (Cells is < 3 or > 64)
            return ValidationResult.Error(string.Create(ic, $"--cells {Cells}: expected 3 … 64 (three neighbour shells need at least 3 cells)"));
        if (!(LatticeParameter > 0) || LatticeParameter > 10)
            return ValidationResult.Error(string.Create(ic, $"-a {LatticeParameter}: expected a lattice parameter in nm, 0 < a ≤ 10"));
        if (string.IsNullOrWhiteSpace(Composition))
            return ValidationResult.Error("--composition is required, e.g. Co:1,Cr:1,Ni:1");
        if (Temperature is null)
            return ValidationResult.Error("--temperature is required: the temperature in K");
        if (!(Temperature >= 0) || !double.IsFinite(Temperature.Value))
            return ValidationResult.Error(string.Create(ic, $"--temperature {Temperature}: expected a finite temperature ≥ 0 K"));
        if (Sweeps is < 0 or > 10_000_000)
            return ValidationResult.Error(string.Create(ic, $"--sweeps {Sweeps}: expected 0 … 10000000"));
        if (Average < 1 || Average > Math.Max(1, Sweeps))
            return ValidationResult.Error(string.Create(ic, $"--average {Average}: expected 1 … --sweeps ({Sweeps})"));
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the extended XYZ file to write");
        return base.Validate();
    }
}
