using MlApt.Io;

namespace MlApt.Tests.Io;

/// <summary>The 15 real range files of <c>../shared/data/range-files/</c> (skipped when absent).</summary>
public class RangeFilesRealTests
{
    public static TheoryData<string> Files() =>
    [
        "87D_1.rng", "ErMnO.env", "Mo_range.rrng", "R18_53705-v03.rng", "R18_55377-v02.rng",
        "R18_58152-v02.RRNG", "R18_59377.rng", "R18_59377_new.rng", "R18_60310-v02.rng", "R31_06365-v02.rrng",
        "Ranges_R45_2434-v01.rrng", "SeHoKim_R5076_44076_v02.rng", "TiAlN_film_cross-section_850C.rrng",
        "VAlN_film_plan-view_700C.rrng", "all02.rng", "range_file_RNG.RNG",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_real_file_loads(string file)
    {
        var path = SharedData.Require("range-files/" + file);
        var table = RangeTable.Load(path);
        Assert.NotEmpty(table.Ranges);
        Assert.InRange(table.SpeciesCount, 1, RangeTable.MaxSpecies);
        Assert.Equal(IonComposition.Unranged, table.Species[0]);
        Assert.All(table.Ranges, r => Assert.True(r.Lo < r.Hi));
        Assert.All(table.Ranges, r => Assert.Equal(r.Composition, table.Species[r.Species]));
        // Every range's own midpoint is ranged (possibly to an earlier overlapping range).
        Assert.All(table.Ranges, r => Assert.NotEqual(0, table.SpeciesOf((r.Lo + r.Hi) / 2)));
    }

    [Fact]
    public void Directory_holds_only_known_range_files()
    {
        var dir = SharedData.Require("range-files");
        var names = Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => n != "LICENSE").Order(StringComparer.Ordinal);
        Assert.Equal(Files().Select(f => f.Data).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void VAlN_merges_1440_lines_into_48_ranges()
    {
        var table = RangeTable.Load(SharedData.Require("range-files/VAlN_film_plan-view_700C.rrng"));
        Assert.Equal(48, table.Ranges.Count);
        Assert.Equal(1440 - 48, table.DuplicatesMerged);
        Assert.Equal(["N", "Al", "V", "Ar", "C", "O"], table.DeclaredIons);
        // Its overlaps are nested ranges of one species: reported, but they change nothing.
        Assert.Equal(17, table.Overlaps.Count);
        Assert.DoesNotContain(table.Overlaps, o => o.IsConflict);
        var strict = Assert.Throws<InputException>(() => RangeTable.Load(SharedData.Require("range-files/VAlN_film_plan-view_700C.rrng"), new RangeOptions(Strict: true)));
        Assert.StartsWith("VAlN_film_plan-view_700C.rrng: line 40: ", strict.Message, StringComparison.Ordinal);
        Assert.Contains("line 11", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TiAlN_keeps_both_Range41_lines()
    {
        var path = SharedData.Require("range-files/TiAlN_film_cross-section_850C.rrng");
        var table = RangeTable.Load(path);
        var lines = File.ReadAllLines(path);
        var range41 = Enumerable.Range(1, lines.Length).Where(l => lines[l - 1].StartsWith("Range41=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, range41.Length);
        var kept = table.Ranges.Where(r => range41.Contains(r.Line)).ToArray();
        Assert.Equal(2, kept.Length);
        Assert.Equal("TiNO", kept[0].Composition.Name); // as the file writes it: Ti:1 N:1 O:1
        Assert.Equal((25.9290, 26.0730), (kept[0].Lo, kept[0].Hi));
        Assert.Equal("NTi2", kept[1].Composition.Name);
        Assert.Equal((36.5690, 36.6980), (kept[1].Lo, kept[1].Hi));
        Assert.Equal(54, table.Ranges.Count);
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void Mo_range_reads_decimal_commas()
    {
        var table = RangeTable.Load(SharedData.Require("range-files/Mo_range.rrng"));
        Assert.Equal(46, table.Ranges.Count);
        var first = table.Ranges[0];
        Assert.Equal(22.8615, first.Lo);
        Assert.Equal(23.0910, first.Hi);
        Assert.Equal(0.01558, first.Volume);
        Assert.Equal("Mo", first.Composition.Name);
        Assert.Equal("FF0033", first.Color);
        var last = table.Ranges[^1];
        Assert.Equal((61.9010, 62.0610), (last.Lo, last.Hi));
        Assert.Equal("W", last.Composition.Name);
        Assert.Equal("MoN", table.Ranges[28].Composition.Name);
    }

    [Fact]
    public void CoCrNi_has_Co_Cr_Ni_H_and_17_ranges()
    {
        var table = RangeTable.Load(SharedData.Require("cocrni/CoCrNi.rrng"));
        Assert.Equal(17, table.Ranges.Count);
        Assert.Equal(0, table.DuplicatesMerged);
        Assert.Empty(table.Overlaps);
        // Declared single-atom ions first in [Ions] order, then the molecular H2.
        Assert.Equal(["unranged", "Co", "Cr", "Ni", "H", "H2"], table.Species.Select(s => s.Name));
        Assert.Equal(1, table.SingleAtomSpecies("Co"));
        Assert.Equal(3, table.SingleAtomSpecies("Ni"));
        Assert.Equal(0, table.SingleAtomSpecies("Fe"));
        Assert.Equal(table.SingleAtomSpecies("Cr"), table.SpeciesOf(24.92));
        Assert.Equal(table.IndexOf("H2"), table.SpeciesOf(2.0));
    }

    [Fact]
    public void CoCrNi_extract_counts_match_the_data_readme()
    {
        var table = RangeTable.Load(SharedData.Require("cocrni/CoCrNi.rrng"));
        var csv = SharedData.Require("reference-ml-apt/experimental/CoCrNi_annealed_NiNi_extract.csv");
        var mass = File.ReadLines(csv)
            .Where(l => l.Length > 0)
            .Select(l => float.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(39944, mass.Length);
        var counts = table.Count(table.Assign(mass));
        Assert.Equal(11087, counts[table.SingleAtomSpecies("Co")]);
        Assert.Equal(12214, counts[table.SingleAtomSpecies("Cr")]);
        Assert.Equal(11348, counts[table.SingleAtomSpecies("Ni")]);
    }

    [Fact]
    public void RNG_polyatomic_extension_duplicates_merge()
    {
        var table = RangeTable.Load(SharedData.Require("range-files/range_file_RNG.RNG"));
        Assert.Equal(18, table.Ranges.Count);
        Assert.Equal(2, table.DuplicatesMerged);
        Assert.Contains("ScH", table.DeclaredIons);
        Assert.Equal("C2", table.Species[table.SpeciesOf(24.0)].Name);
        Assert.Equal("ScH", table.Species[table.SpeciesOf(23.0)].Name);
        Assert.Equal("unknown", table.Species[table.SpeciesOf(27.5)].Name);
    }

    [Fact]
    public void All02_uses_its_ion_list_not_the_column_label()
    {
        var table = RangeTable.Load(SharedData.Require("range-files/all02.rng"));
        Assert.Equal("All", Assert.Single(table.Ranges).Composition.Name);
        Assert.Equal(1, table.SpeciesOf(0));
        Assert.Equal(1, table.SpeciesOf(400));
        Assert.Equal(0, table.SpeciesOf(400.001));
    }

    [Fact]
    public void ErMnO_env_reads_formulas_and_labels()
    {
        var table = RangeTable.Load(SharedData.Require("range-files/ErMnO.env"));
        Assert.Equal(RangeFileKind.Env, table.Kind);
        Assert.Equal(26, table.Ranges.Count);
        Assert.Equal(12, table.DeclaredIons.Count);
        Assert.Equal(new Dictionary<string, int> { ["Mn"] = 2, ["O"] = 1 }, table.Species[table.SpeciesOf(63.0)].ToDictionary());
        Assert.Equal("Hyd", table.Species[table.SpeciesOf(2.0)].Name);
        Assert.Equal("X23", table.Species[table.SpeciesOf(22.5)].Name);
        // Three Er ranges overlap their neighbours by a few mDa.
        Assert.Equal([(55.543, 55.55), (55.877, 55.88)], table.Overlaps.Select(o => (o.Lo, o.Hi)));
        Assert.Equal([(48, 49), (49, 50)], table.Overlaps.Select(o => (o.First.Line, o.Second.Line)));
    }

    [Fact]
    public void Content_sniffing_matches_the_extension()
    {
        foreach (var file in Files().Select(f => f.Data))
        {
            var path = SharedData.Require("range-files/" + file);
            var text = File.ReadAllText(path);
            var sniffed = RangeTable.Parse(text, file);
            Assert.Equal(RangeTable.KindFromExtension(file), sniffed.Kind);
        }
    }
}
