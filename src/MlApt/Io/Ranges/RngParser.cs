namespace MlApt.Io;

/// <summary>
/// Reads Oxford/Cameca RNG files. Layout (one block, optionally followed by a second one after a
/// <c>--- polyatomic extension</c> line):
/// <code>
/// nIons nRanges
/// Ni                      (ion name)
/// Ni 0.00 0.80 0.00       (name + RGB colour)
/// ...
/// ------------- Ni Co     (separator; the column labels are not trusted: all02.rng writes "a" for "All")
/// . 28.8160 29.3220  1 0  (". lo hi" + one count per ion, in the order of the ion list)
/// </code>
/// In the polyatomic block the ion names are formulas (<c>ScH</c>, <c>C2</c>); a count column expands to
/// that formula's elements. Those ranges usually repeat main-block ranges with the same composition
/// and are merged as exact duplicates.
/// </summary>
internal static class RngParser
{
    public static RawRanges Parse(List<string> lines, string source, RangeOptions options)
    {
        var result = new RawRanges(source, options);
        var i = SkipBlank(lines, 0);
        if (i >= lines.Count)
            InputError.In(source, "empty file (expected an RNG range file)");
        ParseBlock(lines, ref i, result, "RNG");

        i = SkipBlank(lines, i);
        if (i < lines.Count)
        {
            var text = lines[i].Trim();
            if (!text.StartsWith('-') || !text.Contains("polyatomic", StringComparison.OrdinalIgnoreCase))
                InputError.AtLine(source, i + 1, $"unexpected '{Clip(text)}' after the ranges (expected '--- polyatomic extension' or end of file)");
            i = SkipBlank(lines, i + 1);
            if (i >= lines.Count)
                InputError.AtLine(source, lines.Count, "end of file after '--- polyatomic extension' (expected 'ion-count range-count')");
            ParseBlock(lines, ref i, result, "polyatomic extension");
            i = SkipBlank(lines, i);
            if (i < lines.Count)
                InputError.AtLine(source, i + 1, $"unexpected '{Clip(lines[i].Trim())}' after the polyatomic extension (expected end of file)");
        }
        return result;
    }

    private static void ParseBlock(List<string> lines, ref int i, RawRanges result, string block)
    {
        var source = result.Source;
        var headerLine = i + 1;
        var header = RangeText.Tokens(lines[i]);
        if (header.Length != 2)
            InputError.AtLine(source, headerLine, $"'{Clip(lines[i].Trim())}' (expected the {block} header 'ion-count range-count')");
        var nIons = RangeText.Count(source, headerLine, header[0], "ion count");
        var nRanges = RangeText.Count(source, headerLine, header[1], "range count");
        if (nIons == 0)
            InputError.AtLine(source, headerLine, $"{block} header declares 0 ions (expected at least one)");
        i++;

        var names = new string[nIons];
        for (var k = 0; k < nIons; k++)
        {
            i = SkipBlank(lines, i);
            if (i >= lines.Count)
                InputError.AtLine(source, lines.Count, FormattableString.Invariant($"end of file (expected the name of ion {k + 1} of {nIons})"));
            var nameTokens = RangeText.Tokens(lines[i]);
            if (nameTokens.Length != 1 || nameTokens[0].StartsWith('-') || nameTokens[0].StartsWith('.'))
                InputError.AtLine(source, i + 1, FormattableString.Invariant($"'{Clip(lines[i].Trim())}' (expected the name of ion {k + 1} of {nIons} alone on its line)"));
            names[k] = nameTokens[0];
            i = SkipBlank(lines, i + 1);
            if (i >= lines.Count)
                InputError.AtLine(source, lines.Count, $"end of file (expected the colour line '{names[k]} r g b')");
            var colour = RangeText.Tokens(lines[i]);
            if (colour.Length != 4 || !colour[0].Equals(names[k], StringComparison.OrdinalIgnoreCase))
                InputError.AtLine(source, i + 1, $"'{Clip(lines[i].Trim())}' (expected the colour line '{names[k]} r g b')");
            for (var c = 1; c < 4; c++)
                RangeText.Number(source, i + 1, colour[c], "colour component");
            result.DeclaredIons.Add(names[k]);
            i++;
        }

        i = SkipBlank(lines, i);
        if (i >= lines.Count || !lines[i].TrimStart().StartsWith('-'))
            InputError.AtLine(source, Math.Min(i + 1, lines.Count), "expected the '-------- ion names' separator line before the ranges");
        i++;

        var found = 0;
        var counts = new KeyValuePair<string, int>[nIons];
        while (true)
        {
            var next = SkipBlank(lines, i);
            if (next >= lines.Count || !lines[next].TrimStart().StartsWith('.'))
                break;
            i = next;
            var line = i + 1;
            var tokens = RangeText.Tokens(lines[i]);
            if (tokens[0] != "." || tokens.Length != 3 + nIons)
                InputError.AtLine(source, line, FormattableString.Invariant(
                    $"'{Clip(lines[i].Trim())}' (expected '. lo hi' followed by {nIons} ion count{(nIons == 1 ? "" : "s")})"));
            var lo = RangeText.Number(source, line, tokens[1], "range lower bound");
            var hi = RangeText.Number(source, line, tokens[2], "range upper bound");
            for (var k = 0; k < nIons; k++)
                counts[k] = new(names[k], RangeText.Count(source, line, tokens[3 + k], $"count of {names[k]}"));
            if (!Array.Exists(counts, c => c.Value > 0))
                InputError.AtLine(source, line, "range has all ion counts 0 (expected at least one count > 0)");
            result.Add(line, lo, hi, result.Compose(line, counts));
            found++;
            i++;
        }
        if (found == 0)
            InputError.AtLine(source, Math.Min(i + 1, lines.Count), FormattableString.Invariant(
                $"{block} defines no range after the separator line (expected {nRanges} lines '. lo hi' followed by {nIons} ion count{(nIons == 1 ? "" : "s")})"));
        if (found != nRanges)
            result.Mismatch(headerLine, FormattableString.Invariant($"{block} header declares {nRanges} ranges but {found} follow"));
    }

    private static int SkipBlank(List<string> lines, int i)
    {
        while (i < lines.Count && RangeText.IsBlankOrComment(lines[i]))
            i++;
        return i;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
