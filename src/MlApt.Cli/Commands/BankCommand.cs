using System.Diagnostics;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console.Cli;
using MlApt.Banks;

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
        {
            var names = settings.Classes?.Split(',', StringSplitOptions.TrimEntries);
            if (names is not null && (names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Length))
                InputError.In("--classes", $"'{settings.Classes}': class names must be non-empty and distinct");
            bank = PublishedBank.Import(settings.Import, settings.Label!.Value, names);
        }
        else if (settings.Specimens is { } specimens)
        {
            var stage = settings.SdmStage.Equals("normalized", StringComparison.OrdinalIgnoreCase) ? Sdm.SdmStage.Normalized
                : settings.SdmStage.Equals("preprocessed", StringComparison.OrdinalIgnoreCase) ? Sdm.SdmStage.Preprocessed
                : throw new InputException($"--sdm-stage '{settings.SdmStage}': expected preprocessed or normalized");
            if (!(settings.SphereRadius is > 0.1 and <= 3))
                InputError.In("--sphere-radius", $"{settings.SphereRadius}: expected 0.1 … 3 nm");
            var pairs = (settings.Channels ?? "Ni-Ni").Split(',', StringSplitOptions.TrimEntries).Select(p => Sdm.ElementPair.Parse(p, "--channels")).ToList();
            var options = new Validation.SpecimenBankOptions(specimens, settings.Seed)
            {
                DomainFree = settings.DomainFree,
                Ranges = settings.SpecimenRanges == "envelope" ? Validation.SpecimenBankRanges.Envelope : Validation.SpecimenBankRanges.Validation,
                SamplesPerSpecimen = settings.SamplesPerSpecimen,
                Stage = stage,
                SphereRadius = settings.SphereRadius,
                Pairs = pairs,
            };
            var total = specimens + settings.DomainFree;
            bank = Validation.SpecimenBank.Generate(options, n => io.Error.WriteLine(Invariant($"mlapt: specimen {n}/{total}")));
        }
        else
        {
            var spec = settings.Preset is not null ? BankPresets.Get(settings.Preset) : BankCustom.Build(settings);
            bank = BankGenerator.Generate(spec, settings.Seed, settings.Threads);
        }
        var generated = clock.Elapsed.TotalSeconds;
        BankFile.Save(settings.Out!, bank, "mlapt " + ProgramInfo.Version);
        var plots = new List<string>();
        if (plotFolder is not null)
        {
            var written = WritePlots(plotFolder.Path, bank);
            cancellationToken.ThrowIfCancellationRequested();
            plotFolder.Commit();
            plots = written.Select(plotFolder.FinalPath).ToList();
        }

        var counts = bank.Info.ClassNames.Select((_, c) => bank.Y.Count(y => y == c)).ToArray();
        if (settings.Json)
        {
            JsonOutput.Write(io.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("out", Path.GetFullPath(settings.Out!));
                w.WriteString("preset", bank.Info.Preset);
                if (bank.Info.Seed is { } seed) w.WriteNumber("seed", seed); else w.WriteNull("seed");
                w.WriteNumber("samples", bank.Count);
                w.WriteStartArray("classes");
                for (var c = 0; c < counts.Length; c++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("label", c);
                    w.WriteString("name", bank.Info.ClassNames[c]);
                    w.WriteNumber("samples", counts[c]);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("channels");
                foreach (var ch in bank.Info.Channels) w.WriteStringValue(ch);
                w.WriteEndArray();
                w.WriteNumber("resampled", bank.Samples.Count(s => s.Attempts > 1));
                w.WriteNumber("seconds", Math.Round(generated, 3));
                w.WriteStartArray("plots");
                foreach (var p in plots) w.WriteStringValue(p);
                w.WriteEndArray();
                w.WriteString("version", ProgramInfo.Version);
                w.WriteEndObject();
            });
        }
        var classes = string.Join(", ", bank.Info.ClassNames.Select((n, c) => Invariant($"{n} {counts[c]}")));
        io.Error.WriteLine(Invariant(
            $"mlapt: bank {bank.Info.Preset}: {bank.Count} samples ({classes}), channel(s) {string.Join(", ", bank.Info.Channels)}, made in {generated:F2} s, written to {settings.Out}"));
        return MlAptApp.Ok;
    }

    private static List<string> WritePlots(string dir, PatternBank bank)
    {
        var edges = ZSdm.CroppedBinLeftEdges();
        var files = new List<string>();
        for (var c = 0; c < bank.Info.ClassNames.Count; c++)
        {
            if (!bank.Y.Contains(c)) continue;
            for (var ch = 0; ch < bank.ChannelCount; ch++)
            {
                var name = $"mean-{Safe(bank.Info.ClassNames[c])}-{Safe(bank.Info.Channels[ch])}.png";
                var path = Path.Combine(dir, name);
                SdmPlots.SaveZSdm(path, edges, bank.MeanProfile(c, ch),
                    Invariant($"{bank.Info.ClassNames[c]}: mean {bank.Info.Channels[ch]} z-SDM ({bank.Y.Count(y => y == c)} samples)"),
                    "normalised z-SDM (mean)");
                files.Add(Path.GetFullPath(path));
            }
        }
        return files;
    }

    private static string Safe(string name) =>
        new(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_').ToArray());

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
