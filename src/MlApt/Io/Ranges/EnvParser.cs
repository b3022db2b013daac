namespace MlApt.Io;

/// <summary>
/// Reads the range part of a GPM Rouen ENV environment file: after <c>#</c> comments and an optional
/// <c>Rev_x.y</c> version line, a header <c>nElements nRanges</c>, nElements lines <c>name r g b</c>, then
/// nRanges lines <c>name lo hi [volume [increment]]</c>. The instrument settings that follow are ignored.
/// Names are formulas (<c>Mn2O</c>) or free-form labels (<c>X23</c>, <c>Hyd</c>), see <see cref="IonComposition.FromName"/>.
/// </summary>
internal static class EnvParser
{
    public static RawRanges Parse(List<string> lines, string source, RangeOptions options)
    {
        var result = new RawRanges(source, options);
        var i = Next(lines, 0);
        if (i >= lines.Count)
            InputError.In(source, "empty file (expected an ENV file)");
        if (lines[i].TrimStart().StartsWith("Rev", StringComparison.OrdinalIgnoreCase))
            i = Next(lines, i + 1);
        if (i >= lines.Count)
            InputError.AtLine(source, lines.Count, "end of file (expected the header 'element-count range-count')");

        var headerLine = i + 1;
        var header = RangeText.Tokens(lines[i]);
        if (header.Length != 2)
            InputError.AtLine(source, headerLine, $"'{lines[i].Trim()}' (expected the header 'element-count range-count')");
        var nIons = RangeText.Count(source, headerLine, header[0], "element count");
        var nRanges = RangeText.Count(source, headerLine, header[1], "range count");
        if (nRanges == 0)
            InputError.AtLine(source, headerLine, "header declares 0 ranges (expected at least one)");

        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < nIons; k++)
        {
            i = Next(lines, i + 1);
            if (i >= lines.Count)
                InputError.AtLine(source, lines.Count, FormattableString.Invariant($"end of file (expected element {k + 1} of {nIons}: 'name r g b')"));
            var tokens = RangeText.Tokens(lines[i]);
            if (tokens.Length != 4)
                InputError.AtLine(source, i + 1, FormattableString.Invariant($"'{lines[i].Trim()}' (expected element {k + 1} of {nIons}: 'name r g b')"));
            for (var c = 1; c < 4; c++)
                RangeText.Number(source, i + 1, tokens[c], "colour component");
            result.DeclaredIons.Add(tokens[0]);
            declared.Add(tokens[0]);
        }

        for (var k = 0; k < nRanges; k++)
        {
            i = Next(lines, i + 1);
            if (i >= lines.Count)
                InputError.AtLine(source, lines.Count, FormattableString.Invariant($"end of file after {k} of {nRanges} ranges (expected 'name lo hi volume increment')"));
            var line = i + 1;
            var tokens = RangeText.Tokens(lines[i]);
            if (tokens.Length < 3 || tokens.Length > 5)
                InputError.AtLine(source, line, FormattableString.Invariant($"'{lines[i].Trim()}' (expected range {k + 1} of {nRanges}: 'name lo hi volume increment')"));
            if (!declared.Contains(tokens[0]))
                InputError.AtLine(source, line, $"range ion '{tokens[0]}' is not in the element list");
            var lo = RangeText.Number(source, line, tokens[1], "range lower bound");
            var hi = RangeText.Number(source, line, tokens[2], "range upper bound");
            var volume = tokens.Length > 3 ? RangeText.Number(source, line, tokens[3], "atomic volume") : double.NaN;
            if (tokens.Length > 4)
                RangeText.Number(source, line, tokens[4], "concentration increment");
            result.Add(line, lo, hi, result.Compose(line, tokens[0]), volume);
        }
        return result;
    }

    private static int Next(List<string> lines, int i)
    {
        while (i < lines.Count && RangeText.IsBlankOrComment(lines[i]))
            i++;
        return i;
    }
}
