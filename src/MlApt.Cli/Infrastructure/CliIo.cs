using Spectre.Console;

namespace MlApt.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Out"/> for machine-readable output (JSON), <see cref="Ansi"/>
/// for tables on the same stream, <see cref="Error"/> for diagnostics. Injected so that tests run
/// commands in-process and read what they print.
/// </summary>
internal sealed class CliIo
{
    /// <summary>Creates the streams; colours only when stdout is a terminal.</summary>
    public CliIo(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
            Ansi.Profile.Width = 120;
    }

    /// <summary>Standard output, raw.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Rich output (tables) on standard output.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>
    /// Writes a heading line above a table. Headings name files, whose paths can be longer than a
    /// table is wide; a table title would wrap them mid-word, so they go on their own unwrapped line.
    /// </summary>
    public void Heading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Ansi.Profile.Out.Writer.WriteLine(text);
    }
}
