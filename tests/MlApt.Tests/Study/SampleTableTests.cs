using MlApt.Io;
using MlApt.Study;

namespace MlApt.Tests.Study;

public class SampleTableTests
{
    private static SampleTable Parse(string text) => SampleTable.Parse(text, "samples.csv", "/data");

    private static string ErrorOf(string text) => Assert.Throws<InputException>(() => Parse(text)).Message;

    [Fact]
    public void Columns_HaveNamesAndUnits()
    {
        var t = Parse("name,path,anneal T [K],Ni (at.%),time\nA,a,600,30,1\nB,b,700,31,2\nC,c,800,32,3\n");
        Assert.Equal(["anneal T", "Ni", "time"], t.Columns.Select(c => c.Header.Name));
        Assert.Equal(["K", "at.%", null], t.Columns.Select(c => c.Header.Unit));
        Assert.Equal([600.0, 700, 800], t.Columns[0].Values);
    }

    [Fact]
    public void NameAndPathColumns_AreFoundByHeaderInAnyOrder()
    {
        var t = Parse("T [K],Summary,Sample\n1,x/summary.json,A\n2,y,B\n3,z,C\n");
        Assert.Equal(["A", "B", "C"], t.Samples.Select(s => s.Name));
        Assert.Equal(Path.GetFullPath("x/summary.json", "/data"), t.Samples[0].MapPath);
        Assert.Single(t.Columns);
    }

    [Fact]
    public void Rows_AreLineNumbers()
    {
        var t = Parse("# comment\nname,map,x\n\nA,a,1\nB,b,2\nC,c,3\n");
        Assert.Equal([4, 5, 6], t.Samples.Select(s => s.Row));
    }

    [Fact]
    public void QuotedFields_MayHoldTheDelimiterAndQuotes()
    {
        var t = Parse("name,map,\"hardness, HV [GPa]\"\n\"A, \"\"first\"\"\",\"dir,1\",\"1.5\"\nB,b,2\nC,c,3\n");
        Assert.Equal("A, \"first\"", t.Samples[0].Name);
        Assert.Equal("hardness, HV", t.Columns[0].Header.Name);
        Assert.Equal(1.5, t.Columns[0].Values[0]);
    }

    [Fact]
    public void Semicolons_AllowDecimalCommas()
    {
        var t = Parse("name;map;rho [µΩ cm]\r\nA;a;1,5\r\nB;b;2.25\r\nC;c;3\r\n");
        Assert.Equal([1.5, 2.25, 3], t.Columns[0].Values);
    }

    [Fact]
    public void EmptyCell_IsMissing() =>
        Assert.True(double.IsNaN(Parse("name,map,x\nA,a,\nB,b,2\nC,c,3\nD,d,4\n").Columns[0].Values[0]));

    [Fact]
    public void NonNumericCell_NamesRowAndColumn() =>
        Assert.Equal("samples.csv: row 3, column 'hardness [GPa]': 'hard' is not a number (expected a finite number, or an empty cell for a missing value)",
            ErrorOf("name,map,hardness [GPa]\nA,a,1\nB,b,hard\nC,c,3\n"));

    [Fact]
    public void DuplicateName_NamesBothRows() =>
        Assert.Contains("row 4, column 'name': duplicate sample name 'A' (first in row 2)", ErrorOf("name,map,x\nA,a,1\nB,b,2\nA,c,3\n"), StringComparison.Ordinal);

    [Fact]
    public void FewerThanThreeSamples_AreRefused() =>
        Assert.Contains("2 sample row(s); a fit with a confidence band needs at least 3 samples", ErrorOf("name,map,x\nA,a,1\nB,b,2\n"), StringComparison.Ordinal);

    [Fact]
    public void MissingPathColumn_ListsTheHeaders() =>
        Assert.Contains("no path column", ErrorOf("name,x\nA,1\nB,2\nC,3\n"), StringComparison.Ordinal);

    [Fact]
    public void MissingPathCell_NamesRowAndColumn() =>
        Assert.Contains("row 3, column 'map': sample 'B' has no map path", ErrorOf("name,map,x\nA,a,1\nB,,2\nC,c,3\n"), StringComparison.Ordinal);

    [Fact]
    public void WrongFieldCount_NamesTheRow() =>
        Assert.Contains("samples.csv: row 3: 2 field(s) separated by ',', the header has 3", ErrorOf("name,map,x\nA,a,1\nB,b\nC,c,3\n"), StringComparison.Ordinal);

    [Fact]
    public void UnclosedQuote_NamesTheRow() =>
        Assert.Contains("row 2: a quoted field is not closed", ErrorOf("name,map,x\n\"A,a,1\nB,b,2\nC,c,3\n"), StringComparison.Ordinal);

    [Fact]
    public void DuplicateHeader_IsRefused() =>
        Assert.Contains("column 'X': the header appears twice (columns 3 and 4)", ErrorOf("name,map,x,X\nA,a,1,1\nB,b,2,2\nC,c,3,3\n"), StringComparison.Ordinal);

    [Fact]
    public void MissingTable_IsAnInputError() =>
        Assert.Contains("does not exist", Assert.Throws<InputException>(() => SampleTable.Load("/nonexistent/samples.csv")).Message, StringComparison.Ordinal);
}
