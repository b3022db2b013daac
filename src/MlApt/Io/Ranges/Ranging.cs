namespace MlApt.Io;

/// <summary>Where a reconstruction's ranging comes from: a range file, or the reconstruction itself (NeXus NXapm with ion types).</summary>
public static class Ranging
{
    /// <summary>Loads a range file after checking that it can be read.</summary>
    public static RangeTable Load(string path, bool strict)
    {
        IonFile.CheckReadable(path);
        return RangeTable.Load(path, new RangeOptions(Strict: strict));
    }

    /// <summary>
    /// The ranging of a reconstruction: the range file when one is given, else the ion types stored in the
    /// reconstruction itself; a one-line error naming the parameter <c>ranges</c> when there is neither.
    /// </summary>
    public static RangeTable ForReconstruction(string recon, string? ranges, bool strict)
    {
        if (ranges is not null)
            return Load(ranges, strict);
        return IonFile.EmbeddedRanges(recon)
            ?? throw new InputException($"ranges is required: {recon} carries no ranging (a NeXus NXapm file with ion types does)");
    }

    /// <summary>The file the ranging came from: the range file, or the reconstruction that carries it.</summary>
    public static string Source(string recon, string? ranges) => ranges ?? recon;
}
