using System.Globalization;

namespace MlApt.Crystal;

/// <summary>
/// A family of lattice planes {hkl} of a cubic crystal, named by its pole ⟨hkl⟩, and the spacing of the
/// planes that every atom lies on: the first multiple n·(hkl) that the lattice does not extinguish
/// (FCC: h, k, l all even or all odd; BCC: h + k + l even). So ⟨001⟩ of FCC is the (002) family, d = a/2.
/// </summary>
/// <param name="H">h.</param>
/// <param name="K">k.</param>
/// <param name="L">l.</param>
public readonly record struct PlaneFamily(int H, int K, int L)
{
    /// <summary>Parses <c>001</c>, <c>111</c>, <c>110</c> (three digits) or <c>h,k,l</c>; null when malformed.</summary>
    public static PlaneFamily? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Trim('<', '>', '[', ']', '⟨', '⟩', '{', '}', '(', ')');
        int[]? v = null;
        if (t.Length == 3 && t.All(char.IsAsciiDigit))
            v = [t[0] - '0', t[1] - '0', t[2] - '0'];
        else
        {
            var parts = t.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && parts.All(p => int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
                v = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
        if (v is null || v.All(c => c == 0) || v.Any(c => Math.Abs(c) > 20)) return null;
        return new PlaneFamily(v[0], v[1], v[2]);
    }

    /// <summary>The first multiple n of (hkl) whose reflection the lattice allows.</summary>
    public int AllowedMultiple(LatticeKind lattice)
    {
        for (var n = 1; n <= 4; n++)
        {
            int h = n * H, k = n * K, l = n * L;
            var allowed = lattice switch
            {
                LatticeKind.Fcc => (h & 1) == (k & 1) && (k & 1) == (l & 1),
                LatticeKind.Bcc => ((h + k + l) & 1) == 0,
                _ => true,
            };
            if (allowed) return n;
        }
        return 1;
    }

    /// <summary>The spacing (nm) of the planes of this family that hold every site, for lattice parameter <paramref name="a"/>.</summary>
    public double Spacing(LatticeKind lattice, double a)
    {
        if (!(a > 0) || !double.IsFinite(a))
            throw new ArgumentOutOfRangeException(nameof(a), a, "expected a lattice parameter > 0 (nm)");
        return a / (AllowedMultiple(lattice) * Math.Sqrt(H * H + K * K + L * L));
    }

    /// <summary><c>⟨hkl⟩</c>-style text: <c>001</c>.</summary>
    public override string ToString() =>
        H is >= 0 and <= 9 && K is >= 0 and <= 9 && L is >= 0 and <= 9
            ? string.Create(CultureInfo.InvariantCulture, $"{H}{K}{L}")
            : string.Create(CultureInfo.InvariantCulture, $"{H},{K},{L}");
}
