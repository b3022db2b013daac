using System.Diagnostics;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console.Cli;
using MlApt.Banks;
using MlApt.Numerics;
using MlApt.Validation;

namespace MlApt.Cli.Commands;

/// <summary>
/// <c>mlapt bank</c>: generates a simulated z-SDM pattern bank (a preset or custom classes) or imports
/// the published bank layout, and writes it as NPZ (x, y, params, metadata.json), optionally with
/// the mean profile of every class as PNG.
/// </summary>
internal sealed class BankCommand(CliIo io) : Command<BankSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BankSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        OutputFolder.CheckFile(settings.Out!, "--out");
        using var plotFolder = settings.Plot is null ? null : OutputFolder.Begin(settings.Plot, "--plot");
        PatternBank bank;
        if (settings.Import is not null)
            bank = PublishedBank.Import(settings.Import, settings.Label!.Value, settings.Classes is null ? null : CustomBank.ParseClassNames(settings.Classes));
        else if (settings.Specimens is { } specimens)
            bank = SpecimenBank.Generate(new SpecimenBankOptions(specimens, settings.Seed)
                {
                    Order = Crystal.OrderType.Parse(settings.Pole),
                    DomainFree = settings.DomainFree,
                    Ranges = settings.SpecimenRanges == "envelope" ? SpecimenBankRanges.Envelope : SpecimenBankRanges.Validation,
                    SamplesPerSpecimen = settings.SamplesPerSpecimen,
                    Label = settings.VoxelLabel == "sphere-0.75" ? BankVoxelLabel.Sphere075 : BankVoxelLabel.Cube,
                    Stage = SdmStageText.Parse(settings.SdmStage, "sdm-stage"),
                    SphereRadius = settings.SphereRadius,
                    Pairs = ElementPair.ParseList(settings.Channels ?? "Ni-Ni", "channels"),
                },
                n => io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mlapt: specimen {n}/{specimens + settings.DomainFree}")));
        else
            bank = BankGenerator.Generate(settings.Preset is not null ? BankPresets.Get(settings.Preset) : settings.ToCustomBank().ToSpec(), settings.Seed, settings.Threads);
        var generated = clock.Elapsed.TotalSeconds;
        BankFile.Save(settings.Out!, bank, Provenance.Program);
        IReadOnlyList<string> plots = [];
        if (plotFolder is not null)
        {
            var written = BankPlots.SaveClassMeans(plotFolder.Path, bank);
            cancellationToken.ThrowIfCancellationRequested();
            plotFolder.Commit();
            plots = [.. written.Select(plotFolder.FinalPath)];
        }

        if (settings.Json)
            io.Out.WriteLine(BankSummary.Json(bank, settings.Out!, generated, plots, Provenance.Version));
        var counts = BankSummary.ClassCounts(bank);
        var classes = string.Join(", ", bank.Info.ClassNames.Select((n, c) => string.Create(CultureInfo.InvariantCulture, $"{n} {counts[c]}")));
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: bank {bank.Info.Preset}: {bank.Count} samples ({classes}), channel(s) {string.Join(", ", bank.Info.Channels)}, made in {generated:F2} s, written to {settings.Out}"));
        return MlAptApp.Ok;
    }
}
