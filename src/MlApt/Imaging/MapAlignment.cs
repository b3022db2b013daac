using System.Globalization;
using System.Text.Json;
using MlApt.Crystal;
using MlApt.Geometry;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Imaging;

/// <summary>
/// Alignment before mapping: the model's pole put on z (<see cref="PoleAlignment"/>), so that the z-SDMs
/// look along the direction the model was trained on. Every output of such a map is in the aligned frame.
/// </summary>
internal static partial class MapAlignment
{
    /// <summary>
    /// The search a model asks for: its pole (metadata <c>order.pole</c>, <c>pole</c>, <c>bank.orientation_hkl</c>
    /// or <c>orientation</c> such as <c>&lt;002&gt; || z</c>; ⟨001⟩ when none says), its lattice (<c>lattice</c>, the
    /// training bank's classes, or the ordered <c>structure</c>: L1₂/L1₀ FCC, B2 BCC; FCC when none says) and lattice parameter (<c>lattice_parameter</c> or
    /// <c>bank.lattice_parameter</c>; 0.356 nm when none says), within <paramref name="maxTiltDegrees"/> of z.
    /// </summary>
    public static PoleAlignmentOptions OptionsFor(IReadOnlyDictionary<string, string> metadata, double maxTiltDegrees = 20)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var defaults = new PoleAlignmentOptions();
        return defaults with
        {
            Pole = PoleOf(metadata),
            Lattice = LatticeOf(metadata) ?? defaults.Lattice,
            LatticeParameter = Value(metadata, "lattice_parameter", "bank.lattice_parameter") is { } a
                && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0.05 and < 5 ? parsed : defaults.LatticeParameter,
            MaxTiltDegrees = maxTiltDegrees,
        };
    }

    /// <summary>The pole a model was trained along (see <see cref="OptionsFor"/>); ⟨001⟩ when the model does not say.</summary>
    public static PlaneFamily PoleOf(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var key in new[] { "order.pole", "pole", "bank.orientation_hkl", "orientation" })
        {
            if (!metadata.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)) continue;
            // "[0, 0, 1]", "0,0,1", "001", "<002> || z": the first three indices.
            var indices = System.Text.RegularExpressions.Regex.Matches(text, "-?\\d+").Select(m => m.Value).ToList();
            var hkl = indices.Count >= 3 ? PlaneFamily.TryParse(string.Join(",", indices.Take(3)))
                : indices.Count == 1 ? PlaneFamily.TryParse(indices[0]) : null;
            if (hkl is { } p && (p.H, p.K, p.L) != (0, 0, 0))
            {
                var g = Math.Max(1, Gcd(Gcd(Math.Abs(p.H), Math.Abs(p.K)), Math.Abs(p.L)));
                return new PlaneFamily(Math.Abs(p.H / g), Math.Abs(p.K / g), Math.Abs(p.L / g));
            }
        }
        return new PlaneFamily(0, 0, 1);
    }

    private static LatticeKind? LatticeOf(IReadOnlyDictionary<string, string> metadata)
    {
        var text = Value(metadata, "lattice", "order.lattice");
        if (text is null && Value(metadata, "bank.classes") is { } classes)
        {
            try
            {
                using var doc = JsonDocument.Parse(classes);
                if (doc.RootElement.ValueKind == JsonValueKind.Array)
                    text = doc.RootElement.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("lattice", out var l) ? l.GetString() : null)
                        .FirstOrDefault(l => l is not null);
            }
            catch (JsonException)
            {
                // Metadata that is not the bank's class list names no lattice.
            }
        }
        // The ordered structure names its lattice too: L1₂ and L1₀ order an FCC lattice, B2 a BCC one.
        text ??= Value(metadata, "order.structure", "structure")?.ToUpperInvariant() switch
        {
            "L12" or "L1_2" or "L10" or "L1_0" => "FCC",
            "B2" => "BCC",
            _ => null,
        };
        return text?.Trim().ToUpperInvariant() switch { "FCC" => LatticeKind.Fcc, "BCC" => LatticeKind.Bcc, _ => null };
    }

    private static string? Value(IReadOnlyDictionary<string, string> metadata, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (metadata.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) && v != "null")
                return v.Trim();
        }
        return null;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// Finds the pole of <paramref name="options"/> with all ions and returns the rotated cloud; an
    /// <see cref="InputException"/> naming <paramref name="source"/> when the data show no such planes within the tilt limit.
    /// </summary>
    public static (IonCloud Cloud, PoleAlignmentResult Alignment) Align(IonCloud cloud, PoleAlignmentOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(options);
        var found = Find(cloud, options, source);
        return (PoleAlignment.Rotate(cloud, found.Rotation, found.Centre), found);
    }

    /// <summary>The pole of <paramref name="options"/> from all ions; an <see cref="InputException"/> naming <paramref name="source"/> when there is none.</summary>
    public static PoleAlignmentResult Find(IonCloud cloud, PoleAlignmentOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(options);
        return PoleAlignment.Find(cloud, [], options, out var best) ?? throw new InputException(NotFound(source, options, best));
    }

    /// <summary>The cloud in the frame of <paramref name="alignment"/>: p′ = R (p − c) + c.</summary>
    public static IonCloud Apply(IonCloud cloud, PoleAlignmentResult alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return PoleAlignment.Rotate(cloud, alignment.Rotation, alignment.Centre);
    }

    /// <summary>The one line saying why there is no pole.</summary>
    public static string NotFound(string source, PoleAlignmentOptions options, PoleAlignmentResult? best)
    {
        ArgumentNullException.ThrowIfNull(options);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{source}: no ⟨{options.Pole}⟩ planes within {options.MaxTiltDegrees}° of z (spacing {options.Pole.Spacing(options.Lattice, options.LatticeParameter):F4} nm ± {100 * options.SpacingTolerance:F0} %)");
        return best is null ? head + ": too few ions; nothing written"
            : head + string.Create(CultureInfo.InvariantCulture,
                $": the best candidate (tilt {best.TiltDegrees:F1}°, spacing {best.SpacingNm:F4} nm) has significance {best.Significance:F1} (needs {options.MinSignificance}) or lies at the edge of the search; check the pole, lattice parameter and tilt limit; nothing written");
    }

    /// <summary>Spherical domains moved with the ions: centres p′ = R (p − c) + c.</summary>
    public static IReadOnlyList<SphericalDomain> Rotate(IReadOnlyList<SphericalDomain> domains, PoleAlignmentResult alignment)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(alignment);
        return domains.Select(d =>
        {
            var (x, y, z) = ToAligned(alignment, d.X, d.Y, d.Z);
            return d with { X = x, Y = y, Z = z };
        }).ToList();
    }

    /// <summary>A point of the reconstruction frame in the aligned frame: R (p − c) + c.</summary>
    public static (double X, double Y, double Z) ToAligned(PoleAlignmentResult alignment, double x, double y, double z)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var c = alignment.Centre;
        var (rx, ry, rz) = alignment.Rotation.Apply(x - c.X, y - c.Y, z - c.Z);
        return (rx + c.X, ry + c.Y, rz + c.Z);
    }

    /// <summary>A point of the aligned frame back in the reconstruction frame: Rᵀ (p′ − c) + c.</summary>
    public static (double X, double Y, double Z) FromAligned(PoleAlignmentResult alignment, double x, double y, double z)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var c = alignment.Centre;
        var (rx, ry, rz) = alignment.Rotation.Transpose().Apply(x - c.X, y - c.Y, z - c.Z);
        return (rx + c.X, ry + c.Y, rz + c.Z);
    }

    /// <summary>
    /// The largest axis-aligned box of the aligned frame, centred where <paramref name="box"/>'s centre goes and
    /// shrunk by one margin laterally and another in depth, that lies wholly inside <paramref name="box"/> (a box
    /// of the reconstruction frame) once rotated back: the analysis box of a simulated specimen after alignment,
    /// so that every scored sub-voxel still lies inside the specimen.
    /// </summary>
    public static Box InscribedBox(Box box, PoleAlignmentResult alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var centre = ToAligned(alignment, (box.XMin + box.XMax) / 2, (box.YMin + box.YMax) / 2, (box.ZMin + box.ZMax) / 2);
        double hx = box.SizeX / 2, hy = box.SizeY / 2, hz = box.SizeZ / 2;
        var tolerance = 1e-9 * Math.Max(1, Math.Max(hx, Math.Max(hy, hz)));
        bool Inside(double dxy, double dz)
        {
            double ax = hx - dxy, ay = hy - dxy, az = hz - dz;
            if (ax <= 0 || ay <= 0 || az <= 0) return false;
            // A box lies inside a convex box when its eight corners do.
            for (var corner = 0; corner < 8; corner++)
            {
                var (x, y, z) = FromAligned(alignment, centre.X + ((corner & 1) == 0 ? -ax : ax), centre.Y + ((corner & 2) == 0 ? -ay : ay),
                    centre.Z + ((corner & 4) == 0 ? -az : az));
                if (!box.Expand(tolerance).Contains(x, y, z)) return false;
            }
            return true;
        }
        // For each depth margin, the smallest lateral margin (bisection: a smaller box stays inside); keep the largest volume.
        (double Dxy, double Dz, double Volume) best = (0, 0, -1);
        const int steps = 200;
        for (var s = 0; s < steps; s++)
        {
            var dz = hz * s / steps;
            double lo = 0, hi = Math.Min(hx, hy);
            if (!Inside(hi * (1 - 1e-9), dz)) continue;
            if (!Inside(lo, dz))
            {
                for (var i = 0; i < 50; i++)
                {
                    var mid = (lo + hi) / 2;
                    if (Inside(mid, dz)) hi = mid; else lo = mid;
                }
                lo = hi;
            }
            var volume = (hx - lo) * (hy - lo) * (hz - dz);
            if (volume > best.Volume) best = (lo, dz, volume);
        }
        if (best.Volume <= 0)
            throw new ArgumentException($"no box fits inside {box} after the rotation", nameof(box));
        double bx = hx - best.Dxy, by = hy - best.Dxy, bz = hz - best.Dz;
        return new Box(centre.X - bx, centre.X + bx, centre.Y - by, centre.Y + by, centre.Z - bz, centre.Z + bz);
    }
}
