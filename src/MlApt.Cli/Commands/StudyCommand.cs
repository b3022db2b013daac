using MlApt.Numerics;
using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Study;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt study</c>.</summary>
internal sealed class StudySettings : CommonSettings
{
    /// <summary>The sample table.</summary>
    [CommandOption("-t|--table <CSV>")]
    [Description("Sample table: a header row, then one row per specimen with its name (column 'name', 'sample' or 'specimen'), its mlapt map output folder or summary.json (column 'path', 'map', 'summary' or 'folder'; relative to the table) and numeric columns, units in brackets, e.g. 'anneal T [[K]]'. Comma or semicolon separated; an empty cell is a missing value. Required.")]
    public string? Table { get; init; }

    /// <summary>Property columns.</summary>
    [CommandOption("-y|--property <COL>")]
    [Description("A column that is a measured property (e.g. resistivity, hardness), by header or by name without the unit; repeat for several. Properties are related to the CSRO metrics; every other numeric column is a processing or composition variable that the CSRO metrics are related to.")]
    public string[] Properties { get; init; } = [];

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: one PNG per relationship, report.md, relationships.csv, metrics.csv. Required.")]
    public string? Out { get; init; }

    /// <summary>JSON to stdout.</summary>
    [CommandOption("--json")]
    [Description("Print every number of the study as JSON on stdout.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Table))
            return ValidationResult.Error("--table is required: the CSV of samples, their map outputs and measured values");
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        if (Properties.Any(string.IsNullOrWhiteSpace))
            return ValidationResult.Error("--property needs a column name");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt study</c>: the last step of ML-APT — relates how the alloys were made (processing,
/// composition) to their CSRO (from <c>mlapt map</c>) and their CSRO to measured properties, with
/// least-squares fits, 95 % bands, Pearson and Spearman correlations, plots and a report.
/// </summary>
internal sealed class StudyCommand(CliIo io) : Command<StudySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, StudySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Everything that can be wrong with the input is found before the first file is written.
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var table = SampleTable.Load(settings.Table!);
        var study = StudyAnalysis.Run(table, settings.Properties);
        var files = StudyReport.Write(folder.Path, study);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();

        if (settings.Json)
        {
            io.Out.WriteLine(JsonText.Write(w => StudyJson.Write(w, study, settings.Out, files)));
            return MlAptApp.Ok;
        }
        io.Heading($"CSRO study of {table.Samples.Count} samples ({settings.Table})");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("#").AddColumn("Relationship").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("Slope ± 95 % CI").RightAligned())
            .AddColumn(new TableColumn("r").RightAligned()).AddColumn(new TableColumn("p").RightAligned())
            .AddColumn(new TableColumn("ρ").RightAligned()).AddColumn(new TableColumn("p (ρ)").RightAligned());
        var rank = 0;
        foreach (var r in study.Relationships)
        {
            t.AddRow(Markup.Escape((++rank).ToString(CultureInfo.InvariantCulture)), Markup.Escape($"{r.Y.Label} vs {r.X.Label}"),
                r.N.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{r.Fit.Slope:G4} ± {r.Fit.SlopeHalfWidth:G3}")),
                r.Pearson.R.ToString("F3", CultureInfo.InvariantCulture), P(r.Pearson.P),
                r.Spearman.R.ToString("F3", CultureInfo.InvariantCulture), P(r.Spearman.P));
        }
        io.Ansi.Write(t);
        foreach (var s in study.Skipped)
            io.Ansi.WriteLine(Markup.Escape($"not fitted: {s.Y.Label} vs {s.X.Label}: {s.Reason}"));
        io.Heading($"{files.Count} files written to {settings.Out} (report.md, relationships.csv, metrics.csv, plots).");
        return MlAptApp.Ok;
    }

    private static string P(double p) => double.IsNaN(p) ? "–" : p.ToString("G3", CultureInfo.InvariantCulture);
}
