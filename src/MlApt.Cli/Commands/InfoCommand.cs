using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
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
        IonFile.CheckReadable(settings.File);
        if (IonFileFormats.FromExtension(settings.File) is null or IonFileFormat.Csv && RangeTable.LooksLikeRangeFile(settings.File))
            InputError.In(settings.File, $"this is a range file, not a reconstruction: use mlapt ranges {settings.File} (or give it to a reconstruction with --ranges)");
        var table = settings.Ranges is null ? IonFile.EmbeddedRanges(settings.File) : RangeLoading.Load(settings.Ranges, settings.StrictRanges);
        var rangesName = settings.Ranges ?? settings.File;
        var cloud = IonFile.Read(settings.File, null, out var format);
        var bounds = cloud.Text is { } text ? Bounds3.Of(text.X, text.Y, text.Z) : Bounds3.Of(cloud.X, cloud.Y, cloud.Z);
        long[]? counts = table is null ? null : table.Count(table.Assign(cloud));

        if (settings.Json)
        {
            JsonOutput.Write(io.Out, w =>
            {
                w.WriteStartObject();
                w.WriteString("file", settings.File);
                w.WriteString("format", format.Name());
                w.WriteNumber("ions", cloud.Count);
                if (bounds is { } b)
                {
                    w.WriteStartObject("bounds");
                    w.Triple("min", b.Min);
                    w.Triple("max", b.Max);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("bounds");
                }
                if (table is not null && counts is not null)
                {
                    w.WriteString("ranges", rangesName);
                    w.WriteStartObject("species");
                    for (var s = 1; s < counts.Length; s++)
                        w.WriteNumber(table.Species[s].Name, counts[s]);
                    w.WriteEndObject();
                    w.WriteNumber("unranged", counts[0]);
                    w.WriteNumber("range_overlaps", table.Overlaps.Count);
                }
                if (cloud.OtherSections.Count > 0)
                {
                    w.WriteStartArray("other_sections");
                    foreach (var s in cloud.OtherSections)
                        w.WriteStringValue(s.Name);
                    w.WriteEndArray();
                }
                w.WriteBoolean("epos_fields", cloud.Extras is not null);
                w.WriteEndObject();
            });
            return MlAptApp.Ok;
        }

        var ansi = io.Ansi;
        io.Heading(settings.File);
        var grid = new Table().Border(TableBorder.Rounded);
        grid.AddColumn("Property").AddColumn("Value");
        grid.AddRow("Format", format.Name());
        grid.AddRow("Ions", cloud.Count.ToString("N0", CultureInfo.InvariantCulture));
        if (bounds is { } bb)
        {
            grid.AddRow("x (nm)", Interval(bb.Min.X, bb.Max.X));
            grid.AddRow("y (nm)", Interval(bb.Min.Y, bb.Max.Y));
            grid.AddRow("z (nm)", Interval(bb.Min.Z, bb.Max.Z));
        }
        if (cloud.Extras is not null)
            grid.AddRow("EPOS fields", "TOF, V_DC, V_pulse, det_x, det_y, ΔPulse, ions/pulse");
        if (cloud.OtherSections.Count > 0)
            grid.AddRow("Other sections", Markup.Escape(string.Join(", ", cloud.OtherSections.Select(s => s.Name))));
        ansi.Write(grid);

        if (table is not null && counts is not null)
        {
            var total = Math.Max(1, cloud.Count);
            io.Heading("Species (" + rangesName + ")");
            var species = new Table().Border(TableBorder.Rounded);
            species.AddColumn("Species").AddColumn(new TableColumn("Ions").RightAligned()).AddColumn(new TableColumn("%").RightAligned());
            for (var s = 1; s < counts.Length; s++)
                species.AddRow(Markup.Escape(table.Species[s].Name), counts[s].ToString("N0", CultureInfo.InvariantCulture), Percent(counts[s], total));
            species.AddRow("[italic]unranged[/]", counts[0].ToString("N0", CultureInfo.InvariantCulture), Percent(counts[0], total));
            ansi.Write(species);
            RangeLoading.ReportOverlaps(io, table);
        }
        return MlAptApp.Ok;
    }

    private static string Interval(double lo, double hi) =>
        string.Create(CultureInfo.InvariantCulture, $"{lo:F3} … {hi:F3}");

    private static string Percent(long n, long total) =>
        (100.0 * n / total).ToString("F2", CultureInfo.InvariantCulture);
}
