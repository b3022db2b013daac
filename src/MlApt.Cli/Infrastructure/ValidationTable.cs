using System.Globalization;
using MlApt.Validation;
using Spectre.Console;

namespace MlApt.Cli.Infrastructure;

/// <summary>The short table printed after a validation (by <c>validate</c> and the demo).</summary>
internal static class ValidationTable
{
    public static Table Of(ValidationOutcome o)
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
        static string P(double v) => double.IsFinite(v) ? (100 * v).ToString("F2", CultureInfo.InvariantCulture) + " %" : "–";
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        t.AddRow("Precision", F(o.Score.Precision));
        t.AddRow("Recall", F(o.Score.Recall));
        t.AddRow("F1", F(o.Score.F1));
        t.AddRow("IoU", F(o.Score.IoU));
        t.AddRow("True volume fraction", P(o.Score.TrueVolumeFraction));
        t.AddRow("Detected volume fraction", P(o.Score.DetectedVolumeFraction));
        t.AddRow("False-positive fraction", P(o.Score.FalsePositiveFraction));
        if (o.NullMap is not null) t.AddRow("Null twin false-positive fraction", P(o.NullFalsePositiveFraction));
        t.AddRow(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Best F1 (threshold {o.Best.Threshold:G4})")), F(o.Best.Score.F1));
        return t;
    }
}
