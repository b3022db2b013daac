using System.Globalization;
using System.Text;

namespace MlApt.Io;

/// <summary>
/// Text reconstructions: x, y, z, m columns separated by commas, semicolons, tabs or spaces, with an
/// optional header line (then the columns are found by name: x, y, z and m / mass / da / mq) and
/// <c>#</c> comment lines. Values keep their double-precision text value (<see cref="IonCloud.Text"/>).
/// A file whose first line uses semicolons (what spreadsheets write where the comma is the decimal mark,
/// e.g. <c>x;y;z;m</c> then <c>-2,37;-2,83;0,02;29,47</c>) is split on semicolons only and read with decimal
/// commas; splitting such a line on commas too would read garbage.
/// </summary>
internal static class CsvIonFormat
{
    /// <summary>Reads a text reconstruction. Throws <see cref="InputException"/> for malformed content.</summary>
    public static IonCloud Read(string path)
    {
        if (new FileInfo(path).Length == 0)
            InputError.In(path, "file is empty (0 bytes): expected lines of x, y, z, m");
        List<double> x = [], y = [], z = [], m = [];
        int cx = 0, cy = 1, cz = 2, cm = 3, needed = 4;
        var sawData = false;
        bool? semicolons = null;
        long lineNo = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            var line = raw.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '#')
                continue;
            // The first line decides: semicolons separate (and commas are decimal marks) in the whole file.
            semicolons ??= line.IndexOf(';') >= 0;
            var decimalComma = semicolons.Value;
            var fields = Split(line, decimalComma, out var count);
            if (!sawData && !LooksNumeric(line[fields[0]], decimalComma))
            {
                (cx, cy, cz, cm) = (Find(fields, count, line, path, lineNo, "x"), Find(fields, count, line, path, lineNo, "y"),
                    Find(fields, count, line, path, lineNo, "z"), Find(fields, count, line, path, lineNo, "m", "mass", "da", "mq", "m/q", "mass_to_charge"));
                needed = Math.Max(Math.Max(cx, cy), Math.Max(cz, cm)) + 1;
                sawData = true; // only the first non-comment line may be a header
                continue;
            }
            sawData = true;
            if (count < needed)
                InputError.AtLine(path, lineNo, $"{count} column(s) '{Shorten(line)}': expected x, y, z, m");
            x.Add(Parse(line[fields[cx]], decimalComma, path, lineNo, cx, "x"));
            y.Add(Parse(line[fields[cy]], decimalComma, path, lineNo, cy, "y"));
            z.Add(Parse(line[fields[cz]], decimalComma, path, lineNo, cz, "z"));
            m.Add(Parse(line[fields[cm]], decimalComma, path, lineNo, cm, "m"));
        }
        if (x.Count == 0)
            InputError.In(path, "no ion lines: expected lines of x, y, z, m");
        var text = new TextValues([.. x], [.. y], [.. z], [.. m]);
        return new IonCloud(ToSingles(text.X), ToSingles(text.Y), ToSingles(text.Z), ToSingles(text.M), text: text);
    }

    /// <summary>Writes <c>x,y,z,m</c> with a header line, shortest round-trip numbers, atomically.</summary>
    public static void Write(string path, IonCloud ions)
    {
        ArgumentNullException.ThrowIfNull(ions);
        AtomicFile.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
            w.Write("x,y,z,m\n");
            var t = ions.Text;
            for (var i = 0; i < ions.Count; i++)
            {
                if (t is null)
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"{ions.X[i]},{ions.Y[i]},{ions.Z[i]},{ions.M[i]}\n"));
                else
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"{t.X[i]},{t.Y[i]},{t.Z[i]},{t.M[i]}\n"));
            }
        });
    }

    private static Range[] Split(ReadOnlySpan<char> line, bool semicolonsOnly, out int count)
    {
        // A line with a comma or semicolon is split on those only (spaces and tabs are padding,
        // and header names such as "Mass (Da)" keep their space); otherwise runs of white space
        // separate. In a semicolon file the comma is a decimal mark, never a separator.
        var delimited = semicolonsOnly || line.IndexOfAny(',', ';') >= 0;
        var separators = semicolonsOnly ? ";" : ",;";
        var ranges = new Range[line.Length + 1];
        count = 0;
        var i = 0;
        while (true)
        {
            while (!delimited && i < line.Length && line[i] is ' ' or '\t')
                i++;
            var start = i;
            while (i < line.Length && (delimited ? separators.IndexOf(line[i]) < 0 : line[i] is not (' ' or '\t')))
                i++;
            var (s, e) = (start, i);
            while (s < e && line[s] is ' ' or '\t') s++;
            while (e > s && line[e - 1] is ' ' or '\t') e--;
            ranges[count++] = new Range(s, e);
            if (i >= line.Length)
                break;
            i++; // the separator
            if (!delimited)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                    i++;
                if (i >= line.Length)
                    break;
            }
        }
        return ranges;
    }

    private static bool LooksNumeric(ReadOnlySpan<char> field, bool decimalComma) => TryParse(field, decimalComma, out _);

    private static bool TryParse(ReadOnlySpan<char> field, bool decimalComma, out double value)
    {
        if (decimalComma && field.IndexOf(',') >= 0)
        {
            // One decimal comma and no point: "-2,37". Anything else with a comma is not a number here.
            if (field.Count(',') != 1 || field.IndexOf('.') >= 0)
            {
                value = double.NaN;
                return false;
            }
            Span<char> copy = stackalloc char[field.Length];
            field.CopyTo(copy);
            copy[field.IndexOf(',')] = '.';
            return double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int Find(Range[] fields, int count, ReadOnlySpan<char> line, string path, long lineNo, params string[] names)
    {
        for (var c = 0; c < count; c++)
        {
            var name = line[fields[c]].Trim().Trim('"');
            var bracket = name.IndexOfAny('(', '[');
            if (bracket > 0)
                name = name[..bracket].TrimEnd();
            foreach (var n in names)
            {
                if (name.Equals(n, StringComparison.OrdinalIgnoreCase))
                    return c;
            }
        }
        InputError.AtLine(path, lineNo, $"header '{Shorten(line)}' has no column '{names[0]}': expected columns x, y, z, m (or no header)");
        return -1;
    }

    private static double Parse(ReadOnlySpan<char> field, bool decimalComma, string path, long lineNo, int column, string name)
    {
        if (!TryParse(field, decimalComma, out var v))
            InputError.AtLine(path, lineNo, $"column {column + 1} ({name}) '{Shorten(field)}': expected a number{(decimalComma ? " (semicolon-separated file: decimal comma or point)" : "")}");
        if (!double.IsFinite(v))
            InputError.AtLine(path, lineNo, $"column {column + 1} ({name}) = {Shorten(field)}: expected a finite number");
        // Positions and masses are held as float32: a value beyond its range would become infinite.
        if (Math.Abs(v) > float.MaxValue)
            InputError.AtLine(path, lineNo, $"column {column + 1} ({name}) = {Shorten(field)}: beyond the float32 range (±3.4e38) ions are held in");
        return v;
    }

    private static string Shorten(ReadOnlySpan<char> line) => line.Length <= 60 ? line.ToString() : line[..57].ToString() + "...";

    private static float[] ToSingles(double[] values)
    {
        var f = new float[values.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(values, f);
        return f;
    }
}
