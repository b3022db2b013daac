using MlApt.Sdm;

namespace MlApt.Tests.Sdm;

public class NormalizeInPlaceTests
{
    [Fact]
    public void EqualsApplyBatchNormalizedCastToFloat_IncludingUndefinedCurves()
    {
        var rng = new Random(5);
        const int curves = 3000;
        var raw = new float[curves * 93];
        for (var i = 0; i < raw.Length; i++)
            raw[i] = rng.Next(0, 1 + i / 93 % 400);
        raw.AsSpan(7 * 93, 93).Fill(12f);   // max == min: undefined
        raw.AsSpan(9 * 93, 93).Clear();      // no pairs: undefined
        var expected = new double[raw.Length];
        var undefinedExpected = Preprocessing.ApplyBatch(raw, expected, SdmStage.Normalized);
        var inPlace = (float[])raw.Clone();
        var undefined = Preprocessing.NormalizeInPlace(inPlace);
        Assert.Equal(undefinedExpected, undefined);
        Assert.True(undefined >= 2);
        for (var i = 0; i < raw.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits((float)expected[i]), BitConverter.SingleToInt32Bits(inPlace[i]));
    }
}
