using MlApt.Numerics;
using MlApt.Sdm;
using System.ComponentModel;
using System.Globalization;
using MlApt.Cli.Infrastructure;
using MlApt.Crystal;
using MlApt.Imaging;
using MlApt.Io;
using MlApt.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Commands;

/// <summary>Settings of <c>mlapt align</c>.</summary>
internal sealed class AlignSettings : CommonSettings
{
    /// <summary>The reconstruction.</summary>
    [CommandArgument(0, "<recon>")]
    [Description("Reconstruction: .pos, .epos, .apt or .csv/.txt.")]
    public string Recon { get; init; } = "";

    /// <summary>Range file.</summary>
    [CommandOption("-r|--ranges <R>")]
    [Description("Range file (.rrng, .rng, .env); needed with --element.")]
    public string? Ranges { get; init; }

    /// <summary>Pole.</summary>
    [CommandOption("--pole <HKL>")]
    [Description("Plane family whose pole goes on z: 001, 111, 110 (or h,k,l).")]
    [DefaultValue("001")]
    public string Pole { get; init; } = "001";

    /// <summary>Element.</summary>
    [CommandOption("--element <E>")]
    [Description("Search with the ions of this element only (default: all ions).")]
    public string? Element { get; init; }

    /// <summary>Tilt limit.</summary>
    [CommandOption("--max-tilt <DEG>")]
    [Description("Largest angle (degrees) between z and the pole searched.")]
    [DefaultValue(20.0)]
    public double MaxTilt { get; init; } = 20;

    /// <summary>Lattice.</summary>
    [CommandOption("--lattice <L>")]
    [Description("fcc or bcc: which planes of the family hold every site.")]
    [DefaultValue("fcc")]
    public string Lattice { get; init; } = "fcc";

    /// <summary>Lattice parameter.</summary>
    [CommandOption("-a|--lattice-parameter <NM>")]
    [Description("Lattice parameter a (nm): the expected plane spacing; spacings within ±12 % are searched.")]
    [DefaultValue(0.356)]
    public double A { get; init; } = 0.356;

    /// <summary>Output reconstruction.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Aligned reconstruction to write (.pos, .epos, .apt or .csv), p' = R (p - c) + c about the ions' centroid c. Required.")]
    public string? Out { get; init; }

    /// <summary>Plot folder.</summary>
    [CommandOption("--plot <DIR>")]
    [Description("Also write pole_figure.png (plane contrast over tilt and azimuth, found pole marked) and zsdm_before_after.png.")]
    public string? Plot { get; init; }

    /// <summary>JSON to stdout.</summary>
    [CommandOption("--json")]
    [Description("Print the alignment as JSON on stdout: pole, direction, tilt_deg, azimuth_deg, rotation, centre, d_spacing_nm, d_expected_nm, contrast.")]
    public bool Json { get; init; }

    /// <summary>The parsed pole.</summary>
    public PlaneFamily? ParsedPole => PlaneFamily.TryParse(Pole);

    /// <summary>The parsed lattice.</summary>
    public LatticeKind? ParsedLattice => Lattice.ToUpperInvariant() switch { "FCC" => LatticeKind.Fcc, "BCC" => LatticeKind.Bcc, _ => null };

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out))
            return ValidationResult.Error("--out is required: the aligned reconstruction to write");
        if (ParsedPole is null)
            return ValidationResult.Error($"--pole '{Pole}': expected 001, 111, 110 or h,k,l");
        if (ParsedLattice is null)
            return ValidationResult.Error($"--lattice '{Lattice}': expected fcc or bcc");
        if (!(MaxTilt is > 0 and <= 45))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--max-tilt {MaxTilt}: expected 0 < degrees ≤ 45"));
        if (!(A is > 0.05 and < 5))
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--lattice-parameter {A}: expected a lattice parameter in nm (0.05 … 5)"));
        if (Element is not null && string.IsNullOrWhiteSpace(Ranges))
            return ValidationResult.Error("--element needs --ranges: the range file tells which ions are that element");
        return base.Validate();
    }

    /// <summary>The search options these settings describe.</summary>
    public PoleAlignmentOptions ToOptions() => new()
    {
        Pole = ParsedPole!.Value,
        Lattice = ParsedLattice!.Value,
        LatticeParameter = A,
        MaxTiltDegrees = MaxTilt,
    };
}

/// <summary>
/// <c>mlapt align</c>: finds the plane family's pole closest to z from the data and rotates the reconstruction
/// about the ions' centroid so that it lies along z.
/// </summary>
internal sealed class AlignCommand(CliIo io) : Command<AlignSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AlignSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IonFile.CheckReadable(settings.Recon);
        if (IonFileFormats.FromExtension(settings.Out!) is null)
            InputError.In("--out", $"'{settings.Out}': cannot tell the format from the extension: expected .pos, .epos, .apt or .csv");
        var table = settings.Ranges is null ? null : RangeLoading.Load(settings.Ranges, strict: false);
        var cloud = IonFile.Read(settings.Recon);
        var ions = settings.Element is null || table is null ? [] : ElementPair.IonsOf(cloud, table, settings.Element, "--element");
        var options = settings.ToOptions();
        var found = PoleAlignment.Find(cloud, ions, options, out var best);
        if (found is null)
            throw new InputException(MapAlignment.NotFound(settings.Recon, options, best));

        var aligned = PoleAlignment.Rotate(cloud, found.Rotation, found.Centre);
        if (settings.Plot is { } dir)
        {
            Directory.CreateDirectory(dir);
            AlignmentReport.SavePoleFigure(Path.Combine(dir, "pole_figure.png"), found);
            AlignmentReport.SaveZSdmBeforeAfter(Path.Combine(dir, "zsdm_before_after.png"), cloud, aligned, ions, found);
        }
        IonFile.Write(settings.Out!, aligned);

        if (settings.Json)
        {
            io.Out.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartObject();
                AlignmentReport.WriteFields(w, found);
                w.WriteEndObject();
            }));
        }
        else
        {
            io.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"⟨{found.Pole}⟩ pole at tilt {found.TiltDegrees:F2}°, azimuth {found.AzimuthDegrees:F1}°; d {found.SpacingNm:F4} nm (expected {found.ExpectedSpacingNm:F4}); contrast {found.Contrast:G3}. Written {settings.Out}.")));
        }
        return MlAptApp.Ok;
    }
}
