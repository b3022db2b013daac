using System.Text;

namespace MlApt.Study;

/// <summary>
/// Splits delimited text lines: comma or semicolon, fields optionally in double quotes with
/// <c>""</c> for a literal quote (RFC 4180 without line breaks inside fields).
/// </summary>
internal static class CsvText
{
    /// <summary>
    /// The delimiter of a header line: a semicolon when it has more semicolons than commas outside
    /// quotes (the spreadsheet export of locales with a decimal comma), otherwise a comma.
    /// </summary>
    public static char DetectDelimiter(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// The fields of one line, trimmed of surrounding white space (inside quotes, white space is
    /// kept). Returns null when a quote is not closed, for the caller to report with its row.
    /// </summary>
    public static List<string>? Split(string line, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (!closed) return null;
                while (i < line.Length && line[i] is ' ' or '\t') i++;
                if (i < line.Length && line[i] != delimiter) return null;
                fields.Add(field.ToString());
            }
            else
            {
                while (i < line.Length && line[i] != delimiter) field.Append(line[i++]);
                fields.Add(field.ToString().Trim());
            }
            if (i >= line.Length) return fields;
            i++; // the delimiter
        }
    }
}
