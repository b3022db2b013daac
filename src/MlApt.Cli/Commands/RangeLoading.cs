using MlApt.Io;

namespace MlApt.Cli.Commands;

/// <summary>Loading a range file for a command, with its overlaps reported on stderr.</summary>
internal static class RangeLoading
{
    public static RangeTable Load(string path, bool strict) => Ranging.Load(path, strict);

    /// <summary>The ranging of a reconstruction: the range file, else the ion types stored in it (NeXus NXapm).</summary>
    public static RangeTable ForReconstruction(string recon, string? ranges, bool strict) => Ranging.ForReconstruction(recon, ranges, strict);

    /// <summary>Whether a reconstruction's format can carry its own ranging (NeXus), judged by the extension before anything is read.</summary>
    public static bool MayCarryRanges(string recon) => IonFileFormats.FromExtension(recon) is IonFileFormat.Nexus or null;

    /// <summary>The file the ranging came from: the range file, or the reconstruction that carries it.</summary>
    public static string Source(string recon, string? ranges) => Ranging.Source(recon, ranges);

    /// <summary>
    /// Warns once per positive-width overlap (resolved first-listed-wins) and once per problem the parser
    /// let pass outside strict mode (e.g. a declared count that does not match the entries).
    /// </summary>
    public static void ReportOverlaps(Infrastructure.CliIo io, RangeTable table)
    {
        foreach (var w in table.Warnings)
            io.Error.WriteLine($"mlapt: warning: {w} (--strict-ranges refuses this)");
        foreach (var o in table.Overlaps)
            io.Error.WriteLine($"mlapt: warning: {o} (first listed wins; --strict-ranges refuses this)");
    }
}
