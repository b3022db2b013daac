using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt ranges</c>.</summary>
internal sealed class RangesSettings : CommonSettings
{
    /// <summary>The range file.</summary>
    [CommandArgument(0, "<file>")]
    [Description("Range file: .rrng, .rng (incl. polyatomic extension) or .env.")]
    public string File { get; init; } = "";

    /// <summary>Refuse overlapping ranges.</summary>
    [CommandOption("--strict-ranges")]
    [Description("Refuse range files whose ranges overlap (default: report them, first listed wins).")]
    public bool StrictRanges { get; init; }

    /// <summary>Print JSON instead of a table.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (ions, species, ranges with lo, hi and composition, overlaps) instead of tables.")]
    public bool Json { get; init; }
}

/// <summary><c>mlapt ranges</c>: the parsed range table after merging duplicates.</summary>
internal sealed class RangesCommand(CliIo io) : Command<RangesSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RangesSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = RangeLoading.Load(settings.File, settings.StrictRanges);
        if (settings.Json)
        {
            io.Out.WriteLine(table.ToJson(settings.File));
            return MlAptApp.Ok;
        }

        io.Heading($"{settings.File}: {table.Ranges.Count} ranges, {table.SpeciesCount} species");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("lo (Da)").RightAligned()).AddColumn(new TableColumn("hi (Da)").RightAligned())
            .AddColumn("Species").AddColumn("Composition").AddColumn(new TableColumn("Line").RightAligned());
        foreach (var r in table.Ranges)
        {
            t.AddRow(r.Lo.ToString("F4", CultureInfo.InvariantCulture), r.Hi.ToString("F4", CultureInfo.InvariantCulture),
                Markup.Escape(r.Composition.Name), Markup.Escape(r.Composition.ToRangeNotation()),
                r.Line.ToString(CultureInfo.InvariantCulture));
        }
        io.Ansi.Write(t);
        if (table.DuplicatesMerged > 0)
            io.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.DuplicatesMerged} exact duplicate range(s) merged."));
        RangeLoading.ReportOverlaps(io, table);
        return MlAptApp.Ok;
    }
}
