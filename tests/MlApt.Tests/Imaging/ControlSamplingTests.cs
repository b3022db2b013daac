using System.Text.Json;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Learning;
using MlApt.Sdm;
using MlApt.Specimens;
using MlApt.Tests.Cli;
using MlApt.Tests.Learning;

namespace MlApt.Tests.Imaging;

/// <summary>
/// Controls measured from a sample of blocks: inside the sampled blocks the decision is the full control map's,
/// sub-voxel for sub-voxel, over exactly the real map's analysable voxels; over many sample seeds the estimate is
/// unbiased against the full control map and its standard error covers it about as often as it claims.
/// </summary>
public class ControlSamplingTests
{
    // Domains are speckles of this noisy classifier: small, many straddling block faces, so the growth is exercised.
    private static readonly MapOptions Options = new(Rule: DecisionRule.Mean, Threshold: 0.68, DomainFraction: 0.7, MinDomainSubVoxels: 4,
        Stage: SdmStage.Normalized);

    private static readonly ControlSampling Sampling = new(0.1, BlockSubVoxels: 4);

    /// <summary>
    /// A classifier whose probability is a hash of the voxel's z-SDM: uniform on [0, 1), uncorrelated between voxels,
    /// and a function of the z-SDM alone, so two maps agree on a voxel exactly when its z-SDMs do.
    /// </summary>
    private static void HashClassifier(ReadOnlySpan<float> inputs, int count, Span<float> probability, Span<float> std)
    {
        var per = inputs.Length / count;
        for (var i = 0; i < count; i++)
        {
            var h = 14695981039346656037UL;
            var undefined = false;
            foreach (var v in inputs.Slice(i * per, per))
            {
                undefined |= float.IsNaN(v);
                h = (h ^ BitConverter.SingleToUInt32Bits(v)) * 1099511628211UL;
            }
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 32;
            probability[i] = undefined ? float.NaN : (h >> 40) / (float)(1 << 24);
            std[i] = 0;
        }
    }

    private static readonly Lazy<(IonCloud Cloud, RangeTable Table, byte[] Species, CsroMap Real, byte[] Permuted, CsroMap FullControl)> Maps = new(() =>
    {
        var cloud = DemoSpecimen.Generate((10, 10, 20), 3);
        var table = RangeTable.Parse(DemoSpecimen.RangeFile(), "demo.rrng");
        var species = table.Assign(cloud);
        // The automatic box: the density rule leaves the sparse voxels at the specimen's edges out.
        var real = CsroMapper.Map(cloud, species, table, [ElementPair.Parse("Ni-Ni")], HashClassifier, Options);
        var permuted = LabelPermutation.PermuteSpecies(species, 11);
        var full = CsroMapper.Map(cloud, permuted, table, [ElementPair.Parse("Ni-Ni")], HashClassifier, CsroMapper.ControlOptions(Options, real));
        return (cloud, table, species, real, permuted, full);
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SampledBlocks_AreTheFullControlMapThere_OverTheRealMapsVoxels(int seed)
    {
        var (cloud, table, _, real, permuted, full) = Maps.Value;
        Assert.True(full.SelectedSubVoxels > 50, $"the test needs domains in the control, has {full.SelectedSubVoxels} selected sub-voxels");
        var sampled = CsroMapper.MapSampled(cloud, permuted, table, [ElementPair.Parse("Ni-Ni")], HashClassifier, Options, real, Sampling, seed);
        var sample = Assert.IsType<ControlSampleEstimate>(sampled.Sample);
        var inSample = sample.InSample;
        Assert.Equal(Math.Max(Sampling.MinBlocks, (int)Math.Ceiling(0.1 * sample.EligibleBlocks)), sample.Blocks);
        Assert.True(sample.ComputedVoxels < real.AnalysableVoxels / 2, $"{sample.ComputedVoxels} of {real.AnalysableVoxels} voxels classified");
        Assert.True(sample.GrowthRounds >= 2, "domains straddling the block faces should have made the sample grow");
        Assert.True(real.AnalysableVoxels < real.Grid.Count, "the automatic box should leave voxels out");

        // Voxels: only the real map's analysable ones are classified, with the full control's probabilities, and every
        // analysable voxel covering a sampled sub-voxel is among them.
        for (var v = 0; v < real.Grid.Count; v++)
        {
            var p = sampled.VoxelProbability[v];
            if (!real.Analysable[v])
                Assert.True(float.IsNaN(p));
            else if (!float.IsNaN(p))
                Assert.Equal(full.VoxelProbability[v], p);
        }
        int selected = 0, defined = 0;
        for (var s = 0; s < real.SubGrid.Count; s++)
        {
            if (!inSample[s])
            {
                Assert.Equal(0, sampled.Selected[s]);
                continue;
            }
            Assert.Equal(full.SubVoxelMean[s], sampled.SubVoxelMean[s]);
            Assert.Equal(full.Selected[s], sampled.Selected[s]);
            selected += full.Selected[s];
            defined += float.IsNaN(full.SubVoxelMean[s]) ? 0 : 1;
        }
        Assert.True(selected > 0, "the sampled blocks should hold selected sub-voxels");
        Assert.Equal(selected, sampled.SelectedSubVoxels);
        Assert.Equal(defined, sampled.DefinedSubVoxels);

        // Domains: those of the full control whose first sub-voxel lies in a sampled block, whole.
        var anchored = full.Domains.Where(d => inSample[FirstSubVoxel(full, d.Domain.Id)]).Select(d => d.Domain.SubVoxels).Order().ToArray();
        Assert.Equal(anchored, sampled.Domains.Select(d => d.Domain.SubVoxels).Order().ToArray());
    }

    [Fact]
    public void Estimate_OverManySeeds_IsUnbiasedAndItsStandardErrorCoversNominally()
    {
        // The sampled map equals the full control map inside its blocks (test above), so its estimate for a seed is the
        // block estimator applied to the full map's decision: here over 2000 seeds.
        var (_, _, _, real, _, full) = Maps.Value;
        var truth = full.VolumeFraction;
        const int Seeds = 2000;
        var estimates = new double[Seeds];
        var covered = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var blocks = new CsroMapper.BlockSample(real.SubGrid, Sampling.BlockSubVoxels, real.SubVoxelMean, Sampling, seed);
            var (estimate, se, _, _) = blocks.Estimate(full.Selected, full.SubVoxelMean);
            Assert.True(se > 0);
            estimates[seed] = estimate;
            if (Math.Abs(estimate - truth) <= 1.96 * se)
                covered++;
        }
        var mean = estimates.Average();
        var sd = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (Seeds - 1));
        // Unbiased: the mean of the estimates within 3.5 standard errors of that mean (the ratio estimator's O(1/n) bias is far smaller).
        Assert.True(Math.Abs(mean - truth) < 3.5 * sd / Math.Sqrt(Seeds), $"mean estimate {mean:G6} against the full control's {truth:G6} (sd {sd:G3})");
        Assert.True(sd > 0.05 * truth, $"the estimates should vary between seeds (sd {sd:G3}, fraction {truth:G3})");
        // Coverage of ±1.96 SE: nominally 95 %; the ratio estimator's variance estimate from ~25 blocks is a little low.
        var coverage = (double)covered / Seeds;
        Assert.True(coverage is >= 0.88 and <= 0.985, $"coverage {coverage:P1}");
    }

    [Fact]
    public void FullSampling_IsTheOrdinaryControl_AndBadValuesAreRefused()
    {
        Assert.True(ControlSampling.TryParse("full")!.IsFull);
        Assert.True(ControlSampling.TryParse("1")!.IsFull);
        Assert.Equal(0.25, ControlSampling.TryParse("0.25")!.Fraction);
        Assert.Null(ControlSampling.TryParse("0"));
        Assert.Null(ControlSampling.TryParse("1.5"));
        Assert.Null(ControlSampling.TryParse("half"));
    }

    [Fact]
    public void MapCommand_SampledControls_ReportStandardErrors_FullControlsDoNot()
    {
        using var dir = new TempDir();
        var cloud = DemoSpecimen.Generate((8, 8, 12), 5);
        var pos = dir.File("s.pos");
        IonFile.Write(pos, cloud);
        File.WriteAllText(dir.File("s.rrng"), DemoSpecimen.RangeFile());
        var arch = CnnArchitecture.Reference(1);
        ModelFile.Save(dir.File("m.safetensors"), new CnnEnsemble(arch, [KerasTestFiles.RandomWeights(arch, 1, 0.05)], ["FCC", "CSRO"], ["Ni-Ni"]));
        string[] common = ["map", pos, "--ranges", dir.File("s.rrng"), "--model", dir.File("m.safetensors"), "--control", "2"];

        var r = CliRunner.Run([.. common, "--out", dir.File("sampled")]);
        Assert.True(r.Exit == 0, r.Err);
        using (var doc = JsonDocument.Parse(File.ReadAllText(dir.File("sampled/summary.json"))))
        {
            var s = doc.RootElement;
            var control = s.GetProperty("control");
            Assert.Equal(2, control.GetProperty("standard_error").GetArrayLength());
            Assert.True(control.GetProperty("p_value").GetDouble() >= control.GetProperty("p_value_estimates").GetDouble());
            var sample = control.GetProperty("sample");
            Assert.Equal(ControlSampling.DefaultBlockSubVoxels, sample.GetProperty("block_subvoxels").GetInt32());
            var analysable = s.GetProperty("voxels").GetProperty("analysable").GetInt32();
            Assert.All(sample.GetProperty("computed_voxels").EnumerateArray(), c => Assert.InRange(c.GetInt32(), 1, analysable));
            Assert.Equal("0.1", s.GetProperty("parameters").GetProperty("control_sample").GetString());
        }

        r = CliRunner.Run([.. common, "--control-sample", "full", "--out", dir.File("full")]);
        Assert.True(r.Exit == 0, r.Err);
        using (var doc = JsonDocument.Parse(File.ReadAllText(dir.File("full/summary.json"))))
        {
            var control = doc.RootElement.GetProperty("control");
            Assert.All(control.GetProperty("standard_error").EnumerateArray(), e => Assert.Equal(0, e.GetDouble()));
            Assert.False(control.TryGetProperty("sample", out _));
            Assert.Equal(control.GetProperty("p_value").GetDouble(), control.GetProperty("p_value_estimates").GetDouble());
        }

        r = CliRunner.Run([.. common, "--control-sample", "0", "--out", dir.File("bad")]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("--control-sample '0'", r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir.File("bad")));
    }

    private static int FirstSubVoxel(CsroMap map, int label) => Array.IndexOf(map.DomainLabels, label);
}
