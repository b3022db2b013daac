using System.Globalization;

namespace MlApt.Crystal;

/// <summary>
/// A type of chemical order as site-specific APT sees it: an ordered structure (<c>L12</c>: the element on every
/// other (002) plane; <c>L11</c>: on every other (111) plane), the ordered element, and the crystal pole put
/// along the analysis direction z that reveals it. The built-in ones are what simulated specimens, specimen banks
/// and the embedded models are made for.
/// </summary>
/// <param name="Structure">Structure name as in <see cref="Motif"/> (<c>L12</c>, <c>L11</c>, …).</param>
/// <param name="Element">The ordered element.</param>
/// <param name="Pole">Miller indices of the pole along z.</param>
public sealed record OrderType(string Structure, string Element, (int H, int K, int L) Pole)
{
    /// <summary>L1₂-type Ni order seen along ⟨001⟩ (Ni on every other (002) plane): the default.</summary>
    public static OrderType L12Along001 { get; } = new("L12", "Ni", (0, 0, 1));

    /// <summary>L1₁-type Ni order seen along ⟨111⟩ (Ni on every other (111) plane).</summary>
    public static OrderType L11Along111 { get; } = new("L11", "Ni", (1, 1, 1));

    /// <summary>The built-in order types, the default first.</summary>
    public static IReadOnlyList<OrderType> BuiltIn { get; } = [L12Along001, L11Along111];

    /// <summary>The poles of the built-in order types as written on the command line (<c>001</c>, <c>111</c>).</summary>
    public static IReadOnlyList<string> PoleNames { get; } = BuiltIn.Select(o => o.PoleName).ToList();

    /// <summary>The pole as three digits, e.g. <c>001</c>.</summary>
    public string PoleName => string.Create(CultureInfo.InvariantCulture, $"{Pole.H}{Pole.K}{Pole.L}");

    /// <summary>The pole as a plane family (for alignment).</summary>
    public PlaneFamily PoleFamily => new(Pole.H, Pole.K, Pole.L);

    /// <summary>The built-in order type seen along <paramref name="pole"/> (<c>001</c> or <c>111</c>; <c>0,0,1</c> and <c>[111]</c> too).</summary>
    /// <exception cref="ArgumentException">Another pole, naming <paramref name="parameter"/>.</exception>
    public static OrderType ForPole(string pole, string parameter = "pole")
    {
        ArgumentNullException.ThrowIfNull(pole);
        var bare = BarePole(pole);
        var known = BuiltIn.FirstOrDefault(o => o.PoleName == bare);
        return known ?? throw new ArgumentException($"'{pole}': expected {string.Join(" or ", PoleNames)}", parameter);
    }

    /// <summary>A pole as written (<c>[001]</c>, <c>⟨111⟩</c>, <c>1,1,0</c>) as bare digits (<c>001</c>).</summary>
    internal static string BarePole(string pole) =>
        new(pole.Where(c => c is not ('[' or ']' or '<' or '>' or '⟨' or '⟩' or ',' or ' ')).ToArray());

    /// <summary>
    /// <see cref="ForPole"/> for input: another pole is an <see cref="Io.InputException"/> naming <paramref name="parameter"/>
    /// and listing the built-in order types.
    /// </summary>
    public static OrderType Parse(string pole, string parameter = "pole")
    {
        try
        {
            return ForPole(pole, parameter);
        }
        catch (ArgumentException)
        {
            Io.InputError.In(parameter, $"'{pole}': expected {string.Join(" or ", PoleNames)} (the built-in order types: {string.Join("; ", BuiltIn.Select(o => $"{o.PoleName}: {o.Describe()}"))})");
            throw;
        }
    }

    /// <summary>Human-readable name for titles and reports, e.g. "L1₂-type Ni order along ⟨001⟩".</summary>
    public string Describe() => $"{PrettyStructure(Structure)}-type {Element} order along ⟨{PoleName}⟩";

    /// <summary>"L12" → "L1₂", "D03" → "D0₃"; "B2" and unknown names unchanged.</summary>
    public static string PrettyStructure(string structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var s = structure.Trim();
        if (s.Length == 3 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]))
            return string.Concat(s.AsSpan(0, 2), ((char)('₀' + (s[2] - '0'))).ToString());
        return s;
    }

    /// <summary>
    /// The crystal direction that lies along z when the pole is tilted <paramref name="degrees"/> away from z
    /// towards <paramref name="azimuth"/> (radians, about the pole): a unit vector, or for ⟨001⟩ the vector
    /// (tan θ cos φ, tan θ sin φ, 1) the detection envelope has always used.
    /// </summary>
    public (double H, double K, double L) TiltedPole(double degrees, double azimuth)
    {
        var t = degrees * Math.PI / 180;
        if (Pole == (0, 0, 1))
            return (Math.Tan(t) * Math.Cos(azimuth), Math.Tan(t) * Math.Sin(azimuth), 1);
        var n = Math.Sqrt(Pole.H * Pole.H + Pole.K * Pole.K + Pole.L * Pole.L);
        double px = Pole.H / n, py = Pole.K / n, pz = Pole.L / n;
        // e1 ⟂ pole: the pole crossed with the cube axis it is least parallel to; e2 = pole × e1.
        (double X, double Y, double Z) axis = Math.Abs(px) <= Math.Abs(py) && Math.Abs(px) <= Math.Abs(pz) ? (1, 0, 0)
            : Math.Abs(py) <= Math.Abs(pz) ? (0, 1, 0) : (0, 0, 1);
        double ax = py * axis.Z - pz * axis.Y, ay = pz * axis.X - px * axis.Z, az = px * axis.Y - py * axis.X;
        var an = Math.Sqrt(ax * ax + ay * ay + az * az);
        ax /= an; ay /= an; az /= an;
        double bx = py * az - pz * ay, by = pz * ax - px * az, bz = px * ay - py * ax;
        double c = Math.Cos(t), s = Math.Sin(t), ca = Math.Cos(azimuth), sa = Math.Sin(azimuth);
        return (c * px + s * (ca * ax + sa * bx), c * py + s * (ca * ay + sa * by), c * pz + s * (ca * az + sa * bz));
    }
}
