using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Reporting;
using MlApt.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>
/// <c>mlapt build-model</c>: the default model's recipe for any alloy and order type (bank of simulated specimens,
/// training, decision tuned on separate specimens, validation on a third set), written as one model file that
/// <c>map --model</c> needs nothing else with.
/// </summary>
internal sealed class BuildModelCommand(CliIo io) : Command<BuildModelSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BuildModelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var recipe = settings.ToRecipe();
        OutputFolder.CheckFile(settings.Out!, "--out");
        using var report = settings.Report is null ? null : OutputFolder.Begin(settings.Report, "--report");
        io.Error.WriteLine($"mlapt: building a model for {recipe.Alloy.Describe()}, channels {string.Join(",", recipe.Pairs)}");
        var result = ModelBuild.Run(recipe, line => io.Error.WriteLine("mlapt: " + line), cancellationToken);
        ModelFile.Save(settings.Out!, result.Model);
        var id = ModelLoading.Id(settings.Out!);
        IReadOnlyList<string> figures = [];
        if (report is not null)
        {
            figures = ModelBuildReport.Write(report.Path, result, settings.Out!, id);
            cancellationToken.ThrowIfCancellationRequested();
            report.Commit();
        }
        if (settings.Json)
            io.Out.WriteLine(ModelBuildReport.Json(result, settings.Out!, id, figures));
        else
            WriteTable(result);
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: model written to {settings.Out} ({id}); decision {result.Decision}; {string.Join(", ", result.Seconds.Select(kv => $"{kv.Key} {kv.Value:F0} s"))}"));
        return MlAptApp.Ok;
    }

    private void WriteTable(ModelBuildResult result)
    {
        if (result.Validation.Count == 0) return;
        io.Heading($"Validation: {result.Recipe.Alloy.Order.Describe()} (specimens never seen by the bank or the tuning)");
        var t = new Table().Border(TableBorder.Rounded).AddColumns("seed", "S", "η", "σxy (nm)", "F1", "detected/true volume", "twin FP");
        foreach (var r in result.Validation)
        {
            t.AddRow(r.Spec.Seed.ToString(CultureInfo.InvariantCulture), F(r.Spec.Order, "F3"), F(r.Spec.Efficiency, "F3"), F(r.Spec.SigmaXy, "F3"),
                F(r.Score.F1, "F3"), F(r.Score.VolumeRatio, "F2"), F(r.NullPercent, "F3") + " %");
        }
        var v = result.Validation;
        t.AddRow("mean", "", "", "", F(v.Average(r => r.Score.F1), "F3"), F(v.Average(r => r.Score.VolumeRatio), "F2"), F(v.Max(r => r.NullPercent), "F3") + " % max");
        io.Ansi.Write(t);
    }

    private static string F(double v, string format) => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);
}
