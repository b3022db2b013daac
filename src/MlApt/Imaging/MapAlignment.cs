using System.Globalization;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Specimens;

namespace MlApt.Imaging;

/// <summary>
/// Alignment before mapping: the model's pole put on z (<see cref="PoleAlignment"/>), so that the z-SDMs
/// look along the direction the model was trained on. Every output of such a map is in the aligned frame.
/// </summary>
public static class MapAlignment
{
    /// <summary>
    /// The pole a model was trained along: the order it records (<c>order.pole</c>, else its bank's orientation,
    /// see <see cref="Learning.ModelOrder"/>), else its metadata <c>orientation</c> (e.g. <c>&lt;002&gt; || z</c>
    /// → ⟨001⟩); ⟨001⟩ when the model does not say.
    /// </summary>
    public static PlaneFamily PoleOf(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (Learning.ModelOrder.Read(metadata).Pole is { } recorded && PlaneFamily.TryParse(recorded) is { } known)
            return Lowest(known);
        if (metadata.TryGetValue("orientation", out var text))
        {
            var digits = new string(text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
            if (PlaneFamily.TryParse(digits) is { } p)
                return Lowest(p);
        }
        return new PlaneFamily(0, 0, 1);
    }

    private static PlaneFamily Lowest(PlaneFamily p)
    {
        var g = Gcd(Gcd(Math.Abs(p.H), Math.Abs(p.K)), Math.Abs(p.L));
        return new PlaneFamily(p.H / g, p.K / g, p.L / g);
    }

    private static int Gcd(int a, int b) => b == 0 ? Math.Max(a, 1) : Gcd(b, a % b);

    /// <summary>
    /// Finds <paramref name="pole"/> with all ions and returns the rotated cloud; an <see cref="InputException"/>
    /// naming <paramref name="source"/> when the data show no such planes within the tilt limit.
    /// </summary>
    public static (IonCloud Cloud, PoleAlignmentResult Alignment) Align(IonCloud cloud, PlaneFamily pole, string source, PoleAlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options = (options ?? new PoleAlignmentOptions()) with { Pole = pole };
        var found = PoleAlignment.Find(cloud, [], options, out var best);
        if (found is null)
            throw new InputException(NotFound(source, options, best));
        return (PoleAlignment.Rotate(cloud, found.Rotation, found.Centre), found);
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
        var c = alignment.Centre;
        return domains.Select(d =>
        {
            var (x, y, z) = alignment.Rotation.Apply(d.X - c.X, d.Y - c.Y, d.Z - c.Z);
            return d with { X = x + c.X, Y = y + c.Y, Z = z + c.Z };
        }).ToList();
    }
}
