using MlApt.Numerics;
using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Sro;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt sro</c>.</summary>
internal sealed class SroSettings : CommonSettings
{
    /// <summary>The configuration.</summary>
    [CommandArgument(0, "<file>")]
    [Description("Extended XYZ configuration with a periodic Lattice of any shape (e.g. written by mlapt mc, ASE or OVITO).")]
    public string File { get; init; } = "";

    /// <summary>Shells.</summary>
    [CommandOption("--shells <N>")]
    [Description("Neighbour shells 1 … N, found as the distinct distances around the first atom (1-6).")]
    [DefaultValue(3)]
    public int Shells { get; init; } = 3;

    /// <summary>JSON output.</summary>
    [CommandOption("--json")]
    [Description("Print {\"warren_cowley\": {\"1\": {\"A-B\": α, …}, …}} instead of tables.")]
    public bool Json { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Shells is < 1 or > 6
            ? ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--shells {Shells}: expected 1 … 6"))
            : base.Validate();
}

/// <summary><c>mlapt sro</c>: Warren–Cowley parameters of any periodic configuration.</summary>
internal sealed class SroCommand(CliIo io) : Command<SroSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SroSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (frame, neighbours, table) = WarrenCowley.OfFile(settings.File, settings.Shells);
        if (settings.Json)
        {
            io.Out.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartObject();
                table.WriteJson(w);
                w.WriteEndObject();
            }));
            return MlAptApp.Ok;
        }
        io.Ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.File}: {frame.Count} atoms, {string.Join(", ", frame.Elements.Select((e, i) => $"{e} {table.Concentrations[i]:F4}"))}; shell distances {string.Join(", ", neighbours.Distances.Select(d => d.ToString("F4", CultureInfo.InvariantCulture)))} nm"));
        SroOutput.WriteTables(io, table);
        return MlAptApp.Ok;
    }
}

/// <summary>Warren–Cowley output shared by <c>mc</c> and <c>sro</c>.</summary>
internal static class SroOutput
{
    /// <summary>One table per shell: α_ij with i down and j across.</summary>
    public static void WriteTables(CliIo io, WarrenCowleyTable table)
    {
        for (var m = 1; m <= table.Shells; m++)
        {
            var t = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture, $"Warren–Cowley α, shell {m}"));
            t.AddColumn("i \\ j");
            foreach (var e in table.Elements) t.AddColumn(new TableColumn(Markup.Escape(e)).RightAligned());
            for (var i = 0; i < table.Elements.Count; i++)
            {
                var row = new List<string> { Markup.Escape(table.Elements[i]) };
                for (var j = 0; j < table.Elements.Count; j++)
                    row.Add(table.Alpha(m, i, j).ToString("F4", CultureInfo.InvariantCulture));
                t.AddRow(row.ToArray());
            }
            io.Ansi.Write(t);
        }
    }
}
