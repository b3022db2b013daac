using MlApt.Io;
using System.Globalization;
using System.Text;

namespace MlApt.Crystal;

/// <summary>
/// One configuration of an extended XYZ file: atoms with their element and position, and the periodic
/// cell. In memory lengths are in nm like the rest of the library; the file holds Å, the convention of
/// ASE and OVITO.
/// </summary>
/// <param name="Elements">Element names; index = species number.</param>
/// <param name="Species">Species index of each atom.</param>
/// <param name="X">x (nm).</param>
/// <param name="Y">y (nm).</param>
/// <param name="Z">z (nm).</param>
/// <param name="Cell">The three cell vectors (nm).</param>
/// <param name="Info">Other key=value pairs of the comment line (e.g. temperature), in file order.</param>
public sealed record ExtendedXyzFrame(IReadOnlyList<string> Elements, byte[] Species, double[] X, double[] Y, double[] Z,
    IReadOnlyList<(double X, double Y, double Z)> Cell, IReadOnlyList<KeyValuePair<string, string>> Info)
{
    /// <summary>Number of atoms.</summary>
    public int Count => Species.Length;

    /// <summary>The atoms (positions in nm, arrays shared), e.g. as the input of a specimen generator.</summary>
    public Atoms ToAtoms() => new(X, Y, Z, Species, Elements);
}

/// <summary>
/// Reads and writes extended XYZ: a count line, a comment line
/// <c>Lattice="ax ay az bx by bz cx cy cz" Properties=species:S:1:pos:R:3 pbc="T T T" …</c>, then one
/// line per atom. The reader takes any column layout that has species:S:1 and pos:R:3.
/// </summary>
public static class ExtendedXyz
{
    private const double AngstromPerNm = 10.0;

    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ExtendedXyzFrame frame) =>
        AtomicFile.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
            Write(w, frame);
        });

    /// <summary>Writes <paramref name="frame"/> as text (Å, 8 decimals).</summary>
    public static void Write(TextWriter writer, ExtendedXyzFrame frame)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Cell.Count != 3) throw new ArgumentException("three cell vectors", nameof(frame));
        var ic = CultureInfo.InvariantCulture;
        writer.Write(frame.Count.ToString(ic));
        writer.Write('\n');
        var lattice = string.Join(' ', frame.Cell.SelectMany(v => new[] { v.X, v.Y, v.Z }).Select(v => Number(v * AngstromPerNm)));
        writer.Write($"Lattice=\"{lattice}\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"");
        foreach (var (key, value) in frame.Info)
        {
            if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '=' or '"') || value.Contains('"', StringComparison.Ordinal))
                throw new ArgumentException($"info '{key}' cannot be written as key=value", nameof(frame));
            writer.Write(' ');
            writer.Write(key);
            writer.Write('=');
            writer.Write(value.Length == 0 || value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value);
        }
        writer.Write('\n');
        var line = new StringBuilder(64);
        for (var i = 0; i < frame.Count; i++)
        {
            line.Clear();
            line.Append(frame.Elements[frame.Species[i]]).Append(' ')
                .Append(Number(frame.X[i] * AngstromPerNm)).Append(' ')
                .Append(Number(frame.Y[i] * AngstromPerNm)).Append(' ')
                .Append(Number(frame.Z[i] * AngstromPerNm)).Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Reads the first frame of <paramref name="path"/>; errors are one line naming the file and line.</summary>
    public static ExtendedXyzFrame Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) InputError.In(path, "no such file (expected an extended XYZ configuration)");
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads the first frame from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static ExtendedXyzFrame Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ic = CultureInfo.InvariantCulture;
        var countLine = reader.ReadLine();
        var n = 0;
        if (countLine is null || !int.TryParse(countLine.Trim(), NumberStyles.None, ic, out n) || n < 1)
            InputError.AtLine(source, 1, $"'{Short(countLine)}': expected the number of atoms");
        var comment = reader.ReadLine();
        if (comment is null) InputError.AtLine(source, 2, "missing comment line (expected Lattice=\"…\" Properties=…)");
        var pairs = ParsePairs(comment, source);
        var lattice = pairs.FirstOrDefault(p => p.Key.Equals("Lattice", StringComparison.OrdinalIgnoreCase)).Value;
        if (lattice is null) InputError.AtLine(source, 2, "no Lattice=\"…\": a periodic cell of nine numbers is needed");
        var cellValues = lattice.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cell = new double[9];
        if (cellValues.Length != 9 || cellValues.Select((v, k) => double.TryParse(v, NumberStyles.Float, ic, out cell[k]) && double.IsFinite(cell[k])).Any(ok => !ok))
            InputError.AtLine(source, 2, $"Lattice=\"{lattice}\": expected nine numbers (three cell vectors in Å)");
        var properties = pairs.FirstOrDefault(p => p.Key.Equals("Properties", StringComparison.OrdinalIgnoreCase)).Value
            ?? "species:S:1:pos:R:3";
        var (speciesColumn, posColumn, columns) = Columns(properties, source);
        var info = pairs.Where(p => !p.Key.Equals("Lattice", StringComparison.OrdinalIgnoreCase)
                                    && !p.Key.Equals("Properties", StringComparison.OrdinalIgnoreCase)).ToList();

        var names = new List<string>();
        var order = info.FirstOrDefault(p => p.Key == "elements").Value;
        if (order is not null) names.AddRange(order.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var species = new byte[n];
        var (x, y, z) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var lineNumber = i + 3L;
            var line = reader.ReadLine();
            if (line is null) InputError.AtLine(source, lineNumber, $"the file ends after {i} of {n} atoms");
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < columns) InputError.AtLine(source, lineNumber, $"{f.Length} column(s), expected {columns} ({properties})");
            var element = f[speciesColumn];
            var e = names.IndexOf(element);
            if (e < 0)
            {
                if (names.Count >= 255) InputError.AtLine(source, lineNumber, "more than 255 species");
                names.Add(element);
                e = names.Count - 1;
            }
            species[i] = (byte)e;
            if (!double.TryParse(f[posColumn], NumberStyles.Float, ic, out x[i]) || !double.TryParse(f[posColumn + 1], NumberStyles.Float, ic, out y[i])
                || !double.TryParse(f[posColumn + 2], NumberStyles.Float, ic, out z[i]) || !double.IsFinite(x[i] + y[i] + z[i]))
                InputError.AtLine(source, lineNumber, $"'{Short(line)}': expected a finite x, y and z in columns {posColumn + 1}-{posColumn + 3}");
            x[i] /= AngstromPerNm; y[i] /= AngstromPerNm; z[i] /= AngstromPerNm;
        }
        (double, double, double) Vector(int k) => (cell[3 * k] / AngstromPerNm, cell[3 * k + 1] / AngstromPerNm, cell[3 * k + 2] / AngstromPerNm);
        return new ExtendedXyzFrame(names, species, x, y, z, [Vector(0), Vector(1), Vector(2)], info);
    }

    /// <summary>The columns of species and of x, and the number of columns, from a Properties value.</summary>
    private static (int Species, int Pos, int Columns) Columns(string properties, string source)
    {
        var parts = properties.Split(':');
        if (parts.Length % 3 != 0) InputError.AtLine(source, 2, $"Properties={properties}: expected name:type:count triples");
        int column = 0, species = -1, pos = -1;
        for (var p = 0; p < parts.Length; p += 3)
        {
            if (!int.TryParse(parts[p + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                InputError.AtLine(source, 2, $"Properties={properties}: '{parts[p + 2]}' is not a column count");
            if (parts[p].Equals("species", StringComparison.OrdinalIgnoreCase) && parts[p + 1] == "S" && count == 1) species = column;
            if (parts[p].Equals("pos", StringComparison.OrdinalIgnoreCase) && parts[p + 1] == "R" && count == 3) pos = column;
            column += count;
        }
        if (species < 0 || pos < 0) InputError.AtLine(source, 2, $"Properties={properties}: expected species:S:1 and pos:R:3");
        return (species, pos, column);
    }

    /// <summary>key=value pairs separated by blanks; values may be double-quoted.</summary>
    private static List<KeyValuePair<string, string>> ParsePairs(string line, string source)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var k = 0;
        while (k < line.Length)
        {
            while (k < line.Length && char.IsWhiteSpace(line[k])) k++;
            if (k >= line.Length) break;
            var keyStart = k;
            while (k < line.Length && line[k] != '=' && !char.IsWhiteSpace(line[k])) k++;
            var key = line[keyStart..k];
            if (k >= line.Length || line[k] != '=')
            {
                pairs.Add(new(key, "T")); // a bare key is a flag, as in ASE
                continue;
            }
            k++;
            string value;
            if (k < line.Length && line[k] == '"')
            {
                var end = line.IndexOf('"', k + 1);
                if (end < 0) InputError.AtLine(source, 2, $"{key}=: unterminated quoted value");
                value = line[(k + 1)..end];
                k = end + 1;
            }
            else
            {
                var valueStart = k;
                while (k < line.Length && !char.IsWhiteSpace(line[k])) k++;
                value = line[valueStart..k];
            }
            pairs.Add(new(key, value));
        }
        return pairs;
    }

    private static string Number(double v) => v.ToString("0.########", CultureInfo.InvariantCulture);

    private static string Short(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
