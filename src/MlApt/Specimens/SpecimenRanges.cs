using System.Globalization;
using System.Text;

namespace MlApt.Specimens;

/// <summary>The RRNG range file matching a simulated specimen.</summary>
internal static class SpecimenRanges
{
    /// <summary>Half-width of every range (Da): wide enough for the simulated mass noise (≤ 0.1 Da).</summary>
    public const double HalfWidth = 0.1;

    /// <summary>
    /// An RRNG file with one range (peak ± <see cref="HalfWidth"/>) per isotope peak of every element at the
    /// charge state. Peaks that two elements share within the range width (e.g. ⁵⁸Fe and ⁵⁸Ni) are left out:
    /// their ions stay unranged rather than be assigned to the wrong element.
    /// </summary>
    public static string Rrng(IReadOnlyList<string> elements, int charge = 2)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return Write(elements, Peaks(elements.Select(e => (e, 1.0, charge)).ToList()));
    }

    /// <summary>
    /// The range file of <paramref name="spec"/>: each element at its own charge state (<see cref="SpecimenSpec.ChargeOf"/>).
    /// A peak two elements share is left out as above, unless it is the only peak of one of them: it is then
    /// ranged as that element, as a ranger of real data does (Al⁺ at 27 Da, where ⁵⁴Fe²⁺ also lands: those
    /// Fe ions are counted as Al).
    /// </summary>
    public static string Rrng(SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var elements = spec.Composition.Select(c => c.Element).ToList();
        return Write(elements, Peaks(spec.Composition.Select(c => (c.Element, c.Amount, spec.ChargeOf(c.Element))).ToList()));
    }

    private static List<(double Lo, double Hi, string Element)> Peaks(IReadOnlyList<(string Element, double Amount, int Charge)> elements)
    {
        var peaks = new List<(double Lo, double Hi, string Element)>();
        foreach (var (e, _, charge) in elements)
        {
            foreach (var (mass, _) in Isotopes.Of(e))
                peaks.Add((mass / charge - HalfWidth, mass / charge + HalfWidth, e));
        }
        bool Shared((double Lo, double Hi, string Element) p) => peaks.Any(q => q.Element != p.Element && q.Lo <= p.Hi && p.Lo <= q.Hi);
        var kept = peaks.Where(p => !Shared(p)).ToList();
        // An element left without a single range keeps its shared peaks: all its ions are there.
        foreach (var (e, _, _) in elements)
        {
            if (kept.Any(p => p.Element == e)) continue;
            kept.AddRange(peaks.Where(p => p.Element == e && !kept.Any(k => k.Lo <= p.Hi && p.Lo <= k.Hi)));
        }
        return [.. kept.OrderBy(p => p.Lo)];
    }

    private static string Write(IReadOnlyList<string> elements, List<(double Lo, double Hi, string Element)> kept)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"[Ions]\nNumber={elements.Count}\n");
        for (var i = 0; i < elements.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"Ion{i + 1}={elements[i]}\n");
        sb.Append(CultureInfo.InvariantCulture, $"[Ranges]\nNumber={kept.Count}\n");
        for (var r = 0; r < kept.Count; r++)
            sb.Append(CultureInfo.InvariantCulture, $"Range{r + 1}={kept[r].Lo:F4} {kept[r].Hi:F4} Vol:0.01100 {kept[r].Element}:1 Color:00CC00\n");
        return sb.ToString();
    }
}
