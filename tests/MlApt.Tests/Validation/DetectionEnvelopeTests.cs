using MlApt.Io;
using MlApt.Specimens;
using MlApt.Validation;

namespace MlApt.Tests.Validation;

public class DetectionEnvelopeTests
{
    [Fact]
    public void ScaleZ_StretchesAboutMidDepth()
    {
        var cloud = new IonCloud([0f, 1f], [0f, 1f], [-5f, -15f], [1f, 2f]);
        var scaled = DetectionEnvelope.ScaleZ(cloud, 1.1, -10);
        Assert.Equal(-10 + 1.1 * 5, scaled.Z[0], 1e-5);
        Assert.Equal(-10 - 1.1 * 5, scaled.Z[1], 1e-5);
        Assert.Same(cloud, DetectionEnvelope.ScaleZ(cloud, 1, -10));
    }

    [Theory]
    [InlineData("default", 53)]
    [InlineData("quick", 30)]
    [InlineData("tiny", 10)]
    public void Grids_HaveTheSizeTheHelpGives(string name, int points)
    {
        Assert.Equal(points, EnvelopeGrid.Named(name).Points().Count);
        var help = typeof(MlApt.Cli.Commands.ValidateSettings).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false).Cast<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description)
            .Single(d => d is not null && d.StartsWith("default (", StringComparison.Ordinal) && d.Contains("quick (", StringComparison.Ordinal));
        Assert.Contains(name == "default" ? $"default ({points} specimens" : $"{name} ({points} ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_KeepTheBaseDomainVolume_AndHaveTheirOwnSeeds()
    {
        var grid = EnvelopeGrid.Default;
        var points = grid.Points();
        Assert.Equal(points.Count, points.Select(p => p.Spec.Seed).Distinct().Count());
        var b = grid.Base;
        var baseVolume = b.Domains * Math.PI * (b.RadiusMin + b.RadiusMax) * (b.RadiusMin * b.RadiusMin + b.RadiusMax * b.RadiusMax) / 3;
        foreach (var p in points.Where(p => p.Axis == "radius×order"))
        {
            var r = p.Spec.RadiusMin;
            Assert.InRange(p.Spec.Domains * 4.0 / 3 * Math.PI * r * r * r / baseVolume, 0.8, 1.2);
            SimulatedSpecimen.PlaceDomains(p.Spec); // placeable
        }
    }
}
