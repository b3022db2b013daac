using MlApt.Io;
using MlApt.Banks;

namespace MlApt.Tests.Simulation;

public class ParameterAxisTests
{
    [Fact]
    public void ReferenceGrids_HaveMethodsSizes()
    {
        Assert.Equal(13, BankPresets.ReferenceSigmaXy.Values.Count);
        Assert.Equal(25, BankPresets.ReferenceFccSigmaZ.Values.Count);
        Assert.Equal(15, BankPresets.ReferenceCsroSigmaZ.Values.Count);
        Assert.Equal(10, BankPresets.ReferenceEfficiency.Values.Count);
        Assert.Equal(0.55, BankPresets.ReferenceEfficiency.Values[7]);
        Assert.Equal(0.058, BankPresets.ReferenceFccSigmaZ.Values[^1]);
    }

    [Theory]
    [InlineData("0.3", 1, 0.3, 0.3)]
    [InlineData("0.2,0.5,0.3", 3, 0.2, 0.5)]
    [InlineData("0.2:0.8:0.05", 13, 0.2, 0.8)]
    [InlineData("0.2:0.8", 0, 0.2, 0.8)]
    public void Parse_TextForms(string text, int values, double min, double max)
    {
        var axis = ParameterAxis.Parse(text, "--sigma-xy");
        Assert.Equal(values, axis.Values.Count);
        Assert.Equal(min, axis.Min);
        Assert.Equal(max, axis.Max);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0.2:0.1:0.05")]
    [InlineData("0.2:0.8:0")]
    [InlineData("1:2:3:4")]
    [InlineData("0.1,,0.2")]
    [InlineData("nan")]
    public void Parse_BadText_NamesTheOption(string text)
    {
        var e = Assert.Throws<InputException>(() => ParameterAxis.Parse(text, "--sigma-xy"));
        Assert.StartsWith("--sigma-xy: ", e.Message, StringComparison.Ordinal);
    }
}
