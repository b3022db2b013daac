using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt merge</c>.</summary>
internal sealed class MergeSettings : CommonSettings
{
    /// <summary>Slab folders.</summary>
    [CommandArgument(0, "<slab-dirs>")]
    [Description("The N folders written by mlapt map --slab K/N (one per K, any order).")]
    public string[] Slabs { get; init; } = [];

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: the same files as an unsplit mlapt map. Required.")]
    public string? Out { get; init; }

    /// <summary>Also write the extracted ions as CSV.</summary>
    [CommandOption("--ions-csv")]
    [Description("Also write csro_ions.csv.")]
    public bool IonsCsv { get; init; }

    /// <summary>JSON to stdout.</summary>
    [CommandOption("--json")]
    [Description("Print the summary as JSON on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        if (Slabs.Length == 0)
            return ValidationResult.Error("give the slab folders to merge");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt merge</c>: combines the voxel probabilities of the slabs of a split map and finishes the map
/// (sub-voxels, decision, domains, extracted ions, DBSCAN, outputs) exactly as one <c>mlapt map</c> run would.
/// </summary>
internal sealed class MergeCommand(CliIo io) : Command<MergeSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var merged = MapSlabs.Merge(settings.Slabs, folder.Path, settings.IonsCsv);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        var map = merged.Analysis.Map;
        if (settings.Json)
            io.Out.WriteLine(merged.Summary);
        else
            io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Merged {merged.Slabs} slabs of {merged.Analysis.Name}: CSRO volume fraction {100 * map.VolumeFraction:F3} %, {map.Domains.Count} domains → {settings.Out}")));
        return MlAptApp.Ok;
    }
}
