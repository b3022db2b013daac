using System.Globalization;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Sdm;
using MlApt.Banks;

namespace MlApt.Cli.Commands;

/// <summary>Builds the <see cref="BankSpec"/> of a custom bank from <c>mlapt bank --structure …</c>; errors name the option.</summary>
internal static class BankCustom
{
    public static BankSpec Build(BankSettings s)
    {
        var element = Name(s.Element ?? BankPresets.CoCrNiElement, "--element");
        var other = Name(s.Other ?? BankPresets.OtherElement, "--other");
        if (other == element) InputError.In("--other", $"'{other}': must differ from --element");
        var cells = s.Cells ?? 3;
        var order = s.Order ?? 1.0;
        var direction = Direction(s.Orientation ?? "0,0,1");
        var parameters = new ParameterSpace(
            Axis(s.SigmaXy, "0.2:0.8:0.05", "--sigma-xy", 0, 10, s.Samples),
            Axis(s.SigmaZ, "0.010:0.058:0.002", "--sigma-z", 0, 10, s.Samples),
            Axis(s.Eta, "0.2:0.65:0.05", "--eta", 0, 1, s.Samples),
            Axis(s.Tilt, "0", "--tilt", -90, 90, s.Samples),
            Axis(s.LatticeParameter, "0.36", "--lattice", 1e-3, 10, s.Samples),
            s.Samples);
        if (parameters.LatticeParameter.Min <= 0) InputError.In("--lattice", "the lattice parameter must be positive");

        var structures = s.Structure!.Split(',', StringSplitOptions.TrimEntries);
        if (structures.Any(t => t.Length == 0)) InputError.In("--structure", $"'{s.Structure}': empty class in the list");
        var names = s.Classes is null ? structures.Select(DefaultClassName).ToArray() : s.Classes.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length != structures.Length)
            InputError.In("--classes", Invariant($"'{s.Classes}': {names.Length} name(s) for {structures.Length} structure(s)"));
        if (names.Any(n => n.Length == 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            InputError.In("--classes", $"'{s.Classes}': class names must be non-empty and distinct");

        var classes = new List<BankClass>();
        for (var c = 0; c < structures.Length; c++)
        {
            var occupation = Structure(structures[c], element, other, s.Composition, order, out var lattice);
            CrystalModel model;
            try
            {
                model = new CrystalModel(lattice, cells, occupation);
            }
            catch (ArgumentException e)
            {
                throw new InputException($"--structure {structures[c]}: {e.Message}", e);
            }
            classes.Add(new BankClass(names[c], model, parameters));
        }
        var channels = (s.Channels ?? $"{element}-{element}").Split(',', StringSplitOptions.TrimEntries)
            .Select(p => ElementPair.Parse(p, "--channels")).ToArray();
        var spec = new BankSpec("custom", classes, channels, direction);
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            var option = e.Message.StartsWith("channel", StringComparison.Ordinal) ? "--channels" : "bank";
            throw new InputException($"{option}: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new InputException("bank: the grid has too many samples", e);
        }
        if (spec.Count > 10_000_000) InputError.In("bank", Invariant($"{spec.Count} samples: at most 10000000"));
        return spec;
    }

    private static Occupation Structure(string text, string element, string other, string? composition, double order, out Lattice lattice)
    {
        switch (text.ToUpperInvariant())
        {
            case "FCC": lattice = Lattice.Fcc; return Occupation.Pure(element);
            case "BCC": lattice = Lattice.Bcc; return Occupation.Pure(element);
            case "FCC-SS": lattice = Lattice.Fcc; return SolidSolution(composition, text);
            case "BCC-SS": lattice = Lattice.Bcc; return SolidSolution(composition, text);
            case "L12": lattice = Lattice.Fcc; return new Occupation(Motif.L12, [element, other], Order: order);
            case "L10": lattice = Lattice.Fcc; return new Occupation(Motif.L10, [element, other], Order: order);
            case "L11": lattice = Lattice.Fcc; return new Occupation(Motif.L11, [element, other], Order: order);
            case "B2": lattice = Lattice.Bcc; return new Occupation(Motif.B2, [element, other], Order: order);
            case "D03": lattice = Lattice.Bcc; return new Occupation(Motif.D03, [element, other], Order: order);
        }
        if (!text.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            InputError.In("--structure", $"'{text}': expected fcc, bcc, fcc-ss, bcc-ss, l12, l10, l11, b2, d03 or a .json cell file");
        lattice = LatticeFile.Load(text);
        if (lattice.Basis.All(b => b.Element is null)) return Occupation.Pure(element);
        if (lattice.Basis.Any(b => b.Element is null))
            InputError.In(text, "either every basis site names its element or none does");
        // The element of interest first when the cell has it, so channel and metadata read naturally.
        var elements = lattice.Basis.Select(b => b.Element!).Distinct(StringComparer.Ordinal)
            .OrderBy(e => e == element ? 0 : 1).ToArray();
        return new Occupation(Motif.Basis, elements, Order: order);
    }

    private static Occupation SolidSolution(string? composition, string structure)
    {
        if (composition is null) InputError.In("--composition", $"required for {structure}, e.g. Fe:0.75,Al:0.25");
        var parsed = Composition.Parse(composition, "--composition", allowZero: true);
        return new Occupation(Motif.SolidSolution, parsed.Elements, parsed.Amounts);
    }

    private static ParameterAxis Axis(string? text, string fallback, string option, double lo, double hi, int? samples)
    {
        var axis = ParameterAxis.Parse(text ?? fallback, option).Within(lo, hi, option);
        if (samples is null && !axis.IsGrid)
            InputError.In(option, $"'{text}': a range min:max needs --samples (random sampling); give a grid start:stop:step for a grid bank");
        return axis;
    }

    private static (int, int, int) Direction(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var v = new int[3];
        if (parts.Length != 3 || !parts.Select((p, i) => int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v[i])).All(ok => ok))
            InputError.In("--orientation", $"'{text}': expected three integers h,k,l, e.g. 0,0,1 or 1,1,1");
        if (v.All(x => x == 0)) InputError.In("--orientation", $"'{text}': [0 0 0] is not a direction");
        return (v[0], v[1], v[2]);
    }

    private static string Name(string text, string option)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Any(ch => !char.IsLetterOrDigit(ch)))
            InputError.In(option, $"'{text}': expected an element name such as Co");
        return t;
    }

    private static string DefaultClassName(string structure) =>
        structure.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(structure) : structure.ToUpperInvariant();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
