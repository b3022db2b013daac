using System.Globalization;
using MlApt.Crystal;
using MlApt.Specimens;

namespace MlApt.Validation;

/// <summary>The parameter ranges the specimens of a specimen bank are drawn from.</summary>
public enum SpecimenBankRanges
{
    /// <summary>
    /// A little wider than the published validation's: η 0.30–0.65, σxy 0.25–0.55 nm, σz 0.025–0.045 nm,
    /// S 0.7–1.0, radii 0.8–2.0 nm, 25 domains, the nominal composition, the pole exactly on z, no z-scale error.
    /// </summary>
    Validation,
    /// <summary>
    /// The whole detection envelope: radii 0.5–2.0 nm (each specimen its own band of at most 0.4 nm), domains
    /// filling 4–12 % of the volume, S 0.45–1.0, η 0.25–0.8, σxy 0.2–0.7 nm, σz 0.02–0.06 nm, residual tilt of
    /// the pole 0–8°, z-scale 0.9–1.1 and non-equiatomic compositions (each nominal amount scaled by 0.7–2).
    /// </summary>
    Envelope,
}

/// <summary>One specimen of a specimen bank: its spec and what is done to its ions after detection.</summary>
/// <param name="Spec">The simulated specimen (its tilt is in <see cref="SpecimenSpec.Orientation"/>).</param>
/// <param name="TiltDegrees">Tilt of the pole from z (degrees).</param>
/// <param name="ZScale">Depth-scale error applied to the detected ions about mid-depth (1: none).</param>
public sealed record BankSpecimen(SpecimenSpec Spec, double TiltDegrees, double ZScale);

public static partial class SpecimenBank
{
    /// <summary>Size (nm) of every bank specimen.</summary>
    public static readonly (double X, double Y, double Z) SpecimenSize = (14, 14, 24);

    /// <summary>
    /// The spec of specimen <paramref name="index"/> of the validation ranges: CoCrNi, domains of
    /// <paramref name="order"/> (default L1₂ Ni along ⟨001⟩) with its pole along z, parameters drawn uniformly from
    /// ranges a little wider than the validation ranges (η 0.30–0.65, σxy 0.25–0.55 nm, σz 0.025–0.045 nm,
    /// order 0.7–1.0, radii 0.8–2.0 nm), 14 × 14 × 24 nm with 25 domains. The draws do not depend on the order type.
    /// </summary>
    public static SpecimenSpec SpecimenFor(long seed, int index, OrderType? order = null) =>
        SpecimenFor(new SpecimenBankOptions(1, seed) { Order = order ?? OrderType.L12Along001 }, index).Spec;

    /// <summary>
    /// Specimen <paramref name="index"/> of the bank <paramref name="options"/> describe: the alloy and order type
    /// of the options, parameters drawn from their <see cref="SpecimenBankOptions.Ranges"/>; with
    /// <paramref name="domainFree"/> a specimen of the same ranges without domains (a negative: every voxel is
    /// matrix). The draws depend on the seed, the ranges and the index only, not on the alloy or order type.
    /// </summary>
    public static BankSpecimen SpecimenFor(SpecimenBankOptions options, int index, bool domainFree = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var alloy = new SpecimenSpec { Lattice = options.Lattice, A = options.A, Composition = options.Composition, Charges = options.Charges };
        if (options.Ranges == SpecimenBankRanges.Validation)
        {
            // One stream per bank seed, skipped ahead: consecutive seeds of System.Random give correlated first draws.
            var v = new Random(unchecked((int)(options.Seed * 1_000_003 + 11)));
            for (var skip = 0; skip < 5 * index; skip++) v.NextDouble();
            double V(double lo, double hi) => lo + (hi - lo) * v.NextDouble();
            var narrow = (alloy with
            {
                Size = SpecimenSize,
                Domains = domainFree ? 0 : 25,
                RadiusMin = 0.8,
                RadiusMax = 2.0,
                Efficiency = V(0.30, 0.65),
                SigmaXy = V(0.25, 0.55),
                SigmaZ = V(0.025, 0.045),
                Order = V(0.7, 1.0),
                Seed = v.Next(),
            }).WithOrder(options.Order);
            return new BankSpecimen(narrow, 0, 1);
        }
        // Its own stream (another offset than the validation ranges'), skipped ahead 16 draws per specimen;
        // domain-free specimens draw from a third stream.
        var r = new Random(unchecked((int)(options.Seed * 1_000_003 + (domainFree ? 29 : 17))));
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
        var spec = (alloy with
        {
            Size = SpecimenSize,
            Domains = domainFree ? 0 : domains,
            RadiusMin = radiusMin,
            RadiusMax = radiusMax,
            Order = U(0.45, 1.0),
            Efficiency = U(0.25, 0.8),
            SigmaXy = U(0.2, 0.7),
            SigmaZ = U(0.02, 0.06),
            Composition = options.Composition.Select(c => (c.Element, c.Amount * U(0.7, 2))).ToList(),
            Seed = r.Next(),
        }).WithOrder(options.Order);
        return new BankSpecimen(spec with { Orientation = options.Order.TiltedPole(tilt, azimuth) }, tilt, zScale);
    }

    private static Dictionary<string, string> Describe(SpecimenBankOptions options)
    {
        var order = options.Order;
        var elements = string.Join(", ", options.Composition.Select(c => c.Element));
        var domains = $"{order.Structure} {order.Element} domains" + (order == OrderType.L12Along001 ? "" : $", [{order.PoleName}] along z");
        var label = options.Label == BankVoxelLabel.Sphere075 ? "CSRO when at least half of the voxel sphere lies inside a domain"
            : "CSRO when at least half of the voxel (its cube) lies inside a domain";
        if (options.Ranges == SpecimenBankRanges.Validation)
        {
            // The embedded models' banks: no key they did not record (their metadata stays as it was).
            var described = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["sampling"] = $"voxels of {options.Specimens} simulated specimens (14 x 14 x 24 nm, 25 {order.Structure} {order.Element} domains each"
                    + (order == OrderType.L12Along001 ? ")" : $", [{order.PoleName}] along z)")
                    + (options.DomainFree > 0 ? F($" and {options.DomainFree} domain-free ones") : ""),
                ["sigma_xy"] = "0.25:0.55",
                ["sigma_z"] = "0.025:0.045",
                ["eta"] = "0.30:0.65",
                ["order"] = "0.7:1.0",
                ["radius_nm"] = "0.8:2.0",
                ["label"] = label,
            };
            if (options.SamplesPerSpecimen is { } cap) described["samples_per_specimen"] = F($"{cap}");
            return described;
        }
        return new(StringComparer.Ordinal)
        {
            ["sampling"] = F($"voxels of {options.Specimens} simulated specimens (14 x 14 x 24 nm, {domains} filling 4-12 % of the volume) and {options.DomainFree} domain-free ones"),
            ["ranges"] = "envelope",
            ["sigma_xy"] = "0.2:0.7",
            ["sigma_z"] = "0.02:0.06",
            ["eta"] = "0.25:0.8",
            ["order"] = "0.45:1.0",
            ["radius_nm"] = "0.5:2.0 (per specimen a band of at most 0.4 nm)",
            ["tilt_deg"] = "0:8",
            ["z_scale"] = "0.9:1.1",
            ["composition"] = $"{elements}: each nominal amount x 0.7:2",
            ["label"] = label,
            ["samples_per_specimen"] = options.SamplesPerSpecimen is { } n ? F($"{n}") : "all",
        };
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
