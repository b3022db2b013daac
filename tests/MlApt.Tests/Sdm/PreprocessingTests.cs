using MlApt.Geometry;
using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class PreprocessingTests
{
    [Fact]
    public void NoPairs_IsUndefined_NaN()
    {
        var raw = new float[93];
        var d = new double[93];
        Assert.False(Preprocessing.Apply(raw, d));
        Assert.All(d, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Constant_IsUndefined_InEveryNormalisingStage()
    {
        var raw = Enumerable.Repeat(3f, 93).ToArray();
        var d = new double[93];
        Assert.False(Preprocessing.Apply(raw, d, SdmStage.Normalized));
        Assert.False(Preprocessing.Apply(raw, d, SdmStage.Preprocessed));
        Assert.True(Preprocessing.Apply(raw, d, SdmStage.Raw));
    }

    [Fact]
    public void Batch_CountsUndefined()
    {
        var raw = new float[5 * 93];
        var rng = new Random(3);
        for (var k = 0; k < 93; k++) { raw[k] = rng.Next(10); raw[2 * 93 + k] = rng.Next(10); }
        var d = new double[raw.Length];
        foreach (var stage in new[] { SdmStage.Normalized, SdmStage.Preprocessed })
        {
            Assert.Equal(3, Preprocessing.ApplyBatch(raw, d, stage));
            Assert.True(double.IsNaN(d[93]));
            Assert.False(double.IsNaN(d[0]));
        }
        Assert.Equal(0, Preprocessing.ApplyBatch(raw, d, SdmStage.Raw));
    }

    [Fact]
    public void MinMax_MapsToUnitRange()
    {
        double[] v = [2, 4, 6];
        var d = new double[3];
        Assert.True(Preprocessing.MinMax(v, d));
        Assert.Equal([0, 0.5, 1], d);
    }

    [Fact]
    public void Preprocessed_IsInUnitRange()
    {
        var raw = RealisticCurves(20, seed: 5);
        var d = new double[93];
        for (var c = 0; c < 20; c++)
        {
            if (!Preprocessing.Apply(raw.AsSpan(c * 93, 93), d)) continue;
            Assert.Equal(0.0, d.Min());
            Assert.Equal(1.0, d.Max());
        }
    }

    /// <summary>1 … 40 curves: every count modulo the 16 lanes, and lanes running dry at every point.</summary>
    public static TheoryData<int> CurveCounts() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(CurveCounts))]
    public void Batch_EqualsScalar_BitForBit_SmallCounts(int curves) => AssertBatchEqualsScalar(RandomCurves(curves, seed: curves));

    [Fact]
    public void Batch_EqualsScalar_BitForBit_RealisticScan()
    {
        // Curves from a voxel scan of a synthetic solid solution: realistic shapes, iteration counts
        // from a few to the cap, undefined curves at the surface; more than one parallel chunk.
        AssertBatchEqualsScalar(RealisticCurves(2500, seed: 9));
    }

    [Fact]
    public void Batch_Hits_IterationCapAndEarlyExits()
    {
        // Guard that the bit-exactness test above really covers the interesting lane transitions.
        var raw = RealisticCurves(2500, seed: 9);
        var passes = new List<int>();
        var y = new double[93]; var s = new double[93]; var b = new double[93];
        for (var c = 0; c < 2500; c++)
        {
            for (var k = 0; k < 93; k++) y[k] = raw[c * 93 + k];
            if (!Preprocessing.MinMax(y, y)) continue;
            SavitzkyGolay.Reference.Apply(y, s);
            passes.Add(BackgroundClipping.Compute(s, b));
        }
        Assert.Contains(1001, passes);
        Assert.Contains(passes, p => p is > 1 and < 1001);
        Assert.Contains(passes, p => p <= 1);
    }

    private static void AssertBatchEqualsScalar(float[] raw)
    {
        var curves = raw.Length / 93;
        var batch = new double[raw.Length];
        var undefined = Preprocessing.ApplyBatch(raw, batch, SdmStage.Preprocessed);
        var scalar = new double[93];
        var expectedUndefined = 0;
        for (var c = 0; c < curves; c++)
        {
            if (!Preprocessing.Apply(raw.AsSpan(c * 93, 93), scalar)) expectedUndefined++;
            for (var k = 0; k < 93; k++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[k]), BitConverter.DoubleToInt64Bits(batch[c * 93 + k]));
        }
        Assert.Equal(expectedUndefined, undefined);
    }

    private static float[] RandomCurves(int curves, int seed)
    {
        var rng = new Random(seed);
        var raw = new float[curves * 93];
        for (var c = 0; c < curves; c++)
        {
            var kind = rng.Next(4);
            for (var k = 0; k < 93; k++)
            {
                var x = (k - 46) / 46.0;
                raw[c * 93 + k] = kind switch
                {
                    0 => 0,                                                   // undefined
                    1 => rng.Next(20),                                        // noise
                    2 => (float)Math.Round(30 * (1 - x * x) + rng.Next(5)),   // one hump
                    _ => (float)Math.Round(20 + 15 * Math.Cos(9 * x) + rng.Next(4)), // peaks and minima
                };
            }
        }
        return raw;
    }

    internal static float[] RealisticCurves(int curves, int seed)
    {
        var a = SdmTestData.Cloud(seed, 40_000, -5, 5, 3);
        var grid = new VoxelGrid(new Box(-5.5, 5.5, -5.5, 5.5, -5.5, 5.5));
        var index = SpeciesIndex.ForVoxelScan(a.X, a.Y, a.Z, grid);
        var raw = new float[curves * 93];
        var centres = SdmTestData.Cloud(seed + 1, curves, -5.5, 5.5);
        VoxelScan.RunAt(centres.X, centres.Y, centres.Z, new VoxelScanOptions(), index, index, raw, []);
        return raw;
    }
}
