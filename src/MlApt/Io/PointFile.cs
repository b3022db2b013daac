using System.Globalization;
using System.Text;

namespace MlApt.Io;

/// <summary>
/// A list of points, one <c>x,y,z</c> (nm) per line: commas, semicolons or white space between
/// values, an optional header line, <c>#</c> comments. Used for the centres of <c>mlapt zsdm</c>.
/// </summary>
internal static class PointFile
{
    /// <summary>Reads the points as double-precision arrays.</summary>
    public static (double[] X, double[] Y, double[] Z) Read(string path)
    {
        IonFile.CheckReadable(path);
        List<double> x = [], y = [], z = [];
        long lineNo = 0;
        var first = true;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var fields = line.Split(line.AsSpan().IndexOfAny(',', ';') >= 0 ? [',', ';'] : [' ', '\t'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (first && fields.Length > 0 && !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                first = false; // a header line
                continue;
            }
            first = false;
            if (fields.Length < 3)
                InputError.AtLine(path, lineNo, $"{fields.Length} value(s) '{line}': expected x, y, z");
            x.Add(Parse(fields[0], path, lineNo, 1, "x"));
            y.Add(Parse(fields[1], path, lineNo, 2, "y"));
            z.Add(Parse(fields[2], path, lineNo, 3, "z"));
        }
        if (x.Count == 0)
            InputError.In(path, "no points: expected lines of x, y, z");
        return ([.. x], [.. y], [.. z]);
    }

    private static double Parse(string field, string path, long line, int column, string name)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            InputError.AtLine(path, line, $"column {column} ({name}) '{field}': expected a finite number");
        return v;
    }
}
