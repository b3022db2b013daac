using System.Globalization;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Specimens;

/// <summary>
/// An alloy and the order a model is built to find in it: lattice and its parameter, matrix composition, the
/// ordered element, the ordered structure and the pole along the analysis direction, and the charge state of
/// each element's ions. <see cref="Parse"/> checks it as a user writes it; <see cref="Apply"/> puts it into a
/// specimen spec.
/// </summary>
/// <param name="Lattice"><c>fcc</c> or <c>bcc</c>.</param>
/// <param name="A">Lattice parameter (nm).</param>
/// <param name="Composition">Matrix composition: element and amount (normalised when used).</param>
/// <param name="Element">The ordered element.</param>
/// <param name="Structure">The ordered structure of the domains.</param>
/// <param name="Pole">The crystal pole along z.</param>
/// <param name="Charges">Charge state per element.</param>
public sealed record AlloySpec(string Lattice, double A, IReadOnlyList<(string Element, double Amount)> Composition, string Element,
    DomainStructure Structure, (int H, int K, int L) Pole, IReadOnlyList<(string Element, int Charge)> Charges)
{
    /// <summary>The poles a model can be built along.</summary>
    public static IReadOnlyList<string> PoleNames { get; } = ["001", "111", "110"];

    /// <summary>The smallest share (of the composition) an element needs for its pairs to be default channels.</summary>
    public const double ChannelShare = 0.05;

    /// <summary>CoCrNi (FCC, a = 0.356 nm, equiatomic) with L1₂ Ni domains along ⟨001⟩: the default model's alloy.</summary>
    public static AlloySpec CoCrNi { get; } = new("fcc", 0.356, [("Co", 1), ("Cr", 1), ("Ni", 1)], "Ni", DomainStructure.L12, (0, 0, 1),
        [("Co", 2), ("Cr", 2), ("Ni", 2)]);

    /// <summary>The order type (structure, element, pole).</summary>
    public OrderType Order => new(Structure.ToString(), Element, Pole);

    /// <summary>The pole as digits, e.g. <c>001</c>.</summary>
    public string PoleName => Order.PoleName;

    /// <summary>
    /// The alloy as the user writes it (<c>--lattice bcc -a 0.287 --composition Fe:80,Al:20 --element Al
    /// --structure B2 --pole 001</c>; charges <c>Fe:2,Al:1</c> or null for each element's usual one). Every
    /// check names its parameter in an <see cref="InputException"/>: an unknown lattice or element, an element
    /// not in the composition, a structure the lattice cannot carry, a pole along which the structure shows no
    /// contrast.
    /// </summary>
    public static AlloySpec Parse(string lattice, double a, string composition, string element, string structure, string pole, string? charges = null)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(pole);
        var kind = lattice.ToLowerInvariant();
        if (kind is not ("fcc" or "bcc")) InputError.In("lattice", $"'{lattice}': expected fcc or bcc");
        if (!(a >= 0.1 && a <= 1)) InputError.In("lattice-parameter", string.Create(CultureInfo.InvariantCulture, $"{a}: expected 0.1 … 1 nm"));
        var entries = Crystal.Composition.Parse(composition, "composition").Entries;
        foreach (var (e, _) in entries)
        {
            if (!Isotopes.Known(e)) InputError.In("composition", $"no isotope table for '{e}' (known: {string.Join(", ", Isotopes.Elements)})");
        }
        if (entries.Count < 2) InputError.In("composition", $"'{composition}': ordered domains need at least two elements");
        if (!entries.Any(c => c.Element == element))
            InputError.In("element", $"'{element}' is not in the composition ({string.Join(", ", entries.Select(c => c.Element))})");
        if (!Enum.TryParse<DomainStructure>(structure, ignoreCase: true, out var s) || int.TryParse(structure, out _))
            InputError.In("structure", $"'{structure}': expected {string.Join(", ", Enum.GetNames<DomainStructure>())}");
        var carried = Carried(kind);
        if (!carried.Contains(s))
            InputError.In("structure", $"{s} is not defined on {kind.ToUpperInvariant()} (FCC carries {string.Join(", ", Carried("fcc"))}; BCC carries {string.Join(", ", Carried("bcc"))})");
        var hkl = ParsePole(pole);
        var motif = Enum.Parse<Motif>(s.ToString());
        if (!PlaneContrast.Shows(kind == "fcc" ? Crystal.Lattice.Fcc : Crystal.Lattice.Bcc, motif, hkl.H, hkl.K, hkl.L))
        {
            var showing = PoleNames.Where(p => { var q = ParsePole(p); return PlaneContrast.Shows(kind == "fcc" ? Crystal.Lattice.Fcc : Crystal.Lattice.Bcc, motif, q.H, q.K, q.L); });
            InputError.In("pole", $"{s} shows no contrast along ⟨{pole}⟩: every ({pole}) plane holds the same share of {element} sites (poles that show it: {string.Join(", ", showing)})");
        }
        var chargeList = charges is null ? entries.Select(c => (c.Element, Isotopes.UsualCharge(c.Element))).ToList() : ParseCharges(charges, entries);
        return new AlloySpec(kind, a, entries, element, s, hkl, chargeList);
    }

    /// <summary>The structures a lattice carries.</summary>
    public static IReadOnlyList<DomainStructure> Carried(string lattice) => lattice.Equals("bcc", StringComparison.OrdinalIgnoreCase)
        ? [DomainStructure.B2, DomainStructure.D03]
        : [DomainStructure.L12, DomainStructure.L11, DomainStructure.L10];

    /// <summary>
    /// The default channels: every pair (like and unlike) of the elements that make up at least
    /// <see cref="ChannelShare"/> of the composition (the ordered element always), the ordered element first, then
    /// the composition's order; like pairs before unlike ones (CoCrNi, Ni: Ni-Ni, Co-Co, Cr-Cr, Ni-Co, Ni-Cr, Co-Cr).
    /// </summary>
    public IReadOnlyList<ElementPair> DefaultChannels()
    {
        var total = Composition.Sum(c => c.Amount);
        var elements = new List<string> { Element };
        elements.AddRange(Composition.Where(c => c.Element != Element && c.Amount / total >= ChannelShare).Select(c => c.Element));
        var pairs = elements.Select(e => new ElementPair(e, e)).ToList();
        for (var i = 0; i < elements.Count; i++)
        for (var j = i + 1; j < elements.Count; j++)
            pairs.Add(new ElementPair(elements[i], elements[j]));
        return pairs;
    }

    /// <summary>
    /// Checks user-named channels: both elements of each pair in the composition, no pair twice; errors name
    /// <paramref name="parameter"/>.
    /// </summary>
    public IReadOnlyList<ElementPair> CheckChannels(IReadOnlyList<ElementPair> pairs, string parameter = "channels")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var p in pairs)
        {
            foreach (var e in new[] { p.Centre, p.Neighbour })
            {
                if (!Composition.Any(c => c.Element == e))
                    InputError.In(parameter, $"{p}: '{e}' is not in the composition ({string.Join(", ", Composition.Select(c => c.Element))})");
            }
        }
        if (pairs.Distinct().Count() != pairs.Count) InputError.In(parameter, $"'{string.Join(",", pairs)}': a pair is given twice");
        return pairs;
    }

    /// <summary><paramref name="spec"/> made of this alloy: lattice, a, composition, charges, ordered structure and element, the pole along z.</summary>
    public SpecimenSpec Apply(SpecimenSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with
        {
            Lattice = Lattice, A = A, Composition = Composition, Element = Element, Structure = Structure,
            Orientation = (Pole.H, Pole.K, Pole.L), Charges = Charges,
        };
    }

    /// <summary>"BCC Fe80Al20 (a = 0.287 nm), B2-type Al order along ⟨001⟩".</summary>
    public string Describe()
    {
        var total = Composition.Sum(c => c.Amount);
        var formula = string.Concat(Composition.Select(c => c.Element + Math.Round(100 * c.Amount / total, 1).ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"{Lattice.ToUpperInvariant()} {formula} (a = {A} nm), {Order.Describe()}");
    }

    /// <summary>The composition as <c>Fe:80,Al:20</c>.</summary>
    public string CompositionText => string.Join(",", Composition.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Element}:{c.Amount}")));

    /// <summary>The charges as <c>Fe:2,Al:1</c>.</summary>
    public string ChargesText => string.Join(",", Charges.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Element}:{c.Charge}")));

    private static (int H, int K, int L) ParsePole(string pole)
    {
        var bare = OrderType.BarePole(pole);
        if (!PoleNames.Contains(bare)) InputError.In("pole", $"'{pole}': expected {string.Join(", ", PoleNames)}");
        return (bare[0] - '0', bare[1] - '0', bare[2] - '0');
    }

    private static List<(string, int)> ParseCharges(string text, IReadOnlyList<(string Element, double Amount)> entries)
    {
        var given = Isotopes.ParseCharges(text);
        foreach (var (e, _) in given)
        {
            if (!entries.Any(c => c.Element == e))
                InputError.In("charges", $"'{e}' is not in the composition ({string.Join(", ", entries.Select(c => c.Element))})");
        }
        return entries.Select(c => (c.Element, given.Where(g => g.Element == c.Element).Select(g => g.Charge).FirstOrDefault(Isotopes.UsualCharge(c.Element)))).ToList();
    }
}
