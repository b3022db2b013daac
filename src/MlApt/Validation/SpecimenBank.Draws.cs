using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>The parameter ranges the specimens of a specimen bank are drawn from.</summary>
public enum SpecimenBankRanges
{
    /// <summary>
    /// A little wider than the published validation's: η 0.30–0.65, σxy 0.25–0.55 nm, σz 0.025–0.045 nm,
    /// S 0.7–1.0, radii 0.8–2.0 nm, equiatomic, ⟨001⟩ exactly on z, no z-scale error.
    /// </summary>
    Validation,
    /// <summary>
    /// The whole detection envelope: radii 0.5–2.0 nm (each specimen its own narrow band), S 0.45–1.0,
    /// η 0.25–0.8, σxy 0.2–0.7 nm, σz 0.02–0.06 nm, residual tilt 0–8°, z-scale 0.9–1.1 and
    /// non-equiatomic compositions (each of Co, Cr, Ni 0.7–2 parts).
    /// </summary>
    Envelope,
}

/// <summary>One specimen of a specimen bank: its spec and what is done to its ions after detection.</summary>
/// <param name="Spec">The simulated specimen (its tilt is in <see cref="SpecimenSpec.Orientation"/>).</param>
/// <param name="TiltDegrees">Tilt of ⟨001⟩ from z (degrees).</param>
/// <param name="ZScale">Depth-scale error applied to the detected ions about mid-depth (1: none).</param>
public sealed record BankSpecimen(SpecimenSpec Spec, double TiltDegrees, double ZScale);

public static partial class SpecimenBank
{
    /// <summary>Size (nm) of every bank specimen.</summary>
    public static readonly (double X, double Y, double Z) SpecimenSize = (14, 14, 24);

    /// <summary>
    /// The spec of specimen <paramref name="index"/> of a bank drawn from <paramref name="ranges"/>; with
    /// <paramref name="domainFree"/> the specimen has no domains (a negative: every voxel is matrix).
    /// </summary>
    public static BankSpecimen SpecimenFor(long seed, int index, SpecimenBankRanges ranges, bool domainFree = false)
    {
        if (ranges == SpecimenBankRanges.Validation)
        {
            var narrow = SpecimenFor(seed, index);
            return new BankSpecimen(domainFree ? narrow with { Domains = 0 } : narrow, 0, 1);
        }
        // Its own stream (another offset than the validation ranges'), skipped ahead 16 draws per specimen;
        // domain-free specimens draw from a third stream.
        var r = new Random(unchecked((int)(seed * 1_000_003 + (domainFree ? 29 : 17))));
        for (var skip = 0; skip < 16 * index; skip++) r.NextDouble();
        double U(double lo, double hi) => lo + (hi - lo) * r.NextDouble();
        var radiusMin = U(0.5, 1.8);
        var radiusMax = Math.Min(2.0, radiusMin + U(0, 0.4));
        // 4–12 % of the volume in domains, whatever their size.
        var meanVolume = Math.PI * (radiusMin + radiusMax) * (radiusMin * radiusMin + radiusMax * radiusMax) / 3;
        var volume = SpecimenSize.X * SpecimenSize.Y * SpecimenSize.Z;
        var domains = Math.Clamp((int)Math.Round(U(0.04, 0.12) * volume / meanVolume), 3, 400);
        var tilt = U(0, 8);
        var azimuth = U(0, 2 * Math.PI);
        var zScale = U(0.9, 1.1);
        var t = Math.Tan(tilt * Math.PI / 180);
        var spec = new SpecimenSpec
        {
            Size = SpecimenSize,
            Domains = domainFree ? 0 : domains,
            RadiusMin = radiusMin,
            RadiusMax = radiusMax,
            Order = U(0.45, 1.0),
            Efficiency = U(0.25, 0.8),
            SigmaXy = U(0.2, 0.7),
            SigmaZ = U(0.02, 0.06),
            Composition = [("Co", U(0.7, 2)), ("Cr", U(0.7, 2)), ("Ni", U(0.7, 2))],
            Orientation = (t * Math.Cos(azimuth), t * Math.Sin(azimuth), 1),
            Seed = r.Next(),
        };
        return new BankSpecimen(spec, tilt, zScale);
    }

    private static Dictionary<string, string> Describe(int specimens, int domainFree, SpecimenBankRanges ranges, int? samplesPerSpecimen) => ranges switch
    {
        SpecimenBankRanges.Validation => new(StringComparer.Ordinal)
        {
            ["sampling"] = $"voxels of {specimens} simulated specimens (14 x 14 x 24 nm, 25 L12 Ni domains each) and {domainFree} domain-free ones",
            ["ranges"] = "validation",
            ["sigma_xy"] = "0.25:0.55",
            ["sigma_z"] = "0.025:0.045",
            ["eta"] = "0.30:0.65",
            ["order"] = "0.7:1.0",
            ["radius_nm"] = "0.8:2.0",
            ["label"] = LabelText,
            ["samples_per_specimen"] = samplesPerSpecimen?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all",
        },
        _ => new(StringComparer.Ordinal)
        {
            ["sampling"] = $"voxels of {specimens} simulated specimens (14 x 14 x 24 nm, L12 Ni domains filling 4-12 % of the volume) and {domainFree} domain-free ones",
            ["ranges"] = "envelope",
            ["sigma_xy"] = "0.2:0.7",
            ["sigma_z"] = "0.02:0.06",
            ["eta"] = "0.25:0.8",
            ["order"] = "0.45:1.0",
            ["radius_nm"] = "0.5:2.0 (per specimen a band of at most 0.4 nm)",
            ["tilt_deg"] = "0:8",
            ["z_scale"] = "0.9:1.1",
            ["composition"] = "Co, Cr, Ni 0.7:2 parts each",
            ["label"] = LabelText,
            ["samples_per_specimen"] = samplesPerSpecimen?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all",
        },
    };

    private const string LabelText = "CSRO when at least half of the voxel (its cube) lies inside a domain";
}
