using MlApt.Io;
using MlApt.Learning;

namespace MlApt.Tests.Learning;

public class ClassifierInputTests
{
    [Fact]
    public void Load_Float32ThreeDimensional_ReadsValuesInOrder()
    {
        using var dir = new TempDir();
        var path = dir.File("x.npy");
        var data = Enumerable.Range(0, 2 * 2 * 93).Select(i => (float)i).ToArray();
        Npy.WriteFile(path, data, 2, 2, 93);
        var input = ClassifierInput.Load(path, CnnArchitecture.Reference(channels: 2), InputNormalization.None);
        Assert.Equal(2, input.Count);
        Assert.Equal(data.Select(v => (double)v), input.Values);
    }

    [Fact]
    public void Load_MinMax_ScalesEachChannelSeparately()
    {
        using var dir = new TempDir();
        var path = dir.File("x.npy");
        var data = Enumerable.Range(0, 2 * 93).Select(i => (float)(i < 93 ? i : 10 * i)).ToArray();
        Npy.WriteFile(path, data, 1, 2, 93);
        var input = ClassifierInput.Load(path, CnnArchitecture.Reference(channels: 2), InputNormalization.MinMax);
        Assert.Equal((0.0, 1.0), (input.Values[0], input.Values[92]));
        Assert.Equal((0.0, 1.0), (input.Values[93], input.Values[185]));
    }

    [Fact]
    public void Load_TwoDimensionalForTwoChannels_Rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("x.npy");
        Npy.WriteFile(path, new float[93], 1, 93);
        var e = Assert.Throws<InputException>(() => ClassifierInput.Load(path, CnnArchitecture.Reference(channels: 2), InputNormalization.None));
        Assert.Contains("shape (1, 93): the model takes 2 channel(s) × 93 bins, expected (N, 2, 93)", e.Message, StringComparison.Ordinal);
    }
}
