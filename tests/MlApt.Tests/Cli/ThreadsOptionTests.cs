using MlApt.Numerics;
using MlApt.Sdm;
using MlApt.Tests.Sdm;

namespace MlApt.Tests.Cli;

/// <summary><c>--threads</c> is an option of every command, checked up front, and never changes a result.</summary>
public class ThreadsOptionTests
{
    [Theory]
    [InlineData("map")]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("zsdm")]
    [InlineData("sdm")]
    [InlineData("simulate")]
    [InlineData("bank")]
    [InlineData("train")]
    [InlineData("predict")]
    [InlineData("study")]
    public void EveryComputingCommand_DescribesThreads(string command)
    {
        var r = CliRunner.Run(command, "--help");
        Assert.Equal(0, r.Exit);
        Assert.Contains("--threads", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("5000")]
    public void OutOfRange_IsOneLineExit2(string value)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("simulate", "--out", dir.File("s.pos"), "--size", "4,4,4", "--threads", value);
        CliRunner.AssertBadInput(r, "--threads");
        Assert.False(File.Exists(dir.File("s.pos")));
    }

    [Fact]
    public void OneThread_ScansTheSameCountsAsAllCores()
    {
        var a = SdmTestData.Cloud(71, 20_000, -3, 3, 3);
        var index = SpeciesIndex.Build(a.X, a.Y, a.Z, 0.5);
        var c = SdmTestData.Cloud(72, 3_000, -2, 2);
        var all = new float[c.X.Length * 93];
        VoxelScan.RunChannelsAt(c.X, c.Y, c.Z, new VoxelScanOptions(SphereRadius: 1.25), [new ScanChannel(index, index)], all);
        var one = new float[all.Length];
        try
        {
            Parallelism.MaxThreads = 1;
            Assert.Equal(1, Parallelism.Options.MaxDegreeOfParallelism);
            VoxelScan.RunChannelsAt(c.X, c.Y, c.Z, new VoxelScanOptions(SphereRadius: 1.25), [new ScanChannel(index, index)], one);
        }
        finally
        {
            Parallelism.MaxThreads = 0;
        }
        Assert.Equal(all, one);
    }
}
