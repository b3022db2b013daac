namespace MlApt.Specimens;

/// <summary>Natural isotopes (mass in Da, abundance) of the elements the simulations use.</summary>
internal static class Isotopes
{
    /// <summary>The elements with an isotope table.</summary>
    public static IReadOnlyList<string> Elements { get; } = ["Al", "Co", "Cr", "Cu", "Fe", "Mn", "Ni", "Ti"];

    /// <summary>Whether <paramref name="element"/> has an isotope table.</summary>
    public static bool Known(string element) => Elements.Contains(element, StringComparer.Ordinal);

    /// <summary>Isotopes of an element, most abundant first.</summary>
    public static IReadOnlyList<(double Mass, double Abundance)> Of(string element) => element switch
    {
        "Co" => [(58.933, 1.0)],
        "Cr" => [(51.941, 0.83789), (52.941, 0.09501), (49.946, 0.04345), (53.939, 0.02365)],
        "Ni" => [(57.935, 0.68077), (59.931, 0.26223), (61.928, 0.03635), (60.931, 0.01140), (63.928, 0.00926)],
        "Fe" => [(55.935, 0.91754), (53.940, 0.05845), (56.935, 0.02119), (57.933, 0.00282)],
        "Al" => [(26.982, 1.0)],
        "Mn" => [(54.938, 1.0)],
        "Cu" => [(62.930, 0.6915), (64.928, 0.3085)],
        "Ti" => [(47.948, 0.7372), (45.953, 0.0825), (46.952, 0.0744), (48.948, 0.0541), (49.945, 0.0518)],
        _ => throw new ArgumentException($"no isotope table for '{element}'", nameof(element)),
    };

    /// <summary>
    /// The charge state most of the element's ions take in APT of alloys: 1 for Al (Al⁺ at 27 Da dominates in
    /// Fe–Al and steels), 2 for the transition metals.
    /// </summary>
    public static int UsualCharge(string element) => element == "Al" ? 1 : 2;

    /// <summary>
    /// Parses charge states <c>Element:charge,…</c> (e.g. <c>Fe:2,Al:1</c>; charges 1 … 4, each element once); errors
    /// are an <see cref="Io.InputException"/> naming <paramref name="parameter"/>.
    /// </summary>
    public static List<(string Element, int Charge)> ParseCharges(string text, string parameter = "charges")
    {
        ArgumentNullException.ThrowIfNull(text);
        var charges = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':', StringSplitOptions.TrimEntries);
            var q = 0;
            if (kv.Length != 2 || kv[0].Length == 0 || !int.TryParse(kv[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out q) || q is < 1 or > 4)
                Io.InputError.In(parameter, $"'{part}' in '{text}': expected Element:charge with a charge 1 … 4, e.g. Fe:2,Al:1");
            if (charges.Any(c => c.Item1 == kv[0])) Io.InputError.In(parameter, $"'{text}': {kv[0]} is given twice");
            charges.Add((kv[0], q));
        }
        return charges;
    }

    /// <summary>Draws a mass-to-charge value for an ion of the element at the given charge state.</summary>
    public static double DrawMassToCharge(string element, int charge, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        var isotopes = Of(element);
        foreach (var (mass, abundance) in isotopes)
        {
            if ((u -= abundance) <= 0)
                return mass / charge;
        }
        return isotopes[0].Mass / charge;
    }
}
