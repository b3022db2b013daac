using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Tests.Learning;

public class ShiftAugmentationTests
{
    private static readonly float[] Sample = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void Positive_shift_drops_the_first_bins_and_pads_zeros_at_the_end()
    {
        var d = new float[6];
        ShiftAugmentation.Shift(Sample, 1, 2, d);
        Assert.Equal([3, 4, 5, 6, 0, 0], d);
    }

    [Fact]
    public void Negative_shift_pads_zeros_at_the_start_and_drops_the_last_bins()
    {
        var d = new float[6];
        ShiftAugmentation.Shift(Sample, 1, -2, d);
        Assert.Equal([0, 0, 1, 2, 3, 4], d);
    }

    [Fact]
    public void Channels_shift_together_and_independently_of_each_other()
    {
        var d = new float[6];
        ShiftAugmentation.Shift(Sample, 2, 1, d);
        Assert.Equal([2, 3, 0, 5, 6, 0], d);
    }

    [Fact]
    public void Augment_appends_one_copy_per_sample_with_shifts_in_range()
    {
        var bank = Reference.PeriodicBank(200, 1);
        var aug = ShiftAugmentation.Augment(bank, -2, 1, new SeededRandom(3));
        Assert.Equal(400, aug.Count);
        Assert.Equal(bank.Y, aug.Y[..200]);
        Assert.Equal(bank.Y, aug.Y[200..]);
        var seen = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            var copy = aug.X.AsSpan((200 + i) * 93, 93).ToArray();
            var k = Enumerable.Range(-2, 4).First(s =>
            {
                var d = new float[93];
                ShiftAugmentation.Shift(bank.X.AsSpan(i * 93, 93), 1, s, d);
                return copy.AsSpan().SequenceEqual(d);
            });
            seen.Add(k);
        }
        Assert.Equal([-2, -1, 0, 1], seen.Order());
    }
}
