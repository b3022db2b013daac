using MlApt.Io;

namespace MlApt.Tests.Io;

public class CsvIonFormatTests
{
    private static IonCloud ReadText(TempDir dir, string text)
    {
        var path = dir.File("t.csv");
        File.WriteAllText(path, text);
        return CsvIonFormat.Read(path);
    }

    [Fact]
    public void Read_CommaSeparated_NoHeader()
    {
        using var dir = new TempDir();
        var c = ReadText(dir, "-6.235,-8.691,-118.959,25.967\n1,2,3,4\n");
        Assert.Equal(2, c.Count);
        Assert.Equal(-118.959, c.Text!.Z[0]);
        Assert.Equal(-118.959f, c.Z[0]);
    }

    [Fact]
    public void Read_WhitespaceSeparated_WithCommentsAndCrlf()
    {
        using var dir = new TempDir();
        var c = ReadText(dir, "# exported\r\n1.5  2.5\t3.5   4.5\r\n\r\n  -1 -2 -3 60\r\n");
        Assert.Equal([1.5, -1], c.Text!.X);
        Assert.Equal([4.5, 60], c.Text.M);
    }

    [Fact]
    public void Read_Header_FindsColumnsByName()
    {
        using var dir = new TempDir();
        var c = ReadText(dir, "Mass (Da), z, y, x\n58, 3, 2, 1\n");
        Assert.Equal([1.0], c.Text!.X);
        Assert.Equal([3.0], c.Text.Z);
        Assert.Equal([58.0], c.Text.M);
    }

    [Fact]
    public void Read_BadNumber_NamesLineAndColumn()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => ReadText(dir, "1,2,3,4\n1,2,abc,4\n"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 3 (z) 'abc'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooFewColumns_NamesLine()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => ReadText(dir, "1,2,3,4\n\n1,2,3\n"));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NaN_IsRefused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InputException>(() => ReadText(dir, "1,2,NaN,4\n"));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_KeepsTextValues()
    {
        using var dir = new TempDir();
        var c = ReadText(dir, "0.1,0.2,-118.959,29.12\n");
        var path = dir.File("out.csv");
        CsvIonFormat.Write(path, c);
        var back = CsvIonFormat.Read(path);
        Assert.Equal(c.Text!.Z, back.Text!.Z);
        Assert.Equal(c.Text.M, back.Text.M);
    }

    [Fact]
    public void Read_RealExtract_Has39944Ions()
    {
        var path = SharedData.Require("reference-ml-apt/experimental/CoCrNi_annealed_NiNi_extract.csv");
        var c = IonFile.Read(path, null, out var format);
        Assert.Equal(IonFileFormat.Csv, format);
        Assert.Equal(39_944, c.Count);
    }
}
