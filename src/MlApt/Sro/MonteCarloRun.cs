using System.Globalization;
using System.Text;
using System.Text.Json;
using MlApt.Crystal;
using MlApt.Io;
using MlApt.Numerics;

namespace MlApt.Sro;

/// <summary>What a Monte Carlo run asks for.</summary>
/// <param name="Composition">The alloy.</param>
/// <param name="PairTerms">Effective pair interactions, e.g. <c>Co-Cr:1=-0.02</c> (parameter <c>pair</c>).</param>
/// <param name="Lattice">FCC or BCC.</param>
/// <param name="Cells">Supercell edge in cells.</param>
/// <param name="LatticeParameter">a (nm).</param>
/// <param name="Temperature">T (K); 0 quenches.</param>
/// <param name="Sweeps">Sweeps (one sweep: as many swap attempts as sites).</param>
/// <param name="Average">Warren–Cowley parameters averaged over this many last sweeps.</param>
/// <param name="Seed">Seed of the occupation and the swaps.</param>
public sealed record MonteCarloRequest(Composition Composition, IReadOnlyList<string> PairTerms, Lattice Lattice, int Cells, double LatticeParameter,
    double Temperature, int Sweeps, int Average, long Seed);

/// <summary>What a Monte Carlo run ended with.</summary>
/// <param name="Table">Warren–Cowley parameters, shells 1–3 (averaged when asked).</param>
/// <param name="EnergyPerAtom">Final energy (eV/atom).</param>
/// <param name="Acceptance">Accepted / attempted swaps.</param>
/// <param name="Sites">Lattice sites.</param>
public sealed record MonteCarloOutcome(WarrenCowleyTable Table, double EnergyPerAtom, double Acceptance, int Sites)
{
    /// <summary>The outcome as the JSON document <c>mc --json</c> prints.</summary>
    public string ToJson() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        Table.WriteJson(w);
        w.WriteFiniteOrNull("energy_per_atom", EnergyPerAtom);
        w.WriteFiniteOrNull("acceptance", Acceptance);
        w.WriteEndObject();
    });
}

/// <summary>
/// A lattice Monte Carlo run to files: a random occupation of the composition, atom swaps under the pair
/// interactions, the energy trace streamed to a CSV as the run goes, and the final configuration as
/// extended XYZ; both are renamed into place only when the run completes.
/// </summary>
public static class MonteCarloRun
{
    /// <summary>Runs <paramref name="request"/>, writing the configuration to <paramref name="outPath"/> and the trace to <paramref name="tracePath"/>.</summary>
    public static MonteCarloOutcome Run(MonteCarloRequest request, string outPath, string tracePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ic = CultureInfo.InvariantCulture;
        var composition = request.Composition;
        var interactions = PairInteractions.Parse(composition.Elements, request.PairTerms);
        var lattice = PeriodicLattice.Build(request.Lattice, request.Cells);
        var neighbours = lattice.Neighbours(3);
        var random = new SeededRandom((ulong)request.Seed);
        var species = composition.RandomOccupation(lattice.Count, ref random);
        var mc = new MonteCarlo(neighbours, interactions, species, request.Temperature, random.NextUInt64());

        var tables = new List<WarrenCowleyTable>();
        var firstAveraged = request.Sweeps - request.Average + 1;
        AtomicFile.Write(tracePath, stream =>
        {
            using var trace = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            trace.Write("sweep,energy_per_atom_ev,acceptance\n");
            void Record(int sweep, double acceptance) =>
                trace.Write(string.Create(ic, $"{sweep},{mc.Energy / mc.Sites:R},{acceptance:R}\n"));
            Record(0, double.NaN); // written as NaN: no sweep yet
            for (var s = 1; s <= request.Sweeps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (attempted, accepted) = (mc.Attempted, mc.Accepted);
                mc.Sweep();
                Record(s, (double)(mc.Accepted - accepted) / (mc.Attempted - attempted));
                if (s >= firstAveraged && s < request.Sweeps)
                    tables.Add(WarrenCowley.Compute(mc.Species, composition.Elements, neighbours));
            }
        });
        var energy = mc.TotalEnergy() / mc.Sites;
        tables.Add(WarrenCowley.Compute(mc.Species, composition.Elements, neighbours));
        var table = tables.Count == 1 ? tables[0] : WarrenCowleyTable.Average(tables);

        var (x, y, z) = lattice.Positions(request.LatticeParameter);
        var info = new List<KeyValuePair<string, string>>
        {
            new("elements", string.Join(' ', composition.Elements)),
            new("structure", request.Lattice.Name.ToLowerInvariant()),
            new("cells", request.Cells.ToString(ic)),
            new("temperature", request.Temperature.ToString("R", ic)),
            new("sweeps", request.Sweeps.ToString(ic)),
            new("seed", request.Seed.ToString(ic)),
            new("energy_per_atom", energy.ToString("R", ic)),
        };
        ExtendedXyz.Write(outPath, new ExtendedXyzFrame(composition.Elements, mc.Species.ToArray(), x, y, z, lattice.Box(request.LatticeParameter), info));
        return new MonteCarloOutcome(table, energy, mc.Acceptance, lattice.Count);
    }
}

/// <summary>Warren–Cowley parameters in JSON (as <c>mc</c>, <c>sro</c> and <c>simulate --from</c> write them).</summary>
public static class WarrenCowleyJson
{
    /// <summary>Writes <c>"warren_cowley": {"1": {"A-B": α, …}, …}</c>, pairs in element order (null where undefined).</summary>
    public static void WriteJson(this WarrenCowleyTable table, Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("warren_cowley");
        for (var m = 1; m <= table.Shells; m++)
        {
            w.WriteStartObject(m.ToString(CultureInfo.InvariantCulture));
            foreach (var (pair, alpha) in table.Pairs(m))
                w.WriteFiniteOrNull(pair, alpha);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
