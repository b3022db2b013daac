using System.Globalization;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Sdm;

namespace MlApt.Banks;

/// <summary>
/// A custom bank as a user writes it: comma-separated structures, element names and parameter axes in their text
/// forms (<see cref="ParameterAxis.Parse"/>). <see cref="ToSpec"/> turns it into a <see cref="BankSpec"/>; every
/// error is one line naming the parameter (<c>structure</c>, <c>sigma-xy</c>, …).
/// </summary>
internal sealed record CustomBank
{
    /// <summary>Comma-separated classes: fcc, bcc, fcc-ss, bcc-ss, l12, l10, l11, b2, d03 or a JSON cell file.</summary>
    public required string Structure { get; init; }
    /// <summary>Element of interest: the pure element and the ordered sublattice's element (default Co).</summary>
    public string? Element { get; init; }
    /// <summary>Element on the other sites of ordered motifs (default X).</summary>
    public string? Other { get; init; }
    /// <summary>Composition of the solid-solution classes.</summary>
    public string? Composition { get; init; }
    /// <summary>Class names, comma-separated (default: the structure names).</summary>
    public string? Classes { get; init; }
    /// <summary>Element pairs, one channel each (default element-element).</summary>
    public string? Channels { get; init; }
    /// <summary>Crystal direction h,k,l along z (default 0,0,1).</summary>
    public string? Orientation { get; init; }
    /// <summary>Partial order 0 … 1 of ordered motifs (default 1).</summary>
    public double? Order { get; init; }
    /// <summary>Crystal of N × N × N cells (default 3).</summary>
    public int? Cells { get; init; }
    /// <summary>Random sampling: samples per class; null for the grid.</summary>
    public int? Samples { get; init; }
    /// <summary>σxy axis (nm).</summary>
    public string? SigmaXy { get; init; }
    /// <summary>σz axis (nm).</summary>
    public string? SigmaZ { get; init; }
    /// <summary>Detection-efficiency axis.</summary>
    public string? Eta { get; init; }
    /// <summary>Tilt axis (degrees).</summary>
    public string? Tilt { get; init; }
    /// <summary>Lattice-parameter axis (nm).</summary>
    public string? LatticeParameter { get; init; }

    /// <summary>The largest bank a spec may describe.</summary>
    public const long MaxSamples = 10_000_000;

    /// <summary>The spec of this bank; an <see cref="InputException"/> naming the parameter when a value is wrong.</summary>
    public BankSpec ToSpec()
    {
        var element = Name(Element ?? BankPresets.CoCrNiElement, "element");
        var other = Name(Other ?? BankPresets.OtherElement, "other");
        if (other == element) InputError.In("other", $"'{other}': must differ from the element of interest ({element})");
        var parameters = new ParameterSpace(
            Axis(SigmaXy, "0.2:0.8:0.05", "sigma-xy", 0, 10),
            Axis(SigmaZ, "0.010:0.058:0.002", "sigma-z", 0, 10),
            Axis(Eta, "0.2:0.65:0.05", "eta", 0, 1),
            Axis(Tilt, "0", "tilt", -90, 90),
            Axis(LatticeParameter, "0.36", "lattice", 1e-3, 10),
            Samples);
        if (parameters.LatticeParameter.Min <= 0) InputError.In("lattice", "the lattice parameter must be positive");

        var structures = Structure.Split(',', StringSplitOptions.TrimEntries);
        if (structures.Any(t => t.Length == 0)) InputError.In("structure", $"'{Structure}': empty class in the list");
        var names = Classes is null ? structures.Select(DefaultClassName).ToArray() : ParseClassNames(Classes);
        if (names.Length != structures.Length)
            InputError.In("classes", Invariant($"'{Classes}': {names.Length} name(s) for {structures.Length} structure(s)"));

        var classes = new List<BankClass>();
        for (var c = 0; c < structures.Length; c++)
        {
            var occupation = StructureOccupation(structures[c], element, other, out var lattice);
            CrystalModel model;
            try
            {
                model = new CrystalModel(lattice, Cells ?? 3, occupation);
            }
            catch (ArgumentException e)
            {
                throw new InputException($"structure {structures[c]}: {e.Message}", e);
            }
            classes.Add(new BankClass(names[c], model, parameters));
        }
        var channels = ElementPair.ParseList(Channels ?? $"{element}-{element}", "channels");
        var spec = new BankSpec("custom", classes, channels, Direction(Orientation ?? "0,0,1"));
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            var parameter = e.Message.StartsWith("channel", StringComparison.Ordinal) ? "channels" : "bank";
            throw new InputException($"{parameter}: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new InputException("bank: the grid has too many samples", e);
        }
        if (spec.Count > MaxSamples) InputError.In("bank", Invariant($"{spec.Count} samples: at most {MaxSamples}"));
        return spec;
    }

    /// <summary>Comma-separated class names, each non-empty and distinct; errors name the parameter <c>classes</c>.</summary>
    public static string[] ParseClassNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            InputError.In("classes", $"'{text}': class names must be non-empty and distinct");
        return names;
    }

    private Occupation StructureOccupation(string text, string element, string other, out Lattice lattice)
    {
        var order = Order ?? 1.0;
        switch (text.ToUpperInvariant())
        {
            case "FCC": lattice = Lattice.Fcc; return Occupation.Pure(element);
            case "BCC": lattice = Lattice.Bcc; return Occupation.Pure(element);
            case "FCC-SS": lattice = Lattice.Fcc; return SolidSolution(text);
            case "BCC-SS": lattice = Lattice.Bcc; return SolidSolution(text);
            case "L12": lattice = Lattice.Fcc; return new Occupation(Motif.L12, [element, other], Order: order);
            case "L10": lattice = Lattice.Fcc; return new Occupation(Motif.L10, [element, other], Order: order);
            case "L11": lattice = Lattice.Fcc; return new Occupation(Motif.L11, [element, other], Order: order);
            case "B2": lattice = Lattice.Bcc; return new Occupation(Motif.B2, [element, other], Order: order);
            case "D03": lattice = Lattice.Bcc; return new Occupation(Motif.D03, [element, other], Order: order);
        }
        if (!text.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            InputError.In("structure", $"'{text}': expected fcc, bcc, fcc-ss, bcc-ss, l12, l10, l11, b2, d03 or a .json cell file");
        lattice = LatticeFile.Load(text);
        if (lattice.Basis.All(b => b.Element is null)) return Occupation.Pure(element);
        if (lattice.Basis.Any(b => b.Element is null))
            InputError.In(text, "either every basis site names its element or none does");
        // The element of interest first when the cell has it, so channel and metadata read naturally.
        var elements = lattice.Basis.Select(b => b.Element!).Distinct(StringComparer.Ordinal)
            .OrderBy(e => e == element ? 0 : 1).ToArray();
        return new Occupation(Motif.Basis, elements, Order: order);
    }

    private Occupation SolidSolution(string structure)
    {
        if (Composition is null) InputError.In("composition", $"required for {structure}, e.g. Fe:0.75,Al:0.25");
        var parsed = Crystal.Composition.Parse(Composition, "composition", allowZero: true);
        return new Occupation(Motif.SolidSolution, parsed.Elements, parsed.Amounts);
    }

    private ParameterAxis Axis(string? text, string fallback, string parameter, double lo, double hi)
    {
        var axis = ParameterAxis.Parse(text ?? fallback, parameter).Within(lo, hi, parameter);
        if (Samples is null && !axis.IsGrid)
            InputError.In(parameter, $"'{text}': a range min:max needs random sampling (a sample count); give a grid start:stop:step for a grid bank");
        return axis;
    }

    private static (int, int, int) Direction(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var v = new int[3];
        if (parts.Length != 3 || !parts.Select((p, i) => int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v[i])).All(ok => ok))
            InputError.In("orientation", $"'{text}': expected three integers h,k,l, e.g. 0,0,1 or 1,1,1");
        if (v.All(x => x == 0)) InputError.In("orientation", $"'{text}': [0 0 0] is not a direction");
        return (v[0], v[1], v[2]);
    }

    private static string Name(string text, string parameter)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Any(ch => !char.IsLetterOrDigit(ch)))
            InputError.In(parameter, $"'{text}': expected an element name such as Co");
        return t;
    }

    private static string DefaultClassName(string structure) =>
        structure.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(structure) : structure.ToUpperInvariant();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
