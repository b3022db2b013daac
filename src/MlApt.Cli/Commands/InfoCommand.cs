using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt info</c>.</summary>
internal sealed class InfoSettings : CommonSettings
{
    /// <summary>The reconstruction to describe.</summary>
    [CommandArgument(0, "<file>")]
    [Description("Reconstruction: .pos, .epos, .apt (AP Suite), .nxs (NeXus NXapm, with its ranging), or .csv/.txt with x, y, z, m columns.")]
    public string File { get; init; } = "";

    /// <summary>Optional range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (.rrng, .rng, .env): count the ions of each species.")]
    public string? Ranges { get; init; }

    /// <summary>Refuse overlapping ranges instead of resolving them first-listed-wins.</summary>
    [CommandOption("--strict-ranges")]
    [Description("Refuse range files whose ranges overlap (default: report them, first listed wins).")]
    public bool StrictRanges { get; init; }

    /// <summary>Print JSON instead of a table.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object instead of tables.")]
    public bool Json { get; init; }
}

/// <summary><c>mlapt info</c>: format, ion count, bounds and, with ranges, ions per species.</summary>
internal sealed class InfoCommand(CliIo io) : Command<InfoSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, InfoSettings settings, CancellationToken cancellationToken) =>
        Run(settings);

    /// <summary>Describes the file named by the settings.</summary>
    public int Run(InfoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var info = ReconstructionSummary.Describe(settings.File, settings.Ranges, settings.StrictRanges);
        if (settings.Json)
        {
            io.Out.WriteLine(info.ToJson());
            return MlAptApp.Ok;
        }

        io.Heading(settings.File);
        var grid = new Table().Border(TableBorder.Rounded);
        grid.AddColumn("Property").AddColumn("Value");
        grid.AddRow("Format", info.Format.Name());
        grid.AddRow("Ions", info.Ions.ToString("N0", CultureInfo.InvariantCulture));
        if (info.Bounds is { } b)
        {
            grid.AddRow("x (nm)", Interval(b.Min.X, b.Max.X));
            grid.AddRow("y (nm)", Interval(b.Min.Y, b.Max.Y));
            grid.AddRow("z (nm)", Interval(b.Min.Z, b.Max.Z));
        }
        if (info.HasEposFields)
            grid.AddRow("EPOS fields", "TOF, V_DC, V_pulse, det_x, det_y, ΔPulse, ions/pulse");
        if (info.OtherSections.Count > 0)
            grid.AddRow("Other sections", Markup.Escape(string.Join(", ", info.OtherSections)));
        io.Ansi.Write(grid);

        if (info.Table is { } table && info.SpeciesCounts is { } counts)
        {
            var total = Math.Max(1, info.Ions);
            io.Heading("Species (" + info.Ranges + ")");
            var species = new Table().Border(TableBorder.Rounded);
            species.AddColumn("Species").AddColumn(new TableColumn("Ions").RightAligned()).AddColumn(new TableColumn("%").RightAligned());
            for (var s = 1; s < counts.Length; s++)
                species.AddRow(Markup.Escape(table.Species[s].Name), counts[s].ToString("N0", CultureInfo.InvariantCulture), Percent(counts[s], total));
            species.AddRow("[italic]unranged[/]", counts[0].ToString("N0", CultureInfo.InvariantCulture), Percent(counts[0], total));
            io.Ansi.Write(species);
            RangeLoading.ReportOverlaps(io, table);
        }
        return MlAptApp.Ok;
    }

    private static string Interval(double lo, double hi) =>
        string.Create(CultureInfo.InvariantCulture, $"{lo:F3} … {hi:F3}");

    private static string Percent(long n, long total) =>
        (100.0 * n / total).ToString("F2", CultureInfo.InvariantCulture);
}
