namespace MlApt.Cli.Infrastructure;

/// <summary>
/// Spellings the argument parser cannot declare. Spectre.Console.Cli refuses one-letter long option
/// names, yet the lattice parameter is documented as <c>--a</c> (as in the method's papers and the
/// issues); every command that takes it declares the short form <c>-a</c>, so <c>--a V</c> and
/// <c>--a=V</c> are rewritten to <c>-a V</c> before parsing.
/// </summary>
internal static class ArgumentAliases
{
    public static string[] Apply(string[] args)
    {
        var result = new List<string>(args.Length + 1);
        foreach (var a in args)
        {
            if (a == "--a")
                result.Add("-a");
            else if (a.StartsWith("--a=", StringComparison.Ordinal))
                result.AddRange(["-a", a[4..]]);
            else
                result.Add(a);
        }
        return [.. result];
    }
}
