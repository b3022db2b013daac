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
        var peaks = new List<(double Lo, double Hi, string Element)>();
        foreach (var e in elements)
        {
            foreach (var (mass, _) in Isotopes.Of(e))
                peaks.Add((mass / charge - HalfWidth, mass / charge + HalfWidth, e));
        }
        var kept = peaks.Where(p => !peaks.Any(q => q.Element != p.Element && q.Lo <= p.Hi && p.Lo <= q.Hi))
            .OrderBy(p => p.Lo).ToList();
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
