using System.Globalization;
using MlApt.Io;

namespace MlApt.Specimens;

/// <summary>
/// A simulated specimen as a user writes it: lists and ranges as text (<c>20,20,40</c>, <c>1.0-1.8</c>, <c>L12</c>,
/// <c>Co:1,Cr:1,Ni:1</c>), the rest as numbers. <see cref="ToSpec"/> checks everything; each error is one line
/// naming the parameter (<c>size</c>, <c>radius</c>, <c>eta</c>, …).
/// </summary>
internal sealed record SpecimenRequest
{
    /// <summary>Size x,y,z (nm).</summary>
    public string Size { get; init; } = "20,20,40";
    /// <summary>fcc or bcc.</summary>
    public string Lattice { get; init; } = "fcc";
    /// <summary>Lattice parameter a (nm).</summary>
    public double LatticeParameter { get; init; } = 0.356;
    /// <summary>Matrix composition Element:amount,….</summary>
    public string Composition { get; init; } = "Co:1,Cr:1,Ni:1";
    /// <summary>Number of domains.</summary>
    public int Domains { get; init; } = 30;
    /// <summary>Domain radius MIN-MAX (or one value), nm.</summary>
    public string Radius { get; init; } = "1.0-1.8";
    /// <summary>The ordered element.</summary>
    public string Element { get; init; } = "Ni";
    /// <summary>Domain structure: L12, L11, L10, B2 or D03.</summary>
    public string Structure { get; init; } = "L12";
    /// <summary>Order parameter S.</summary>
    public double Order { get; init; } = 1.0;
    /// <summary>Detection efficiency η.</summary>
    public double Eta { get; init; } = 0.5;
    /// <summary>Lateral noise σxy (nm).</summary>
    public double SigmaXy { get; init; } = 0.3;
    /// <summary>Depth noise σz (nm).</summary>
    public double SigmaZ { get; init; } = 0.03;
    /// <summary>Crystal direction along z, h,k,l.</summary>
    public string Orientation { get; init; } = "0,0,1";
    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Charge states Element:charge,… (null: every ion 2+).</summary>
    public string? Charges { get; init; }

    /// <summary>The checked spec; an <see cref="InputException"/> naming the parameter otherwise.</summary>
    public SpecimenSpec ToSpec()
    {
        var size = Numbers(Size, "size", 3);
        var orientation = Numbers(Orientation, "orientation", 3);
        var radius = Radius.Split('-', 2, StringSplitOptions.TrimEntries);
        var rmin = Number(radius[0], "radius");
        var rmax = radius.Length == 2 ? Number(radius[1], "radius") : rmin;
        if (!Enum.TryParse<DomainStructure>(Structure, ignoreCase: true, out var structure) || int.TryParse(Structure, out _))
            InputError.In("structure", $"'{Structure}': expected L12, L11, L10, B2 or D03");
        var spec = new SpecimenSpec
        {
            Size = (size[0], size[1], size[2]),
            Lattice = Lattice.ToLowerInvariant(),
            A = LatticeParameter,
            Composition = Crystal.Composition.Parse(Composition, "composition", allowZero: true).Entries,
            Domains = Domains,
            RadiusMin = rmin,
            RadiusMax = rmax,
            Element = Element,
            Structure = structure,
            Order = Order,
            Efficiency = Eta,
            SigmaXy = SigmaXy,
            SigmaZ = SigmaZ,
            Orientation = (orientation[0], orientation[1], orientation[2]),
            Seed = Seed,
            Charges = Charges is null ? null : Isotopes.ParseCharges(Charges),
        };
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message, e);
        }
        return spec;
    }

    private static double[] Numbers(string text, string parameter, int count)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != count) InputError.In(parameter, $"'{text}': expected {count} comma-separated numbers");
        return [.. parts.Select(p => Number(p, parameter))];
    }

    private static double Number(string text, string parameter)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            InputError.In(parameter, $"'{text}' is not a number");
        return v;
    }
}
