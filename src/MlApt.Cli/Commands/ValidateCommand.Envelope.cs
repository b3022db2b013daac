using System.Globalization;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Validation;
using Spectre.Console;

namespace MlApt.Cli.Commands;

internal sealed partial class ValidateCommand
{
    /// <summary>
    /// <c>validate --envelope</c>: every point of the grid mapped with the chosen model and decision, then
    /// envelope.json and the figures (nothing is written before every point is measured).
    /// </summary>
    private int RunEnvelope(ValidateSettings settings, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var profile = settings.ResolveProfile();
        var order = SweepOrder(settings, profile);
        var grid = EnvelopeGrid.Named(settings.EnvelopeGrid, "--envelope-grid").For(order);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var results = DetectionEnvelope.MeasureAll(grid, spec => SpecimenValidation.Pairs(settings.Pairs, profile.Ensemble, spec),
            EnsembleClassifier.Create(profile.Ensemble), box => profile.MapOptions(box, settings.Voxel, settings.Stride), (r, done, total) =>
            {
                if (!settings.Json)
                    io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"mlapt: envelope {done}/{total} {r.Point.Axis} {string.Join(", ", r.Point.Values.Select(v => $"{v.Key} {v.Value}"))}: F1 {r.Score.F1:F3}, volume ratio {r.Score.VolumeRatio:F2}, null FP {100 * r.NullFalsePositiveFraction:F3} % ({r.Seconds:F0} s)"));
            }, cancellationToken, settings.AlignOptions(profile));
        var (json, files) = EnvelopeReport.Write(folder.Path, results, settings.EnvelopeGrid, profile, clock.Elapsed.TotalSeconds, settings.Align, order);
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        if (settings.Json)
        {
            io.Out.WriteLine(json);
            return MlAptApp.Ok;
        }
        io.Heading($"Detection envelope, {order.Describe()} specimens, {profile.Profile} profile ({profile.Model})");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("axis").AddColumn("values").AddColumn("F1").AddColumn("VF detected/true").AddColumn("null FP %");
        foreach (var r in results)
            t.AddRow(Markup.Escape(r.Point.Axis), Markup.Escape(r.Point.Composition ?? string.Join(", ", r.Point.Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value}")))),
                r.Score.F1.ToString("F3", CultureInfo.InvariantCulture), r.Score.VolumeRatio.ToString("F2", CultureInfo.InvariantCulture),
                (100 * r.NullFalsePositiveFraction).ToString("F3", CultureInfo.InvariantCulture));
        io.Ansi.Write(t);
        io.Ansi.MarkupLine(Markup.Escape($"Wrote {Path.Combine(settings.Out!, "envelope.json")} and {files.Count} figures."));
        return MlAptApp.Ok;
    }
}
