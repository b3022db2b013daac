using MlApt.Io;

namespace MlApt.Tests.Io;

/// <summary>Small hand-written range files: the rules of METHOD §1 and the messy details of real files.</summary>
public class RangeParsingTests
{
    private static RangeTable Rrng(string ranges, string ions = "Ni Co Cr O H", bool strict = false)
    {
        var names = ions.Split(' ');
        var lines = new List<string> { "[Ions]", $"Number={names.Length}" };
        lines.AddRange(names.Select((n, i) => $"Ion{i + 1}={n}"));
        lines.Add("[Ranges]");
        var rs = ranges.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Add($"Number={rs.Length}");
        lines.AddRange(rs.Select((r, i) => $"Range{i + 1}={r}"));
        return RangeTable.Parse(string.Join('\n', lines), "R.rrng", RangeFileKind.Rrng, new RangeOptions(strict));
    }

    [Fact]
    public void Bounds_are_inclusive_at_both_ends()
    {
        var t = Rrng("10.5 11.25 Ni:1");
        Assert.Equal(1, t.SpeciesOf(10.5));
        Assert.Equal(1, t.SpeciesOf(11.25));
        Assert.Equal(0, t.SpeciesOf(Math.BitDecrement(10.5)));
        Assert.Equal(0, t.SpeciesOf(Math.BitIncrement(11.25)));
        Assert.Equal(0, t.SpeciesOf(double.NaN));
        Assert.Equal([1, 1, 0, 0], t.Assign([10.5f, 11.25f, 11.2500009f, float.NaN]));
    }

    [Fact]
    public void Shared_end_point_goes_to_the_first_listed_range()
    {
        var t = Rrng("12 13 Co:1\n11 12 Ni:1");
        Assert.Empty(t.Overlaps);
        Assert.Equal(t.IndexOf("Co"), t.SpeciesOf(12));
        Assert.Equal(t.IndexOf("Ni"), t.SpeciesOf(11.5));
        Assert.Equal(t.IndexOf("Co"), t.SpeciesOf(12.5));
        Assert.Equal(t.IndexOf("Ni"), t.SpeciesOf(11));

        // Listed the other way round, the shared point changes sides; strict mode accepts it too.
        var u = Rrng("11 12 Ni:1\n12 13 Co:1", strict: true);
        Assert.Equal(u.IndexOf("Ni"), u.SpeciesOf(12));
    }

    [Fact]
    public void Positive_overlap_is_reported_and_resolved_first_listed_wins()
    {
        var t = Rrng("20 22 Cr:1\n21 23 Ni:1\n30 31 O:1");
        var o = Assert.Single(t.Overlaps);
        Assert.Equal((21.0, 22.0), (o.Lo, o.Hi));
        Assert.Equal((10, 11), (o.First.Line, o.Second.Line));
        Assert.True(o.IsConflict);   // [Ions], Number, 5 ions, [Ranges], Number: Range1 is line 10
        Assert.Equal(t.IndexOf("Cr"), t.SpeciesOf(21.5));
        Assert.Equal(t.IndexOf("Cr"), t.SpeciesOf(22));
        Assert.Equal(t.IndexOf("Ni"), t.SpeciesOf(22.0001));
        Assert.Equal(t.IndexOf("Ni"), t.SpeciesOf(23));
    }

    [Fact]
    public void Strict_mode_refuses_overlaps_naming_both_lines_and_the_interval()
    {
        var e = Assert.Throws<InputException>(() => Rrng("20 22 Cr:1\n21 23 Ni:1", strict: true));
        Assert.StartsWith("R.rrng: line 11: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 10", e.Message, StringComparison.Ordinal);
        Assert.Contains("[21, 22]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Same_bounds_different_composition_is_an_overlap_not_a_duplicate()
    {
        var t = Rrng("20 22 Cr:1\n20 22 Ni:1");
        Assert.Equal(0, t.DuplicatesMerged);
        Assert.Single(t.Overlaps);
        Assert.Equal(t.IndexOf("Cr"), t.SpeciesOf(21));
    }

    [Fact]
    public void Exact_duplicates_are_merged_and_counted()
    {
        var t = Rrng("20 22 Cr:1\n23 24 Ni:1\n20 22 Cr:1 Color:FF0000\n20.0 22.000 Vol:0.1 Cr:1", strict: true);
        Assert.Equal(2, t.Ranges.Count);
        Assert.Equal(2, t.DuplicatesMerged);
        Assert.Empty(t.Overlaps);
        Assert.Equal(10, t.Ranges[0].Line);
    }

    [Fact]
    public void CRLF_comments_key_case_field_order_and_decimal_commas()
    {
        const string text =
            "# written by hand\r\n" +
            "[ions]\r\n" +
            "NUMBER = 3\r\n" +
            "ion1=Cr\r\n" +
            "ION2=O\r\n" +
            "Ion3=unknown\r\n" +
            "\r\n" +
            "[RANGES]\r\n" +
            "# a comment in the ranges\r\n" +
            "number=4\r\n" +
            "range1=25,5 26,25 Vol:0,012 Cr:1 Color:FF00FF\r\n" +
            "RANGE2=33.9 34.1 color:FF0000 O:1 VOL:0.04 cr:1 # trailing comment\r\n" +
            "Range3=40 41 NAME:unknown\r\n" +
            "Range4=50 51 Name:CrO2\r\n";
        var t = RangeTable.Parse(text, "R.rrng", RangeFileKind.Rrng, new RangeOptions(Strict: true));
        Assert.Equal(["Cr", "O", "unknown"], t.DeclaredIons);
        Assert.Equal(4, t.Ranges.Count);
        Assert.Equal((25.5, 26.25, 0.012), (t.Ranges[0].Lo, t.Ranges[0].Hi, t.Ranges[0].Volume));
        Assert.Equal("OCr", t.Ranges[1].Composition.Name);
        Assert.Equal(0.04, t.Ranges[1].Volume);
        Assert.Equal("FF0000", t.Ranges[1].Color);
        Assert.Equal(12, t.Ranges[1].Line);
        Assert.Equal("unknown", t.Ranges[2].Composition.Name);
        Assert.Equal("CrO2", t.Ranges[3].Composition.Name);
        Assert.Equal(["unranged", "Cr", "unknown", "OCr", "CrO2"], t.Species.Select(s => s.Name));
        Assert.Empty(t.Warnings);
    }

    [Fact]
    public void Molecular_ion_names_in_rrng_are_expanded()
    {
        var t = Rrng("14 14.1 AlH:1\n14 14.1 Al:1 H:1", ions: "Al H AlH");
        Assert.Equal(1, t.DuplicatesMerged);
        Assert.Equal("AlH", Assert.Single(t.Species.Skip(1)).Name);
    }

    [Fact]
    public void Count_mismatch_is_a_warning_or_a_strict_error()
    {
        const string text = "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=3\nRange1=1 2 Ni:1\n";
        var t = RangeTable.Parse(text, "R.rrng", RangeFileKind.Rrng);
        Assert.Contains("R.rrng: line 5:", Assert.Single(t.Warnings), StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => RangeTable.Parse(text, "R.rrng", RangeFileKind.Rrng, new RangeOptions(true)));
        Assert.StartsWith("R.rrng: line 5: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rng_with_polyatomic_extension()
    {
        const string text =
            "2 3\r\nNi\r\nNi 0.0 0.8 0.0\r\nH\r\nH 0.8 0.8 0.0\r\n--------- Ni H\r\n" +
            ". 28.9 29.1 1 0\r\n.  1.9  2.1 0 2\r\n. 29.9 30.1 1 1\r\n\r\n\r\n" +
            "--- polyatomic extension\r\n1 1\r\nNiH\r\nNiH 1.0 0.0 0.0\r\n--------- NiH\r\n. 29.9 30.1 1\r\n";
        var t = RangeTable.Parse(text, "a.rng", RangeFileKind.Rng, new RangeOptions(true));
        Assert.Equal(["Ni", "H", "NiH"], t.DeclaredIons);
        Assert.Equal(3, t.Ranges.Count);
        Assert.Equal(1, t.DuplicatesMerged);
        Assert.Equal(["unranged", "Ni", "NiH", "H2"], t.Species.Select(s => s.Name));
        Assert.Equal(8, t.Ranges[1].Line);
    }

    [Fact]
    public void Env_ranges()
    {
        const string text =
            "# comment\n\nRev_2.0\n\n# header\n2\t2\nNi\t0\t1\t0\nNiO\t0.5\t0.5\t0.5\n\n" +
            "Ni\t28.9\t29.1\t11.0\t1.0\nNiO\t37.4\t37.6\t20\t1\n\n# Flight length\n0.1005\n";
        var t = RangeTable.Parse(text, "a.env");
        Assert.Equal(RangeFileKind.Env, t.Kind);
        Assert.Equal(["unranged", "Ni", "NiO"], t.Species.Select(s => s.Name));
        Assert.Equal(11.0, t.Ranges[0].Volume);
        Assert.Equal(11, t.Ranges[1].Line);
    }

    public static TheoryData<string, RangeFileKind, string, int> Malformed() => new()
    {
        // RRNG
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=3.2 1.1 Ni:1\n", RangeFileKind.Rrng, "lo must be < hi", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=3.2 3.2 Ni:1\n", RangeFileKind.Rrng, "lo must be < hi", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=-1 3.2 Ni:1\n", RangeFileKind.Rrng, ">= 0", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1.x 3.2 Ni:1\n", RangeFileKind.Rrng, "'1.x' is not a number", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 NaN Ni:1\n", RangeFileKind.Rrng, "'NaN' is not a number", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:x\n", RangeFileKind.Rrng, "Ni:N", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:-1\n", RangeFileKind.Rrng, "Ni:N", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Vol:0.1\n", RangeFileKind.Rrng, "no composition", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:0\n", RangeFileKind.Rrng, "no composition", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Foo:1\n", RangeFileKind.Rrng, "unknown field 'Foo:'", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:1 Ni:1\n", RangeFileKind.Rrng, "twice", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:1 junk\n", RangeFileKind.Rrng, "unexpected 'junk'", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1\n", RangeFileKind.Rrng, "expected 'lo hi'", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Vol:abc Ni:1\n", RangeFileKind.Rrng, "Vol 'abc'", 6 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=x\n", RangeFileKind.Rrng, "Number 'x'", 5 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=0\n", RangeFileKind.Rrng, "no range", 4 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nRange1 1 2 Ni:1\n", RangeFileKind.Rrng, "key=value", 5 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nFoo=1 2 Ni:1\n", RangeFileKind.Rrng, "unexpected key 'Foo'", 5 },
        { "[Ions]\nNumber=1\nIon=Ni\n[Ranges]\n", RangeFileKind.Rrng, "unexpected key 'Ion'", 3 },
        { "[Ions]\nNumber=1\nIon1=\n[Ranges]\n", RangeFileKind.Rrng, "ion name", 3 },
        { "[Ions]\nNumber=1\nIon1=Ni\n[Ranges\n", RangeFileKind.Rrng, "missing ']'", 4 },
        { "Number=1\n[Ions]\n", RangeFileKind.Rrng, "before any section", 1 },
        { "[Ions]\nNumber=1\nIon1=Ni\n", RangeFileKind.Rrng, "without a [Ranges] section", 3 },
        { "[Ranges]\nNumber=1\nRange1=1 2 Ni:1\n", RangeFileKind.Rrng, "without an [Ions] section", 3 },
        // RNG
        { "x y\n", RangeFileKind.Rng, "ion count 'x'", 1 },
        { "1 1 1\n", RangeFileKind.Rng, "ion-count range-count", 1 },
        { "1 1\nNi\nCo 0 0 0\n", RangeFileKind.Rng, "colour line 'Ni r g b'", 3 },
        { "1 1\nNi\nNi 0 0 x\n", RangeFileKind.Rng, "colour component 'x'", 3 },
        { "1 1\nNi\nNi 0 0 0\n. 1 2 1\n", RangeFileKind.Rng, "separator", 4 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 2 1 1\n", RangeFileKind.Rng, "lo must be < hi", 5 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 1 0\n", RangeFileKind.Rng, "followed by 1 ion count", 5 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 0\n", RangeFileKind.Rng, "all ion counts 0", 5 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 y\n", RangeFileKind.Rng, "count of Ni 'y'", 5 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 1\nhello\n", RangeFileKind.Rng, "unexpected 'hello'", 6 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 1\n--- polyatomic extension\n", RangeFileKind.Rng, "end of file after", 6 },
        { "2 1\nNi\nNi 0 0 0\n", RangeFileKind.Rng, "name of ion 2 of 2", 3 },
        { "1 1\nNi\nNi 0 0 0\n----- Ni\n", RangeFileKind.Rng, "defines no range", 4 }, // a file cut after the separator
        // ENV
        { "# c\nRev_2.0\n1 1\nNi 0 1 0\nNi 2 1 10 1\n", RangeFileKind.Env, "lo must be < hi", 5 },
        { "# c\nRev_2.0\n1 1\nNi 0 1 0\nCo 1 2 10 1\n", RangeFileKind.Env, "not in the element list", 5 },
        { "# c\nRev_2.0\n1 2\nNi 0 1 0\nNi 1 2 10 1\n", RangeFileKind.Env, "after 1 of 2 ranges", 5 },
        { "# c\nRev_2.0\n1 1\nNi 0 1\n", RangeFileKind.Env, "'name r g b'", 4 },
        { "# c\nRev_2.0\none 1\n", RangeFileKind.Env, "element count 'one'", 3 },
        { "# c\nRev_2.0\n1 1\nNi 0 1 0\nNi 1,5,0 2 10 1\n", RangeFileKind.Env, "'1,5,0' is not a number", 5 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_names_file_and_line(string text, RangeFileKind kind, string expected, int line)
    {
        foreach (var eol in new[] { "\n", "\r\n" })
        {
            var e = Assert.Throws<InputException>(() => RangeTable.Parse(text.Replace("\n", eol, StringComparison.Ordinal), "bad.txt", kind));
            Assert.StartsWith($"bad.txt: line {line}: ", e.Message, StringComparison.Ordinal);
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Theory]
    [InlineData(RangeFileKind.Rrng)]
    [InlineData(RangeFileKind.Rng)]
    [InlineData(RangeFileKind.Env)]
    [InlineData(RangeFileKind.Auto)]
    public void Empty_input_is_refused(RangeFileKind kind)
    {
        foreach (var text in new[] { "", "\n\n", "  \r\n" })
        {
            var e = Assert.Throws<InputException>(() => RangeTable.Parse(text, "empty.rrng", kind));
            Assert.StartsWith("empty.rrng: empty file", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_content_is_refused_clearly()
    {
        var e = Assert.Throws<InputException>(() => RangeTable.Parse("hello world\n", "x.txt"));
        Assert.StartsWith("x.txt: cannot tell the range file format", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_picks_the_parser_by_extension_then_content()
    {
        using var dir = new TempDir();
        const string rrng = "[Ions]\nNumber=1\nIon1=Ni\n[Ranges]\nNumber=1\nRange1=1 2 Ni:1\n";
        const string rng = "1 1\nNi\nNi 0 0 0\n----- Ni\n. 1 2 1\n";
        File.WriteAllText(dir.File("a.RRNG"), rrng);
        File.WriteAllText(dir.File("b.Rng"), rng);
        File.WriteAllText(dir.File("c.txt"), rng);
        File.WriteAllText(dir.File("d.rng"), rrng);
        Assert.Equal(RangeFileKind.Rrng, RangeTable.Load(dir.File("a.RRNG")).Kind);
        Assert.Equal(RangeFileKind.Rng, RangeTable.Load(dir.File("b.Rng")).Kind);
        Assert.Equal(RangeFileKind.Rng, RangeTable.Load(dir.File("c.txt")).Kind);
        Assert.Equal("b.Rng", RangeTable.Load(dir.File("b.Rng")).Source);
        // Content in the wrong format for its extension: a clear error, not a guess.
        var e = Assert.Throws<InputException>(() => RangeTable.Load(dir.File("d.rng")));
        Assert.StartsWith("d.rng: line 1: ", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<InputException>(() => RangeTable.Load(dir.File("none.rrng")));
        Assert.Contains("cannot read", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_255_species_is_refused()
    {
        var ranges = string.Join('\n', Enumerable.Range(1, 256).Select(i => $"{i} {i}.5 Ni:{i}"));
        var e = Assert.Throws<InputException>(() => Rrng(ranges, ions: "Ni"));
        Assert.StartsWith("R.rrng: line ", e.Message, StringComparison.Ordinal);
        Assert.Contains("at most 255 species", e.Message, StringComparison.Ordinal);
        var ok = Rrng(string.Join('\n', Enumerable.Range(1, 255).Select(i => $"{i} {i}.5 Ni:{i}")), ions: "Ni");
        Assert.Equal(255, ok.SpeciesCount);
        Assert.Equal(255, ok.SpeciesOf(255.25));
    }
}
