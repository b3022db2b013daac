using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using MlApt.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt run</c> (the demo).</summary>
public sealed class RunSettings : CommonSettings
{
    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for the example specimen and results.")]
    [DefaultValue("mlapt-demo")]
    public string Out { get; init; } = "mlapt-demo";

    /// <summary>Random seed of the example specimen.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the example specimen (same seed, same file).")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;
}

/// <summary>
/// <c>mlapt run</c>: the demo. Makes a 10 × 10 × 20 nm CoCrNi example specimen (POS) with its range
/// file, then describes it as <c>mlapt info --ranges</c> does. Later issues extend it to the full
/// CSRO analysis.
/// </summary>
public sealed class RunCommand(CliIo io) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.Out);
        var pos = Path.Combine(settings.Out, "example.pos");
        var rrng = Path.Combine(settings.Out, "example.rrng");
        var cloud = DemoSpecimen.Generate((10, 10, 20), settings.Seed);
        IonFile.Write(pos, cloud);
        AtomicFile.WriteText(rrng, DemoSpecimen.RangeFile());
        io.Ansi.MarkupLine($"Wrote [bold]{Markup.Escape(pos)}[/] ({cloud.Count:N0} ions) and [bold]{Markup.Escape(rrng)}[/].");
        return new InfoCommand(io).Run(new InfoSettings { File = pos, Ranges = rrng });
    }
}
