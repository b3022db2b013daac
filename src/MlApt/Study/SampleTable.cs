using System.Globalization;
using System.Text;

namespace MlApt.Study;

/// <summary>One specimen of a study: a row of the sample table.</summary>
/// <param name="Name">The sample's name.</param>
/// <param name="MapPath">The path of its <c>mlapt map</c> output folder or summary.json, resolved against the table's folder.</param>
/// <param name="Row">Its row in the table (the header is row 1).</param>
public sealed record Sample(string Name, string MapPath, int Row)
{
    /// <summary>
    /// Maps of the same specimen in further map columns (e.g. <c>map 111</c> beside <c>map</c>: the alloy measured
    /// along ⟨001⟩ and along ⟨111⟩), each with its column; resolved like <see cref="MapPath"/>.
    /// </summary>
    public IReadOnlyList<(string Column, string Path)> MoreMaps { get; init; } = [];
}

/// <summary>A numeric column of the sample table.</summary>
/// <param name="Header">Name and unit.</param>
/// <param name="Values">One value per sample, NaN where the cell is empty.</param>
public sealed record SampleColumn(ColumnHeader Header, double[] Values);

/// <summary>
/// The sample table of a study (<c>samples.csv</c>): a header row, then one row per specimen with
/// its name, the path of its map output and any number of numeric columns (processing, composition,
/// properties). The name column is the one headed <c>name</c>, <c>sample</c> or <c>specimen</c>;
/// the path column the one headed <c>path</c>, <c>map</c>, <c>summary</c> or <c>folder</c> (case
/// does not matter). Every other column is numeric; an empty cell is a missing value. Fields are
/// separated by commas or semicolons (detected from the header; with semicolons a decimal comma
/// is accepted) and may be quoted. Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public sealed class SampleTable
{
    private static readonly string[] NameHeaders = ["name", "sample", "specimen"];
    private static readonly string[] PathHeaders = ["path", "map", "summary", "folder"];

    private SampleTable(string source, IReadOnlyList<Sample> samples, IReadOnlyList<SampleColumn> columns, string nameColumn, string pathColumn)
    {
        Source = source;
        Samples = samples;
        Columns = columns;
        NameColumn = nameColumn;
        PathColumn = pathColumn;
    }

    /// <summary>The table's file name as used in messages.</summary>
    public string Source { get; }
    /// <summary>The samples in table order.</summary>
    public IReadOnlyList<Sample> Samples { get; }
    /// <summary>The numeric columns in table order.</summary>
    public IReadOnlyList<SampleColumn> Columns { get; }
    /// <summary>Header of the name column.</summary>
    public string NameColumn { get; }
    /// <summary>Header of the path column.</summary>
    public string PathColumn { get; }

    /// <summary>Reads a table file; relative map paths are resolved against its folder.</summary>
    public static SampleTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            Io.InputError.In(path, "the sample table does not exist");
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(File.ReadAllText(path, Encoding.UTF8), path, baseDir);
    }

    /// <summary>Parses table text; <paramref name="source"/> names it in messages.</summary>
    public static SampleTable Parse(string text, string source, string baseDir)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var headerIndex = Array.FindIndex(lines, l => !IsSkipped(l));
        if (headerIndex < 0)
            Io.InputError.In(source, "the sample table is empty (expected a header row, then one row per specimen)");
        var delimiter = CsvText.DetectDelimiter(lines[headerIndex]);
        var headerFields = CsvText.Split(lines[headerIndex], delimiter)
            ?? StudyInputError.AtRowReturn<List<string>>(source, headerIndex + 1, "a quoted header is not closed");
        var headers = headerFields.Select(ColumnHeader.Parse).ToList();
        for (var c = 0; c < headers.Count; c++)
        {
            if (headers[c].Header.Length == 0)
                StudyInputError.AtRow(source, headerIndex + 1, string.Create(CultureInfo.InvariantCulture, $"column {c + 1} has no header"));
            var dup = headers.FindIndex(h => string.Equals(h.Header, headers[c].Header, StringComparison.OrdinalIgnoreCase));
            if (dup != c)
                StudyInputError.AtColumn(source, headers[c].Header, string.Create(CultureInfo.InvariantCulture, $"the header appears twice (columns {dup + 1} and {c + 1})"));
        }
        var nameCol = FindColumn(headers, NameHeaders, source, "name");
        var pathCol = FindColumn(headers, PathHeaders, source, "path");
        // Further map columns: "map" followed by a separator and anything ("map 111", "map_111", "map-111").
        var moreCols = Enumerable.Range(0, headers.Count).Where(c => c != pathCol && c != nameCol && headers[c].Name.Length > 3
            && headers[c].Name.StartsWith("map", StringComparison.OrdinalIgnoreCase) && headers[c].Name[3] is ' ' or '_' or '-' or '⟨' or '<' or '[').ToList();

        var samples = new List<Sample>();
        var cells = new List<string[]>();
        for (var l = headerIndex + 1; l < lines.Length; l++)
        {
            if (IsSkipped(lines[l])) continue;
            var row = l + 1;
            var fields = CsvText.Split(lines[l], delimiter) ?? StudyInputError.AtRowReturn<List<string>>(source, row, "a quoted field is not closed");
            if (fields.Count != headers.Count)
                StudyInputError.AtRow(source, row, string.Create(CultureInfo.InvariantCulture,
                    $"{fields.Count} field(s) separated by '{delimiter}', the header has {headers.Count}"));
            var name = fields[nameCol];
            if (name.Length == 0)
                StudyInputError.At(source, row, headers[nameCol].Header, "the sample has no name");
            var first = samples.FindIndex(s => string.Equals(s.Name, name, StringComparison.Ordinal));
            if (first >= 0)
                StudyInputError.At(source, row, headers[nameCol].Header, string.Create(CultureInfo.InvariantCulture,
                    $"duplicate sample name '{name}' (first in row {samples[first].Row})"));
            var map = fields[pathCol];
            if (map.Length == 0)
                StudyInputError.At(source, row, headers[pathCol].Header, $"sample '{name}' has no map path (expected an mlapt map output folder or its summary.json)");
            samples.Add(new Sample(name, Path.GetFullPath(map, baseDir), row)
            {
                MoreMaps = moreCols.Where(c => fields[c].Length > 0).Select(c => (headers[c].Header, Path.GetFullPath(fields[c], baseDir))).ToList(),
            });
            cells.Add(fields.ToArray());
        }
        if (samples.Count < 3)
            Io.InputError.In(source, string.Create(CultureInfo.InvariantCulture,
                $"{samples.Count} sample row(s); a fit with a confidence band needs at least 3 samples"));

        var columns = new List<SampleColumn>();
        for (var c = 0; c < headers.Count; c++)
        {
            if (c == nameCol || c == pathCol || moreCols.Contains(c)) continue;
            var values = new double[samples.Count];
            for (var s = 0; s < samples.Count; s++)
                values[s] = ParseCell(cells[s][c], delimiter, source, samples[s].Row, headers[c].Header);
            columns.Add(new SampleColumn(headers[c], values));
        }
        return new SampleTable(source, samples, columns, headers[nameCol].Header, headers[pathCol].Header);
    }

    private static bool IsSkipped(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    private static int FindColumn(List<ColumnHeader> headers, string[] names, string source, string what)
    {
        var found = headers.FindIndex(h => names.Any(n => string.Equals(h.Name, n, StringComparison.OrdinalIgnoreCase)));
        if (found < 0)
            Io.InputError.In(source, $"no {what} column (expected a header named {string.Join(", ", names.Select(n => $"'{n}'"))}; found {string.Join(", ", headers.Select(h => $"'{h.Header}'"))})");
        return found;
    }

    private static double ParseCell(string cell, char delimiter, string source, int row, string column)
    {
        if (cell.Length == 0) return double.NaN;
        var text = cell;
        // Semicolon-separated exports come from locales that write 1,5 for 1.5.
        if (delimiter == ';' && !text.Contains('.', StringComparison.Ordinal) && text.Count(ch => ch == ',') == 1)
            text = text.Replace(',', '.');
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            StudyInputError.At(source, row, column, $"'{cell}' is not a number (expected a finite number, or an empty cell for a missing value)");
        return v;
    }
}
