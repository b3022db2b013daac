using MlApt.Io;

namespace MlApt.Sdm;

/// <summary>
/// The atoms of an element pair in a ranged reconstruction: the centre element's and the neighbour element's
/// positions (the same arrays when the pair is one element), with the ranging they were assigned by.
/// </summary>
public sealed record PairPositions(ElementPair Pair, RangeTable Table,
    (double[] X, double[] Y, double[] Z) Centres, (double[] X, double[] Y, double[] Z) Neighbours)
{
    /// <summary>
    /// Reads the reconstruction and its ranging (<paramref name="ranges"/>, else the ranging the file carries) and
    /// picks the pair's atoms; errors name the file or the parameter (<c>pair</c>, <c>ranges</c>).
    /// </summary>
    public static PairPositions Load(string reconstruction, string? ranges, bool strictRanges, string pair)
    {
        var parsed = ElementPair.Parse(pair);
        var table = Ranging.ForReconstruction(reconstruction, ranges, strictRanges);
        var cloud = IonFile.Read(reconstruction);
        var species = table.Assign(cloud);
        var a = ElementPair.Positions(cloud, species, table, parsed.Centre);
        var b = parsed.IsSameElement ? a : ElementPair.Positions(cloud, species, table, parsed.Neighbour);
        return new PairPositions(parsed, table, a, b);
    }
}
