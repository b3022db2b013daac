using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Reporting;
using MlApt.Validation;
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
        else if (result.Validation.Count > 0)
            io.Out.Write($"Validation: {result.Recipe.Alloy.Order.Describe()} (specimens never seen by the bank or the tuning)\n\n{ModelBuildReport.ValidationTable(result)}");
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlapt: model written to {settings.Out} ({id}); decision {result.Decision}; {string.Join(", ", result.Seconds.Select(kv => $"{kv.Key} {kv.Value:F0} s"))}"));
        return MlAptApp.Ok;
    }
}
