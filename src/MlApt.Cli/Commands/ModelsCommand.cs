using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt models</c>.</summary>
internal sealed class ModelsSettings : CommonSettings
{
    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (models: name, id, order, pole, structure, element, pairs, decision, validation) instead of a table.")]
    public bool Json { get; init; }
}

/// <summary><c>mlapt models</c>: the built-in models, the order each looks for, its decision and its validation figures.</summary>
internal sealed class ModelsCommand(CliIo io) : Command<ModelsSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ModelsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var entries = ModelCatalog.Entries();
        if (settings.Json)
        {
            io.Out.WriteLine(ModelCatalog.ToJson(entries));
            return MlAptApp.Ok;
        }
        io.Heading("Built-in models");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("model").AddColumn("pole").AddColumn("structure").AddColumn("element").AddColumn("pairs")
            .AddColumn(new TableColumn("F1 (worst)").RightAligned()).AddColumn(new TableColumn("volume found/true").RightAligned())
            .AddColumn(new TableColumn("twins' FP, max").RightAligned());
        static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        foreach (var e in entries)
        {
            var v = e.Validation;
            t.AddRow(Markup.Escape(e.Model.File), Markup.Escape(e.Order.Pole ?? "unknown"), Markup.Escape(e.Order.Structure ?? "unknown"),
                Markup.Escape(e.Order.Element ?? "unknown"), Markup.Escape(string.Join(" ", e.Pairs)),
                v is null ? "–" : F($"{v.F1Mean:F3} ({v.F1Min:F3})"), v is null ? "–" : F($"{v.VolumeRatioMean:F2} ({v.VolumeRatioMin:F2}–{v.VolumeRatioMax:F2})"),
                v is null ? "–" : F($"{v.NullPercentMax:F3} %"));
        }
        io.Ansi.Write(t);
        foreach (var e in entries)
        {
            io.Ansi.MarkupLine(Markup.Escape($"{e.Model.File}: {e.OrderName} (--pole {e.Model.Order.PoleName}); decision {e.Decision}; "
                + (e.Validation is { } v ? $"validated on {v.Specimens}: {v.Command}" : "no validation figures for this file") + (e.BuiltBy is { } built ? $"; built by {e.Model.Script}: {built}." : $"; trained by {e.Model.Script}.")));
        }
        return MlAptApp.Ok;
    }
}
