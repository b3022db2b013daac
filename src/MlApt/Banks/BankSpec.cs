using MlApt.Crystal;
using MlApt.Sdm;

namespace MlApt.Banks;

/// <summary>
/// The simulation parameters of one bank class: a grid (every combination, σxy outermost, then σz, η,
/// tilt, and a innermost) or, when <see cref="Samples"/> is set, that many samples each drawing every
/// parameter uniformly from its axis' [min, max].
/// </summary>
/// <param name="SigmaXy">Lateral noise σxy (nm).</param>
/// <param name="SigmaZ">Depth noise σz (nm).</param>
/// <param name="Efficiency">Detection efficiency η.</param>
/// <param name="TiltDegrees">Tilt of the crystal direction away from z (degrees; random azimuth per sample).</param>
/// <param name="LatticeParameter">Lattice parameter a (nm); a range or grid gives lattice-parameter jitter.</param>
/// <param name="Samples">Random sampling with this many samples; null for the grid.</param>
public sealed record ParameterSpace(
    ParameterAxis SigmaXy, ParameterAxis SigmaZ, ParameterAxis Efficiency, ParameterAxis TiltDegrees,
    ParameterAxis LatticeParameter, int? Samples = null)
{
    /// <summary>Number of samples of the class.</summary>
    public int Count => Samples ?? checked(SigmaXy.Values.Count * SigmaZ.Values.Count * Efficiency.Values.Count
        * TiltDegrees.Values.Count * LatticeParameter.Values.Count);

    /// <summary>Throws <see cref="ArgumentException"/> for a grid axis without values or values out of range.</summary>
    public void Validate()
    {
        if (Samples is { } n && n < 1) throw new ArgumentException("samples must be ≥ 1");
        var axes = new (string Name, ParameterAxis Axis, double Lo, double Hi)[]
        {
            ("sigma-xy", SigmaXy, 0, 10), ("sigma-z", SigmaZ, 0, 10), ("eta", Efficiency, 0, 1),
            ("tilt", TiltDegrees, -90, 90), ("a", LatticeParameter, 1e-3, 10),
        };
        foreach (var (name, axis, lo, hi) in axes)
        {
            ArgumentNullException.ThrowIfNull(axis, name);
            if (Samples is null && !axis.IsGrid) throw new ArgumentException($"{name}: a range min:max needs random sampling (samples) or a step");
            if (axis.Min < lo || axis.Max > hi) throw new ArgumentException($"{name}: values must lie in [{lo}, {hi}]");
        }
        if (LatticeParameter.Min <= 0) throw new ArgumentException("a: must be positive");
    }

    /// <summary>The grid point <paramref name="i"/> (0 … Count−1) as (σxy, σz, η, tilt, a).</summary>
    public (double SigmaXy, double SigmaZ, double Efficiency, double Tilt, double A) GridPoint(int i)
    {
        var a = LatticeParameter.Values[i % LatticeParameter.Values.Count]; i /= LatticeParameter.Values.Count;
        var t = TiltDegrees.Values[i % TiltDegrees.Values.Count]; i /= TiltDegrees.Values.Count;
        var e = Efficiency.Values[i % Efficiency.Values.Count]; i /= Efficiency.Values.Count;
        var z = SigmaZ.Values[i % SigmaZ.Values.Count]; i /= SigmaZ.Values.Count;
        return (SigmaXy.Values[i], z, e, t, a);
    }
}

/// <summary>One class of a bank: its name, crystal and parameters.</summary>
/// <param name="Name">Class name (the label's meaning), e.g. <c>FCC</c> or <c>CSRO</c>.</param>
/// <param name="Crystal">The crystal simulated for this class.</param>
/// <param name="Parameters">Detector and crystal parameters of its samples.</param>
public sealed record BankClass(string Name, CrystalModel Crystal, ParameterSpace Parameters);

/// <summary>
/// A pattern bank to generate: classes (label = index), channels (element pairs whose z-SDMs are the
/// input channels), the crystal direction along z and the pair radius.
/// </summary>
/// <param name="Name">Preset name or <c>custom</c>.</param>
/// <param name="Classes">Classes in label order.</param>
/// <param name="Channels">Element pairs (centre–neighbour), one input channel each.</param>
/// <param name="Direction">The crystal direction [h, k, l] put along +z.</param>
/// <param name="PairRadius">Pair radius R (nm) of the z-SDM.</param>
public sealed record BankSpec(string Name, IReadOnlyList<BankClass> Classes, IReadOnlyList<ElementPair> Channels,
    (int H, int K, int L) Direction, double PairRadius = ZSdm.DefaultPairRadius)
{
    /// <summary>The rotation taking <see cref="Direction"/> to +z.</summary>
    public Rotation Orientation => Crystal.Orientation.ToZ(Direction.H, Direction.K, Direction.L);

    /// <summary>Total samples.</summary>
    public int Count => Classes.Sum(c => c.Parameters.Count);

    /// <summary>Throws <see cref="ArgumentException"/> when the spec cannot be generated.</summary>
    public void Validate()
    {
        if (Classes is null || Classes.Count == 0) throw new ArgumentException("a bank needs at least one class");
        if (Channels is null || Channels.Count == 0) throw new ArgumentException("a bank needs at least one channel (element pair)");
        if (Direction == (0, 0, 0)) throw new ArgumentException("the orientation [0 0 0] is not a direction");
        if (!(PairRadius > 0) || PairRadius > 10) throw new ArgumentException("the pair radius must be in (0, 10] nm");
        foreach (var c in Classes) c.Parameters.Validate();
        foreach (var ch in Channels)
        {
            foreach (var c in Classes)
            {
                if (!c.Crystal.Occupation.Elements.Contains(ch.Centre) || !c.Crystal.Occupation.Elements.Contains(ch.Neighbour))
                    throw new ArgumentException($"channel {ch}: class {c.Name} has no {(c.Crystal.Occupation.Elements.Contains(ch.Centre) ? ch.Neighbour : ch.Centre)} atoms (elements: {string.Join(", ", c.Crystal.Occupation.Elements)})");
            }
        }
        _ = Count;
    }
}
