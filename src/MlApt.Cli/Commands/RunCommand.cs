using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Imaging;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Specimens;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt run</c> (the demo).</summary>
internal sealed class RunSettings : CommonSettings
{
    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for the specimen, the map, the validation and the report.")]
    [DefaultValue("mlapt-demo")]
    public string Out { get; init; } = "mlapt-demo";

    /// <summary>Random seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the specimen and of the control permutation (same seed, same results).")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    /// <summary>Specimen size.</summary>
    [CommandOption("--size <X,Y,Z>")]
    [Description("Specimen size (nm).")]
    [DefaultValue("20,20,40")]
    public string Size { get; init; } = "20,20,40";

    /// <summary>Domains.</summary>
    [CommandOption("--domains <N>")]
    [Description("Ni–Ni CSRO (L1₂) domains in the specimen.")]
    [DefaultValue(30)]
    public int Domains { get; init; } = 30;

    /// <summary>Control permutations.</summary>
    [CommandOption("--control <N>")]
    [Description("Random-label controls (seeded permutations of the mass-to-charge values, each mapped identically).")]
    [DefaultValue(3)]
    public int Control { get; init; } = 3;

    /// <summary>How each control is measured.</summary>
    [CommandOption("--control-sample <F>")]
    [Description("How each control is measured: from a seeded random sample of this fraction of the 4 nm blocks (exactly the full control map inside them, with a standard error), or 'full' for every voxel.")]
    [DefaultValue("0.1")]
    public string ControlSample { get; init; } = "0.1";

    /// <summary>Align first.</summary>
    [CommandOption("--align")]
    [Description("Put the model's pole on z before mapping, as map --align does; the map, its controls and the truth it is scored against are then in the aligned frame.")]
    public bool Align { get; init; }

    /// <summary>Model.</summary>
    [CommandOption("-m|--model <M>")]
    [Description("Model to map with. Default: the embedded default model.")]
    public string? Model { get; init; }

    /// <summary>Order type of the demo.</summary>
    [CommandOption("--pole <P>")]
    [Description("The demo's order type, by the pole along z: 001 (L1₂ Ni domains, ⟨001⟩ along z, mapped with the ⟨001⟩ model) or 111 (L1₁ Ni domains, ⟨111⟩ along z, mapped with the ⟨111⟩ model).")]
    [DefaultValue("001")]
    public string Pole { get; init; } = "001";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Control is < 1 or > 100)
            return ValidationResult.Error($"--control {Control}: expected 1 … 100 permutations");
        if (ControlSampling.TryParse(ControlSample) is null)
            return ValidationResult.Error($"--control-sample '{ControlSample}': expected a fraction 0 < F ≤ 1 of the blocks, or 'full'");
        if (Domains is < 0 or > 100_000)
            return ValidationResult.Error($"--domains {Domains}: expected 0 … 100000");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt run</c>: the demo of the whole method on a specimen with known truth. Simulates a CoCrNi specimen
/// with Ni–Ni CSRO domains, maps it with the default model, runs the random-label control, validates the map
/// against the truth (with the domain-free twin), and writes summary.json, PNG figures and report.md.
/// </summary>
internal sealed class RunCommand(CliIo io) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var order = Crystal.OrderType.Parse(settings.Pole);
        var spec = new SpecimenRequest { Size = settings.Size, Domains = settings.Domains, Seed = settings.Seed }.ToSpec().WithOrder(order);
        var profile = MapProfile.Resolve("default", settings.Model, null, null, order: settings.Pole == "001" && settings.Model is not null ? null : order);
        var showLaps = !Console.IsErrorRedirected || !ReferenceEquals(io.Error, Console.Error);
        var demo = DemoRun.Run(settings.Out, spec, profile, settings.Control, settings.Seed,
            showLaps ? (step, seconds) => io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mlapt: {step} ({seconds:F1} s)")) : null,
            cancellationToken, "--out", settings.Align ? MapAlignment.OptionsFor(profile.Ensemble.Metadata) : null,
            ControlSampling.TryParse(settings.ControlSample));

        var stats = demo.Analysis.Statistics!;
        io.Heading($"ML-APT demo: simulated CoCrNi specimen, {order.Describe()}");
        io.Ansi.MarkupLine(Markup.Escape(profile.LookedForSentence(demo.Outcome.Map.Pairs, "run")));
        if (demo.Outcome.Alignment is { } alignment)
            io.Ansi.WriteLine(Markup.Escape(AlignmentReport.Describe(alignment, "summary.json")));
        io.Ansi.Write(ValidationTable.Of(demo.Outcome));
        io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Random-label control ({demo.Analysis.Controls.Count} permutations): mean volume fraction {100 * stats.ControlVolumeFractions.Average():F3} % (real {100 * demo.Analysis.Map.VolumeFraction:F3} %), {stats.DescribePValue()}. Done in {demo.Seconds:F1} s.")));
        io.Ansi.MarkupLine(Markup.Escape($"Report: {demo.Report}, summary: {demo.Summary}"));
        return MlAptApp.Ok;
    }
}
