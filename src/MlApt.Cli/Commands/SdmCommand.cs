using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Reporting;
using MlApt.Sdm;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt sdm</c>.</summary>
internal sealed class SdmRegionSettings : SdmSettings
{
    /// <summary>Region box.</summary>
    [CommandOption("--box <BOX>")]
    [Description("Region xmin,xmax,ymin,ymax,zmin,zmax (nm); default: the whole reconstruction.")]
    public string? Box { get; init; }

    /// <summary>Output folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder: zsdm.csv, zsdm.png, sdm2d.csv, sdm2d.png, sdm.json. Required.")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the folder to write");
        return base.Validate();
    }
}

/// <summary>
/// <c>mlapt sdm</c>: the z-SDM and the 2D (Δx–Δz) SDM of a whole region: every centre atom inside the
/// region against every neighbour atom within 1.5 nm, as CSV, PNG and a JSON summary.
/// </summary>
internal sealed class SdmCommand(CliIo io) : Command<SdmRegionSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SdmRegionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Box? region = settings.Box is null ? null : BoxText.Parse(settings.Box);
        using var folder = OutputFolder.Begin(settings.Out!, "--out");
        var sdm = RegionSdm.Compute(settings.LoadPairPositions(io), region);
        RegionSdmReport.Write(folder.Path, sdm, settings.Recon, Ranging.Source(settings.Recon, settings.Ranges));
        cancellationToken.ThrowIfCancellationRequested();
        folder.Commit();
        io.Heading(string.Create(CultureInfo.InvariantCulture,
            $"{sdm.Pair}: {sdm.Centres:N0} centres, {sdm.Full.Sum():N0} pairs → {settings.Out}/{string.Join(", ", RegionSdmReport.Files)}"));
        return MlAptApp.Ok;
    }
}
