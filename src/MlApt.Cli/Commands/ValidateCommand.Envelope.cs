using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Imaging;
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
        var profile = MapProfile.Resolve(settings.Profile, settings.Model, settings.Rule, settings.Threshold, settings.MinDomain, settings.DomainFraction);
        var classify = EnsembleClassifier.Create(profile.Ensemble);
        var grid = settings.EnvelopeGrid switch
        {
            "tiny" => Validation.EnvelopeGrid.Tiny,
            "quick" => Validation.EnvelopeGrid.Quick,
            _ => Validation.EnvelopeGrid.Default,
        };
        var total = grid.Points().Count;
        var done = 0;
        void Report(EnvelopeResult r)
        {
            done++;
            if (!settings.Json)
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"mlapt: envelope {done}/{total} {r.Point.Axis} {string.Join(", ", r.Point.Values.Select(v => $"{v.Key} {v.Value}"))}: F1 {r.Score.F1:F3}, volume ratio {r.Score.VolumeRatio:F2}, null FP {100 * r.NullFalsePositiveFraction:F3} % ({r.Seconds:F0} s)"));
        }
        var results = new List<EnvelopeResult>();
        foreach (var point in grid.Points())
        {
            var result = DetectionEnvelope.Measure(point, SpecimenValidation.Pairs(settings.Pairs, profile.Ensemble, point.Spec), classify,
                box => profile.MapOptions(box, settings.Voxel, settings.Stride), cancellationToken, settings.AlignOptions(profile));
            results.Add(result);
            Report(result);
        }

        var dir = settings.Out!;
        Directory.CreateDirectory(dir);
        var files = EnvelopeReport.SaveFigures(dir, results);
        var path = Path.Combine(dir, "envelope.json");
        JsonOutput.WriteFile(path, w => EnvelopeReport.WriteJson(w, results, w2 =>
        {
            w2.WriteString("grid", settings.EnvelopeGrid);
            // Aligned: every specimen was put in the frame of its own found pole before mapping (the residual-tilt axis then measures the alignment).
            w2.WriteBoolean("aligned", settings.Align);
            w2.WriteString("profile", profile.Profile);
            w2.WriteString("model", profile.Model);
            w2.WriteString("model_id", profile.ModelId);
            profile.WriteDecision(w2);
            w2.WriteStartArray("files");
            foreach (var f in files) w2.WriteStringValue(f);
            w2.WriteEndArray();
            w2.WriteNumber("elapsed_seconds", Math.Round(clock.Elapsed.TotalSeconds, 1));
            w2.WriteString("program", "mlapt " + ProgramInfo.Version);
        }));
        if (settings.Json)
        {
            io.Out.WriteLine(File.ReadAllText(path));
            return MlAptApp.Ok;
        }
        io.Heading($"Detection envelope, {profile.Profile} profile ({profile.Model})");
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("axis").AddColumn("values").AddColumn("F1").AddColumn("VF detected/true").AddColumn("null FP %");
        foreach (var r in results)
            t.AddRow(Markup.Escape(r.Point.Axis), Markup.Escape(r.Point.Composition ?? string.Join(", ", r.Point.Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value}")))),
                r.Score.F1.ToString("F3", CultureInfo.InvariantCulture), r.Score.VolumeRatio.ToString("F2", CultureInfo.InvariantCulture),
                (100 * r.NullFalsePositiveFraction).ToString("F3", CultureInfo.InvariantCulture));
        io.Ansi.Write(t);
        io.Ansi.MarkupLine(Markup.Escape($"Wrote {path} and {files.Count} figures."));
        return MlAptApp.Ok;
    }
}
