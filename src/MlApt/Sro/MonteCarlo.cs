using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MlApt.Numerics;

namespace MlApt.Sro;

/// <summary>
/// Canonical Metropolis Monte Carlo with atom swaps: each attempt picks two sites of different species
/// uniformly at random (a symmetric proposal, since the species counts never change), computes the energy
/// change of swapping them from the neighbour lists alone, and accepts it with probability
/// min(1, exp(−ΔE / k_B T)). One sweep is as many attempts as there are sites. Pairs are drawn until
/// their species differ, which costs about 1 / (2 c_a c_b) draws: fine for concentrated alloys, slow for
/// a solute of a few atoms in thousands.
/// </summary>
public sealed class MonteCarlo
{
    /// <summary>Boltzmann's constant in eV/K.</summary>
    public const double Boltzmann = 8.617333e-5;

    private readonly byte[] _species;
    private readonly int[] _neighbours;      // per site: the neighbours of the active shells, shell by shell
    private readonly int[] _shellEnd;        // end of each active shell's slots within a site's row
    private readonly int _stride;
    private readonly double[] _delta;        // per shell, (a, b, c): V(b, c) − V(a, c); c = S (the sentinel) gives 0
    private readonly int _speciesCount;
    private readonly PairInteractions _interactions;
    private readonly NeighbourShells _shells;
    private SeededRandom _random;
    private double _beta;
    private double _temperature;
    private readonly bool _canSwap;

    /// <summary>
    /// A simulation of <paramref name="species"/> (copied; index into <see cref="PairInteractions.Elements"/>)
    /// on the sites of <paramref name="neighbours"/>, which must give every site the same number of
    /// neighbours per shell and hold at least the interactions' active shells.
    /// </summary>
    public MonteCarlo(NeighbourShells neighbours, PairInteractions interactions, ReadOnlySpan<byte> species, double temperature, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentNullException.ThrowIfNull(interactions);
        if (species.Length != neighbours.Count) throw new ArgumentException("one species per site", nameof(species));
        var s = interactions.Elements.Count;
        if (s > 254) throw new ArgumentException("at most 254 species (one byte value is the swap sentinel)", nameof(interactions));
        foreach (var sp in species)
            if (sp >= s) throw new ArgumentException("a species index is beyond the interactions' elements", nameof(species));
        var active = interactions.ActiveShells;
        if (active > neighbours.Shells)
            throw new ArgumentException($"the interactions reach shell {active} but the neighbour lists hold {neighbours.Shells}");
        _shells = neighbours;
        _interactions = interactions.Copy(); // later changes to the caller's object must not split ΔE from the total
        _speciesCount = s;
        _species = species.ToArray();
        _random = new SeededRandom(seed);
        Temperature = temperature;

        _shellEnd = new int[active];
        var stride = 0;
        for (var m = 1; m <= active; m++)
        {
            var z = neighbours.UniformCoordination(m)
                ?? throw new ArgumentException($"shell {m}: sites differ in their number of neighbours; the swap engine needs a lattice");
            _shellEnd[m - 1] = stride += z;
        }
        _stride = stride;
        _neighbours = new int[neighbours.Count * stride];
        for (var i = 0; i < neighbours.Count; i++)
        {
            var at = i * stride;
            for (var m = 1; m <= active; m++)
            {
                neighbours.Of(i, m).CopyTo(_neighbours.AsSpan(at));
                at += neighbours.Of(i, m).Length;
            }
        }
        var s1 = s + 1;
        _delta = new double[Math.Max(1, active) * s * s * s1];
        for (var m = 1; m <= active; m++)
            for (var a = 0; a < s; a++)
                for (var b = 0; b < s; b++)
                    for (var c = 0; c < s; c++)
                        _delta[(((m - 1) * s + a) * s + b) * s1 + c] = interactions[m, b, c] - interactions[m, a, c];
        Energy = TotalEnergy();
        InitialEnergy = Energy;
        _canSwap = _species.Distinct().Skip(1).Any();
    }

    /// <summary>Temperature (K); 0 accepts only swaps that do not raise the energy.</summary>
    public double Temperature
    {
        get => _temperature;
        set
        {
            if (!(value >= 0) || !double.IsFinite(value))
                throw new ArgumentOutOfRangeException(nameof(value), value, "expected a finite temperature ≥ 0 K");
            _temperature = value;
            _beta = value > 0 ? 1.0 / (Boltzmann * value) : double.PositiveInfinity;
        }
    }

    /// <summary>The current species of every site.</summary>
    public ReadOnlySpan<byte> Species => _species;
    /// <summary>Element names by species index.</summary>
    public IReadOnlyList<string> Elements => _interactions.Elements;
    /// <summary>Number of sites.</summary>
    public int Sites => _species.Length;
    /// <summary>The energy (eV) tracked as the initial total plus every accepted change.</summary>
    public double Energy { get; private set; }
    /// <summary>The total energy (eV) of the starting configuration.</summary>
    public double InitialEnergy { get; }
    /// <summary>Swaps attempted so far.</summary>
    public long Attempted { get; private set; }
    /// <summary>Swaps accepted so far.</summary>
    public long Accepted { get; private set; }
    /// <summary>Accepted over attempted (NaN before the first attempt).</summary>
    public double Acceptance => Attempted > 0 ? (double)Accepted / Attempted : double.NaN;

    /// <summary>The total energy recomputed from scratch: Σ over shell-m pairs of V^(m) (each pair once).</summary>
    public double TotalEnergy()
    {
        double e = 0;
        for (var m = 1; m <= Math.Min(_interactions.Shells, _shells.Shells); m++)
            for (var i = 0; i < _species.Length; i++)
                foreach (var k in _shells.Of(i, m))
                    e += _interactions[m, _species[i], _species[k]];
        return 0.5 * e;
    }

    /// <summary>Energy change (eV) of swapping sites <paramref name="i"/> and <paramref name="j"/>, without swapping.</summary>
    public double SwapEnergy(int i, int j)
    {
        if ((uint)i >= (uint)_species.Length || (uint)j >= (uint)_species.Length) throw new ArgumentOutOfRangeException(nameof(i));
        return i == j ? 0 : Delta(i, j, _species[i], _species[j]);
    }

    /// <summary>Runs <paramref name="sweeps"/> sweeps (each <see cref="Sites"/> attempts).</summary>
    public void Sweep(int sweeps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sweeps);
        for (var k = 0; k < sweeps; k++) Attempt(_species.Length);
    }

    /// <summary>Makes <paramref name="attempts"/> swap attempts.</summary>
    public void Attempt(long attempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        if (!_canSwap)
        {
            Attempted += attempts; // a single species: every swap is the identity
            return;
        }
        var n = _species.Length;
        var species = _species;
        var beta = _beta;
        var random = _random;
        long accepted = 0;
        var energy = Energy;
        for (long t = 0; t < attempts; t++)
        {
            int i, j;
            byte a, b;
            do
            {
                i = random.NextInt(n);
                j = random.NextInt(n);
                a = species[i];
                b = species[j];
            }
            while (a == b);
            var d = Delta(i, j, a, b);
            if (d > 0 && !(random.NextDouble() < Math.Exp(-beta * d))) continue;
            species[i] = b;
            species[j] = a;
            energy += d;
            accepted++;
        }
        _random = random;
        Energy = energy;
        Accepted += accepted;
        Attempted += attempts;
    }

    /// <summary>
    /// ΔE of giving site i species b and site j species a. Both sites are marked with the sentinel species
    /// S (a zero column of <see cref="_delta"/>) while their neighbours are summed, so the bond between
    /// them, which a swap leaves unchanged, drops out of both sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Delta(int i, int j, byte a, byte b)
    {
        var s = _speciesCount;
        var s1 = s + 1;
        ref var sp = ref MemoryMarshal.GetArrayDataReference(_species);
        ref var nb = ref MemoryMarshal.GetArrayDataReference(_neighbours);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_delta);
        Unsafe.Add(ref sp, i) = (byte)s;
        Unsafe.Add(ref sp, j) = (byte)s;
        double di = 0, dj = 0;
        var ni = i * _stride;
        var nj = j * _stride;
        var start = 0;
        for (var m = 0; m < _shellEnd.Length; m++)
        {
            var ab = ((m * s + a) * s + b) * s1;
            var ba = ((m * s + b) * s + a) * s1;
            var end = _shellEnd[m];
            for (var k = start; k < end; k++)
            {
                di += Unsafe.Add(ref table, ab + Unsafe.Add(ref sp, Unsafe.Add(ref nb, ni + k)));
                dj += Unsafe.Add(ref table, ba + Unsafe.Add(ref sp, Unsafe.Add(ref nb, nj + k)));
            }
            start = end;
        }
        Unsafe.Add(ref sp, i) = a;
        Unsafe.Add(ref sp, j) = b;
        return di + dj;
    }
}
