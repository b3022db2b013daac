using System.ComponentModel;
using MlApt.Cli.Infrastructure;
using MlApt.Sdm;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Options shared by the commands that build SDMs from a ranged reconstruction.</summary>
internal class SdmSettings : CommonSettings
{
    /// <summary>The reconstruction.</summary>
    [CommandArgument(0, "<recon>")]
    [Description("Reconstruction: .pos, .epos, .apt, .nxs (NeXus NXapm) or .csv/.txt.")]
    public string Recon { get; init; } = "";

    /// <summary>The range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (.rrng, .rng, .env). Required unless the reconstruction is a NeXus file with ranging.")]
    public string? Ranges { get; init; }

    /// <summary>Refuse overlapping ranges.</summary>
    [CommandOption("--strict-ranges")]
    [Description("Refuse range files whose ranges overlap.")]
    public bool StrictRanges { get; init; }

    /// <summary>The element pair.</summary>
    [CommandOption("-p|--pair <A-B>")]
    [Description("Element pair: centres A, neighbours B (e.g. Ni-Ni, Co-Cr). Required.")]
    public string? Pair { get; init; }

    /// <summary>Reads the pair's atoms, with the ranging's overlaps reported.</summary>
    public PairPositions LoadPairPositions(CliIo io)
    {
        var input = PairPositions.Load(Recon, Ranges, StrictRanges, Pair!);
        RangeLoading.ReportOverlaps(io, input.Table);
        return input;
    }

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Ranges) && !RangeLoading.MayCarryRanges(Recon))
            return Spectre.Console.ValidationResult.Error("--ranges is required: a z-SDM needs the ions of an element (a .nxs reconstruction may carry its ranging instead)");
        if (string.IsNullOrWhiteSpace(Pair))
            return Spectre.Console.ValidationResult.Error("--pair is required, e.g. --pair Ni-Ni");
        return base.Validate();
    }
}
