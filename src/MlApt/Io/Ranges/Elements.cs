namespace MlApt.Io;

/// <summary>The chemical element symbols (H … Og), used to tell formulas from free-form ion names.</summary>
internal static class Elements
{
    // In order of proton number: index + 1 = Z.
    private static readonly string[] ByProtonNumber =
    [
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    private static readonly HashSet<string> Symbols = new(ByProtonNumber, StringComparer.Ordinal);

    /// <summary>True for a chemical element symbol in its canonical case ("Co", not "CO" or "co").</summary>
    public static bool IsSymbol(string name) => Symbols.Contains(name);

    /// <summary>The proton number Z of a symbol, or 0 when it is none.</summary>
    public static int ProtonNumber(string symbol) => Array.IndexOf(ByProtonNumber, symbol) + 1;

    /// <summary>The symbol of proton number <paramref name="z"/> (1 … 118), or null.</summary>
    public static string? Symbol(int z) => z >= 1 && z <= ByProtonNumber.Length ? ByProtonNumber[z - 1] : null;
}
