using System.Text.Json;
using MlApt.Geometry;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Tests.Cli;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Imaging;

/// <summary>A random-label control is analysed over exactly the voxels of its real map, with and without an explicit box.</summary>
public class ControlVoxelSetTests
{
    private static (IonCloud Cloud, RangeTable Table, CnnEnsemble Model) Specimen()
    {
        // A tilted cylinder of ions: its bounding box holds many voxels the density rule leaves out.
        var cube = DemoSpecimen.Generate((6, 6, 6), 5, [(0, 0, -3, 1.5)], "Ni");
        var keep = Enumerable.Range(0, cube.Count).Where(i => cube.X[i] * cube.X[i] + cube.Y[i] * cube.Y[i] <= 6.0 + 0.3 * cube.Z[i]).ToArray();
        var cloud = new IonCloud(keep.Select(i => cube.X[i]).ToArray(), keep.Select(i => cube.Y[i]).ToArray(),
            keep.Select(i => cube.Z[i]).ToArray(), keep.Select(i => cube.M[i]).ToArray());
        var arch = CnnArchitecture.Reference(1);
        var model = new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]);
        return (cloud, RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng"), model);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ControlOptions_AnalyseExactlyTheRealMapsVoxels(bool explicitBox)
    {
        var (cloud, table, model) = Specimen();
        var species = table.Assign(cloud);
        var pairs = new[] { ElementPair.Parse("Ni-Ni") };
        var classify = EnsembleClassifier.Create(model);
        var options = new MapOptions(Box: explicitBox ? new Box(-2.5, 2.5, -2.5, 2.5, -5.5, -0.5) : null, Stage: SdmStage.Normalized);
        var real = CsroMapper.Map(cloud, species, table, pairs, classify, options);
        Assert.Equal(real.Grid.Count, real.Analysable.Length);
        Assert.Equal(real.AnalysableVoxels, real.Analysable.Count(a => a));
        if (!explicitBox)
            Assert.True(real.AnalysableVoxels < real.Grid.Count, "the specimen should leave sparse voxels out of the automatic region");

        var control = CsroMapper.Map(cloud, LabelPermutation.PermuteSpecies(species, 7), table, pairs, classify, CsroMapper.ControlOptions(options, real));
        Assert.Equal(real.Box, control.Box);
        Assert.Equal(real.Analysable, control.Analysable);
        Assert.Equal(real.AnalysableVoxels, control.AnalysableVoxels);
        // Voxels outside the set are never classified in either map.
        for (var v = 0; v < real.Grid.Count; v++)
        {
            if (!real.Analysable[v])
            {
                Assert.True(float.IsNaN(real.VoxelProbability[v]));
                Assert.True(float.IsNaN(control.VoxelProbability[v]));
            }
        }
    }

    [Fact]
    public void MaskOfAnotherGrid_IsRefused()
    {
        var (cloud, table, model) = Specimen();
        var species = table.Assign(cloud);
        var options = new MapOptions(Box: new Box(-2, 2, -2, 2, -4, -1), Analysable: new bool[3]);
        var e = Assert.Throws<ArgumentException>(() =>
            CsroMapper.Map(cloud, species, table, [ElementPair.Parse("Ni-Ni")], EnsembleClassifier.Create(model), options));
        Assert.Equal("options", e.ParamName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MapCommand_SummaryGivesEachPermutationsVoxels_PValueResolutionAndControlTimings(bool explicitBox)
    {
        using var dir = new TempDir();
        var (cloud, _, model) = Specimen();
        var pos = dir.File("s.pos");
        IonFile.Write(pos, cloud);
        File.WriteAllText(dir.File("s.rrng"), DemoSpecimen.RangeFile());
        ModelFile.Save(dir.File("m.safetensors"), model);
        string[] args = ["map", pos, "--ranges", dir.File("s.rrng"), "--model", dir.File("m.safetensors"), "--control", "2", "--out", dir.File("out")];
        if (explicitBox)
            args = [.. args, "--box", "-2.5,2.5,-2.5,2.5,-5.5,-0.5"];
        var r = CliRunner.Run(args);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("p ≤ 0.05 needs at least 19", r.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("out/summary.json")));
        var s = doc.RootElement;
        var analysable = s.GetProperty("voxels").GetProperty("analysable").GetInt32();
        var control = s.GetProperty("control");
        Assert.Equal([analysable, analysable], control.GetProperty("analysable_voxels").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1.0 / 3, control.GetProperty("p_value_resolution").GetDouble(), 12);
        Assert.True(s.GetProperty("timings_s").GetProperty("controls").GetDouble() > 0);
    }
}
