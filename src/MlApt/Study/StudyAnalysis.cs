using System.Globalization;
using System.Text;
using MlApt.Study.Statistics;

namespace MlApt.Study;

/// <summary>
/// A cross-sample study: the CSRO metrics of every sample's maps next to the table's processing,
/// composition and property columns, and a fitted relationship for every (processing, CSRO) and
/// (CSRO, property) pair, sorted by strength (|Pearson r|, then p).
/// </summary>
public sealed class StudyAnalysis
{
    private StudyAnalysis(SampleTable table, IReadOnlyList<IReadOnlyList<CsroMetrics>> metrics, IReadOnlyList<StudyVariable> variables,
        IReadOnlyList<Relationship> relationships, IReadOnlyList<SkippedRelationship> skipped)
    {
        Table = table;
        Metrics = metrics;
        Variables = variables;
        Relationships = relationships;
        Skipped = skipped;
    }

    /// <summary>The sample table.</summary>
    public SampleTable Table { get; }
    /// <summary>Per sample (table order), the metrics of each of its analyses.</summary>
    public IReadOnlyList<IReadOnlyList<CsroMetrics>> Metrics { get; }
    /// <summary>Every quantity: the table's columns, then the CSRO metrics per pair.</summary>
    public IReadOnlyList<StudyVariable> Variables { get; }
    /// <summary>The fitted relationships, strongest first.</summary>
    public IReadOnlyList<Relationship> Relationships { get; }
    /// <summary>Relationships that could not be fitted.</summary>
    public IReadOnlyList<SkippedRelationship> Skipped { get; }

    /// <summary>
    /// Reads every sample's map summary and builds the study. <paramref name="properties"/> names the
    /// table columns that are measured properties (by header or name without unit); every other
    /// numeric column is a processing or composition variable.
    /// </summary>
    public static StudyAnalysis Run(SampleTable table, IReadOnlyCollection<string> properties)
    {
        ArgumentNullException.ThrowIfNull(table);
        var metrics = table.Samples.Select(s => (IReadOnlyList<CsroMetrics>)MapSummaryReader.Read(s.MapPath, table.Source, s.Row, table.PathColumn)
            .Concat(s.MoreMaps.SelectMany(m => MapSummaryReader.Read(m.Path, table.Source, s.Row, m.Column))).ToList()).ToList();
        return Build(table, metrics, properties);
    }

    /// <summary>Builds the study from metrics already read (one list per sample, table order).</summary>
    public static StudyAnalysis Build(SampleTable table, IReadOnlyList<IReadOnlyList<CsroMetrics>> metrics, IReadOnlyCollection<string> properties)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(properties);
        if (metrics.Count != table.Samples.Count)
            throw new ArgumentException("one metrics list per sample expected", nameof(metrics));
        foreach (var p in properties)
        {
            if (!table.Columns.Any(c => c.Header.Matches(p)))
                Io.InputError.In("property", $"'{p}' is not a numeric column of {table.Source} (columns: {string.Join(", ", table.Columns.Select(c => $"'{c.Header.Header}'"))})");
        }
        if (table.Columns.Count == 0)
            Io.InputError.In(table.Source, $"no numeric columns besides '{table.NameColumn}' and '{table.PathColumn}': nothing to relate CSRO to");

        var variables = new List<StudyVariable>();
        foreach (var c in table.Columns)
        {
            var present = c.Values.Count(double.IsFinite);
            if (present < 3)
            {
                var empty = table.Samples.Where((_, i) => !double.IsFinite(c.Values[i])).Select(s => s.Row.ToString(CultureInfo.InvariantCulture));
                StudyInputError.AtColumn(table.Source, c.Header.Header, string.Create(CultureInfo.InvariantCulture,
                    $"only {present} sample(s) have a value (empty in rows {string.Join(", ", empty)}); a fit needs at least 3"));
            }
            var role = properties.Any(c.Header.Matches) ? VariableRole.Property : VariableRole.Processing;
            variables.Add(new StudyVariable(c.Header.Name, c.Header.Unit, role, c.Values, null));
        }
        variables.AddRange(CsroVariables(metrics));

        var relationships = new List<Relationship>();
        var skipped = new List<SkippedRelationship>();
        var csro = variables.Where(v => v.Role == VariableRole.Csro).ToList();
        var pairs = variables.Where(v => v.Role == VariableRole.Processing).SelectMany(x => csro.Select(y => (X: x, Y: y)))
            .Concat(csro.SelectMany(x => variables.Where(v => v.Role == VariableRole.Property).Select(y => (X: x, Y: y))));
        var plotNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (x, y) in pairs)
        {
            var used = Enumerable.Range(0, table.Samples.Count).Where(i => double.IsFinite(x.Values[i]) && double.IsFinite(y.Values[i])).ToArray();
            var xs = used.Select(i => x.Values[i]).ToArray();
            var ys = used.Select(i => y.Values[i]).ToArray();
            if (used.Length < 3)
                skipped.Add(new SkippedRelationship(x, y, string.Create(CultureInfo.InvariantCulture, $"only {used.Length} sample(s) have both values; a fit needs at least 3")));
            else if (xs.All(v => v == xs[0]))
                skipped.Add(new SkippedRelationship(x, y, $"{x.Name} is the same in every sample"));
            else if (ys.All(v => v == ys[0]))
                skipped.Add(new SkippedRelationship(x, y, $"{y.Name} is the same in every sample"));
            else
                relationships.Add(new Relationship(x, y, used, LinearFit.Fit(xs, ys), Correlation.Pearson(xs, ys), Correlation.Spearman(xs, ys),
                    UniqueName(plotNames, $"{Slug(y.Name)}_vs_{Slug(x.Name)}")));
        }
        var sorted = relationships.OrderByDescending(r => Math.Abs(r.Pearson.R)).ThenBy(r => r.Pearson.P).ToList();
        return new StudyAnalysis(table, metrics, variables, sorted, skipped);
    }

    /// <summary>The four CSRO metrics of every analysis that any sample has, in order of first appearance.</summary>
    private static List<StudyVariable> CsroVariables(IReadOnlyList<IReadOnlyList<CsroMetrics>> metrics)
    {
        // Named by the order each map looked for ("L1₂-type Ni order along ⟨001⟩"), else by its pairs.
        var pairs = metrics.SelectMany(m => m.Select(a => a.Analysis)).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<StudyVariable>();
        foreach (var pair in pairs)
        {
            var at = metrics.Select(m => m.FirstOrDefault(a => a.Analysis == pair)).ToList();
            StudyVariable Make(string name, string unit, Func<CsroMetrics, double> value, Func<CsroMetrics, double> error) =>
                new($"{pair} {name}", unit, VariableRole.Csro,
                    at.Select(a => a is null ? double.NaN : value(a)).ToArray(), at.Select(a => a is null ? double.NaN : error(a)).ToArray());
            // Percent and 10²⁴ m⁻³ keep the axis and table numbers readable.
            result.Add(Make("CSRO volume fraction", "%", a => 100 * a.VolumeFraction, a => 100 * a.VolumeFractionStd));
            if (at.Any(a => a is not null && double.IsFinite(a.ExcessVolumeFraction)))
                result.Add(Make("excess volume fraction", "%", a => 100 * a.ExcessVolumeFraction, a => 100 * a.ExcessStd));
            result.Add(Make("domain number density", "1e24 m^-3", a => a.DomainNumberDensity / 1e24, a => a.DomainNumberDensityStd / 1e24));
            result.Add(Make("mean domain radius", "nm", a => a.MeanDomainRadius, a => a.MeanDomainRadiusStd));
        }
        return result;
    }

    /// <summary>A file-name-safe form of a name: lower-case letters, digits, '-' and '+'; runs of anything else become '_'.</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '+') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        var s = sb.ToString().Trim('_');
        return s.Length == 0 ? "column" : s;
    }

    private static string UniqueName(HashSet<string> used, string stem)
    {
        var name = stem + ".png";
        for (var k = 2; !used.Add(name); k++) name = string.Create(CultureInfo.InvariantCulture, $"{stem}_{k}.png");
        return name;
    }
}
