using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt convert</c>.</summary>
internal sealed class ConvertSettings : CommonSettings
{
    /// <summary>The reconstruction to convert.</summary>
    [CommandArgument(0, "<recon>")]
    [Description("Reconstruction: .pos, .epos, .apt, .nxs or .csv/.txt.")]
    public string Recon { get; init; } = "";

    /// <summary>Optional range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (.rrng, .rng, .env): stored as NXapm ion types in a .nxs output. Default: the ranging of a .nxs input.")]
    public string? Ranges { get; init; }

    /// <summary>Refuse overlapping ranges.</summary>
    [CommandOption("--strict-ranges")]
    [Description("Refuse range files whose ranges overlap.")]
    public bool StrictRanges { get; init; }

    /// <summary>Marks the specimen as simulated in the NeXus file.</summary>
    [CommandOption("--simulated")]
    [Description("Record the specimen as simulated (NXapm specimen/is_simulation), e.g. for mlapt simulate output.")]
    public bool Simulated { get; init; }

    /// <summary>The output file.</summary>
    [CommandOption("-o|--out <F>")]
    [Description("Output file; the format follows the extension: .nxs (NeXus NXapm), .pos, .epos, .apt or .csv. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the file to write (.nxs, .pos, .epos, .apt or .csv)");
        if (IonFileFormats.FromExtension(Out) is null)
            return ValidationResult.Error($"--out '{Out}': cannot tell the format from the extension: expected .nxs, .pos, .epos, .apt or .csv");
        return base.Validate();
    }
}

/// <summary><c>mlapt convert</c>: a reconstruction (and its ranging) into another format, NeXus NXapm included.</summary>
internal sealed class ConvertCommand(CliIo io) : Command<ConvertSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ConvertSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = IonFileFormats.FromExtension(settings.Out!)!.Value;
        var table = settings.Ranges is not null ? RangeLoading.Load(settings.Ranges, settings.StrictRanges)
            : output == IonFileFormat.Nexus ? IonFile.EmbeddedRanges(settings.Recon) : null;
        if (table is not null)
            RangeLoading.ReportOverlaps(io, table);
        var cloud = IonFile.Read(settings.Recon);
        if (output == IonFileFormat.Nexus)
        {
            NxapmWriter.Write(settings.Out!, cloud, table, NxapmSource.Of(settings.Recon, settings.Ranges ?? (table is null ? null : settings.Recon), settings.Simulated));
        }
        else
        {
            if (settings.Ranges is not null)
                io.Error.WriteLine($"mlapt: warning: {IonFileFormats.Name(output)} files carry no ranging; --ranges is ignored");
            IonFile.Write(settings.Out!, cloud, output);
        }
        io.Error.WriteLine($"mlapt: wrote {settings.Out}: {cloud.Count:N0} ions{(output == IonFileFormat.Nexus && table is not null ? $", {table.SpeciesCount} ion types" : "")}");
        return MlAptApp.Ok;
    }
}
