using MlApt.Io;

namespace MlApt.Tests.Cli;

public class RunCommandTests
{
    [Fact]
    public void Demo_WritesExampleAndDescribesIt()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("run", "--out", dir.Path, "--seed", "7");
        Assert.Equal(0, r.Exit);
        var cloud = IonFile.Read(Path.Combine(dir.Path, "example.pos"));
        Assert.True(cloud.Count > 50_000);
        var table = RangeTable.Load(Path.Combine(dir.Path, "example.rrng"));
        var counts = table.Count(table.Assign(cloud));
        Assert.Equal(0, counts[0]); // every simulated ion sits on a ranged isotope peak
        Assert.Contains("Ni", r.Out, StringComparison.Ordinal);
    }
}
