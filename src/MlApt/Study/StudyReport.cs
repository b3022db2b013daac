using System.Globalization;
using System.Text;
using MlApt.Io;

namespace MlApt.Study;

/// <summary>
/// Writes a study into a folder: one PNG per relationship, <c>report.md</c>, <c>relationships.csv</c>
/// and <c>metrics.csv</c> (the CSRO metrics collected per sample). Everything is produced in memory
/// first and then written file by file atomically, so a failure while rendering writes nothing.
/// </summary>
public static class StudyReport
{
    /// <summary>The header of <c>relationships.csv</c>.</summary>
    public const string RelationshipsHeader =
        "rank,kind,x,x_unit,y,y_unit,n,slope,slope_ci95_low,slope_ci95_high,slope_se,intercept,intercept_ci95_half_width,"
        + "pearson_r,pearson_r_ci95_low,pearson_r_ci95_high,pearson_p,spearman_rho,spearman_p,plot";

    /// <summary>Writes every output and returns the file names (relative to <paramref name="dir"/>).</summary>
    public static IReadOnlyList<string> Write(string dir, StudyAnalysis study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var r in study.Relationships)
            files.Add((r.Plot, StudyPlots.Render(r, study.Table.Samples)));
        files.Add(("report.md", Encoding.UTF8.GetBytes(Markdown(study))));
        files.Add(("relationships.csv", Encoding.UTF8.GetBytes(RelationshipsCsv(study))));
        files.Add(("metrics.csv", Encoding.UTF8.GetBytes(MetricsCsv(study))));
        Directory.CreateDirectory(dir);
        foreach (var (name, bytes) in files)
            AtomicFile.Write(Path.Combine(dir, name), s => s.Write(bytes));
        return files.Select(f => f.Name).ToList();
    }

    /// <summary>relationships.csv: one line per fitted relationship, strongest first.</summary>
    public static string RelationshipsCsv(StudyAnalysis study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var sb = new StringBuilder(RelationshipsHeader).Append('\n');
        var rank = 0;
        foreach (var r in study.Relationships)
        {
            var (rlo, rhi) = r.Pearson.FisherInterval95;
            sb.AppendJoin(',', [
                I(++rank), Csv(r.Kind), Csv(r.X.Name), Csv(r.X.Unit ?? ""), Csv(r.Y.Name), Csv(r.Y.Unit ?? ""), I(r.N),
                D(r.Fit.Slope), D(r.Fit.Slope - r.Fit.SlopeHalfWidth), D(r.Fit.Slope + r.Fit.SlopeHalfWidth), D(r.Fit.SlopeStandardError),
                D(r.Fit.Intercept), D(r.Fit.InterceptHalfWidth), D(r.Pearson.R), D(rlo), D(rhi), D(r.Pearson.P), D(r.Spearman.R), D(r.Spearman.P),
                Csv(r.Plot)]).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>metrics.csv: per sample, every quantity of the study with its uncertainty (empty where unknown).</summary>
    public static string MetricsCsv(StudyAnalysis study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var vars = study.Variables;
        var sb = new StringBuilder("sample");
        foreach (var v in vars)
        {
            sb.Append(',').Append(Csv(v.Label));
            if (v.Errors is not null) sb.Append(',').Append(Csv(v.Label + " std"));
        }
        sb.Append('\n');
        for (var i = 0; i < study.Table.Samples.Count; i++)
        {
            sb.Append(Csv(study.Table.Samples[i].Name));
            foreach (var v in vars)
            {
                sb.Append(',').Append(D(v.Values[i]));
                if (v.Errors is not null) sb.Append(',').Append(D(v.Errors[i]));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>report.md: the samples, the relationships table sorted by strength with links to the plots, what was skipped, and the method.</summary>
    public static string Markdown(StudyAnalysis study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        Line("# CSRO study");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{study.Table.Samples.Count} samples from `{Path.GetFileName(study.Table.Source)}`; {study.Relationships.Count} relationships fitted, {study.Skipped.Count} not fitted."));
        Line();
        Line("## Relationships (strongest first, by |Pearson r|)");
        Line();
        Line("| # | relationship | n | slope ± 95 % CI | r [95 % CI] | p (r) | ρ | p (ρ) | plot |");
        Line("|---|---|---|---|---|---|---|---|---|");
        var rank = 0;
        foreach (var r in study.Relationships)
        {
            var (lo, hi) = r.Pearson.FisherInterval95;
            var ci = double.IsNaN(lo) ? "" : string.Create(CultureInfo.InvariantCulture, $" [{lo:F2}, {hi:F2}]");
            var unit = SlopeUnit(r);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {++rank} | {Md(r.Y.Label)} vs {Md(r.X.Label)} | {r.N} | {r.Fit.Slope:G4} ± {r.Fit.SlopeHalfWidth:G3}{unit} | {r.Pearson.R:F3}{ci} | {P(r.Pearson.P)} | {r.Spearman.R:F3} | {P(r.Spearman.P)} | [plot]({r.Plot}) |"));
        }
        if (study.Relationships.Count == 0) Line("| – | none | | | | | | | |");
        if (study.Skipped.Count > 0)
        {
            Line();
            Line("## Not fitted");
            Line();
            foreach (var s in study.Skipped) Line($"- {Md(s.Y.Label)} vs {Md(s.X.Label)}: {Md(s.Reason)}");
        }
        Line();
        Line("## Samples");
        Line();
        Line("| sample | row | map summary | analyses | control permutations | control p |");
        Line("|---|---|---|---|---|---|");
        for (var i = 0; i < study.Table.Samples.Count; i++)
        {
            var s = study.Table.Samples[i];
            var m = study.Metrics[i];
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {Md(s.Name)} | {s.Row} | `{string.Join("`, `", s.MoreMaps.Select(x => x.Path).Prepend(s.MapPath))}` | {Md(string.Join(", ", m.Select(a => a.Analysis)))} | {string.Join(", ", m.Select(a => a.ControlPermutations))} | {string.Join(", ", m.Select(a => P(a.ControlPValue)))} |"));
        }
        Line();
        Line("Per-sample values and uncertainties: [metrics.csv](metrics.csv); all numbers of the table: [relationships.csv](relationships.csv).");
        Line();
        Line("## Method");
        Line();
        Line("- Processing or composition columns are related to every CSRO metric (x = column), every CSRO metric to every property column (x = metric). A relationship uses the samples that have both values.");
        Line("- Fit: ordinary least squares (unweighted); the slope interval and the band of the mean response use the Student t quantile with n − 2 degrees of freedom.");
        Line("- Pearson r with the t test (n − 2 df) and Fisher-z 95 % interval (n ≥ 4); Spearman ρ is Pearson r of the ranks (ties share the average rank) with the t approximation.");
        Line("- Error bars (1 σ, not used in the fit): volume fraction, the std of the random-label control fractions; excess volume fraction (real − mean of the controls), that std × √(1 + 1/k); domain number density, counting error density/√count; mean domain radius, std/√count of the radii in domains.csv. Bars are absent where the map has no control (or fewer than 2 permutations) or fewer than 2 domains.");
        Line("- The ensemble std of P(CSRO) (mean over voxels) is listed per sample in metrics.csv but not turned into a volume-fraction uncertainty.");
        return sb.ToString();
    }

    private static string SlopeUnit(Relationship r)
    {
        if (r.X.Unit is null && r.Y.Unit is null) return "";
        return $" {Grouped(r.Y.Unit)}/{Grouped(r.X.Unit)}";
    }

    // "µΩ cm/(1e24 m^-3)" would read wrongly without the parentheses.
    private static string Grouped(string? unit) => unit is null ? "1" : unit.Contains(' ', StringComparison.Ordinal) ? $"({unit})" : unit;

    private static string P(double p) => double.IsNaN(p) ? "–" : p.ToString("G3", CultureInfo.InvariantCulture);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', ';']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
