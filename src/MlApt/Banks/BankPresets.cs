using MlApt.Crystal;
using MlApt.Sdm;

namespace MlApt.Banks;

/// <summary>
/// The named banks of <c>mlapt bank --preset</c>:
/// <list type="bullet">
/// <item><c>cocrni-reference</c>: METHOD §5 exactly — ⟨002⟩ ∥ z, a = 0.36 nm, 3 × 3 × 3 FCC cells (172 sites),
/// class FCC (every site Co, 13 × 25 × 10 = 3250 samples) vs class CSRO (L1₂ X₃Co, Co on the 64 cube corners,
/// 13 × 15 × 10 = 1950 samples), channel Co–Co.</item>
/// <item><c>cocrni-111</c>: the same with ⟨111⟩ ∥ z and L1₁ (Co on alternating (111) planes, period 2a/√3) as CSRO.</item>
/// <item><c>feal-reference</c>: BCC (random Fe₀.₇₅Al₀.₂₅) vs B2 (FeAl) vs D0₃ (Fe₃Al), a = 0.287 nm, ⟨002⟩ ∥ z,
/// 4 × 4 × 4 cells (so that D0₃'s doubled cell repeats and the crystal is ≈ 1.1 nm like the CoCrNi one),
/// channels Fe–Fe and Al–Al, the FCC class's noise grids for all three classes (3 × 3250 samples).</item>
/// </list>
/// </summary>
public static class BankPresets
{
    /// <summary>Preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cocrni-reference", "cocrni-111", "feal-reference"];

    /// <summary>The element of the CoCrNi presets' z-SDM.</summary>
    public const string CoCrNiElement = "Co";

    /// <summary>Name of the non-Co element(s) of the ordered CoCrNi crystals (Cr and Ni are not told apart).</summary>
    public const string OtherElement = "X";

    /// <summary>The reference σxy grid: 0.20, 0.25, … 0.80 nm (13 values).</summary>
    public static ParameterAxis ReferenceSigmaXy => ParameterAxis.Grid(0.20, 0.80, 0.05);
    /// <summary>The reference FCC σz grid: 0.010, 0.012, … 0.058 nm (25 values).</summary>
    public static ParameterAxis ReferenceFccSigmaZ => ParameterAxis.Grid(0.010, 0.058, 0.002);
    /// <summary>The reference CSRO σz grid: 0.020, 0.022, … 0.048 nm (15 values).</summary>
    public static ParameterAxis ReferenceCsroSigmaZ => ParameterAxis.Grid(0.020, 0.048, 0.002);
    /// <summary>The reference η grid: 0.20, 0.25, … 0.65 (10 values).</summary>
    public static ParameterAxis ReferenceEfficiency => ParameterAxis.Grid(0.20, 0.65, 0.05);

    /// <summary>The spec of a preset; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static BankSpec Get(string name) => name switch
    {
        "cocrni-reference" => CoCrNi(name, Motif.L12, (0, 0, 2)),
        "cocrni-111" => CoCrNi(name, Motif.L11, (1, 1, 1)),
        "feal-reference" => FeAl(),
        _ => throw new ArgumentException($"unknown preset '{name}': expected {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The reference grid with the given σz axis at one lattice parameter, no tilt.</summary>
    public static ParameterSpace ReferenceGrid(ParameterAxis sigmaZ, double latticeParameter) =>
        new(ReferenceSigmaXy, sigmaZ, ReferenceEfficiency, ParameterAxis.Single(0), ParameterAxis.Single(latticeParameter));

    private static BankSpec CoCrNi(string name, Motif csro, (int, int, int) direction)
    {
        const double a = 0.36;
        var fcc = new CrystalModel(Lattice.Fcc, 3, Occupation.Pure(CoCrNiElement));
        var ordered = new CrystalModel(Lattice.Fcc, 3, new Occupation(csro, [CoCrNiElement, OtherElement]));
        return new BankSpec(name,
            [
                new BankClass("FCC", fcc, ReferenceGrid(ReferenceFccSigmaZ, a)),
                new BankClass("CSRO", ordered, ReferenceGrid(ReferenceCsroSigmaZ, a)),
            ],
            [new ElementPair(CoCrNiElement, CoCrNiElement)], direction);
    }

    private static BankSpec FeAl()
    {
        const double a = 0.287;
        const int cells = 4;
        var grid = ReferenceGrid(ReferenceFccSigmaZ, a);
        var bcc = new CrystalModel(Lattice.Bcc, cells, new Occupation(Motif.SolidSolution, ["Fe", "Al"], [0.75, 0.25]));
        var b2 = new CrystalModel(Lattice.Bcc, cells, new Occupation(Motif.B2, ["Al", "Fe"]));
        var d03 = new CrystalModel(Lattice.Bcc, cells, new Occupation(Motif.D03, ["Al", "Fe"]));
        return new BankSpec("feal-reference",
            [new BankClass("BCC", bcc, grid), new BankClass("B2", b2, grid), new BankClass("D03", d03, grid)],
            [new ElementPair("Fe", "Fe"), new ElementPair("Al", "Al")], (0, 0, 2));
    }
}
