using MlApt.Io;
using Spectre.Console;

namespace MlApt.Cli.Commands;

/// <summary>Loading a range file for a command, with its overlaps reported on stderr.</summary>
internal static class RangeLoading
{
    public static RangeTable Load(string path, bool strict)
    {
        IonFile.CheckReadable(path);
        return RangeTable.Load(path, new RangeOptions(Strict: strict));
    }

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
