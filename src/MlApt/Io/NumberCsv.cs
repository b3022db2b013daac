using System.Globalization;
using System.Text;

namespace MlApt.Io;

/// <summary>Rows of numbers as CSV without a header: shortest round-trip form, <c>nan</c> for NaN.</summary>
internal static class NumberCsv
{
    /// <summary>
    /// Writes <paramref name="rows"/> lines atomically; line r holds row r of every block in turn (a block holds
    /// <paramref name="rows"/> × its column count values, row-major).
    /// </summary>
    public static void Write(string path, int rows, params double[][] blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        AtomicFile.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16);
            var line = new StringBuilder();
            for (var r = 0; r < rows; r++)
            {
                line.Clear();
                foreach (var block in blocks)
                {
                    var columns = block.Length / rows;
                    foreach (var v in block.AsSpan(r * columns, columns))
                    {
                        if (line.Length > 0)
                            line.Append(',');
                        line.Append(Format(v));
                    }
                }
                line.Append('\n');
                w.Write(line);
            }
        });
    }

    /// <summary>One value: shortest round-trip invariant form, or <c>nan</c>.</summary>
    public static string Format(double v) => double.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture);
}
