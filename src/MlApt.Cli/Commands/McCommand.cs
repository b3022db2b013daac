using System.Globalization;
using System.Text;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Crystal;
using MlApt.Numerics;
using MlApt.Sro;

namespace MlApt.Cli.Commands;

/// <summary>
/// <c>mlapt mc</c>: canonical Metropolis Monte Carlo with atom swaps on a periodic FCC or BCC crystal,
/// then the Warren–Cowley parameters (shells 1–3) of the final configuration or averaged over the last sweeps.
/// </summary>
public sealed class McCommand(CliIo io) : Command<McSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, McSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ic = CultureInfo.InvariantCulture;
        var composition = Composition.Parse(settings.Composition!, "--composition");
        var interactions = PairInteractions.Parse(composition.Elements, settings.Pairs);
        var lattice = PeriodicLattice.Build(settings.ParsedLattice, settings.Cells);
        var neighbours = lattice.Neighbours(3);
        var random = new SeededRandom((ulong)settings.Seed);
        var species = composition.RandomOccupation(lattice.Count, ref random);
        var mc = new MonteCarlo(neighbours, interactions, species, settings.Temperature!.Value, random.NextUInt64());

        var tables = new List<WarrenCowleyTable>();
        var firstAveraged = settings.Sweeps - settings.Average + 1;
        // The trace streams to its file as the run goes (no memory bound by the sweeps); it is renamed into
        // place only when the run completes.
        AtomicFile.Write(settings.TracePath, stream =>
        {
            using var trace = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            trace.Write("sweep,energy_per_atom_ev,acceptance\n");
            void Record(int sweep, double acceptance) =>
                trace.Write(string.Create(ic, $"{sweep},{mc.Energy / mc.Sites:R},{acceptance:R}\n"));
            Record(0, double.NaN); // written as NaN: no sweep yet
            for (var s = 1; s <= settings.Sweeps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (attempted, accepted) = (mc.Attempted, mc.Accepted);
                mc.Sweep();
                Record(s, (double)(mc.Accepted - accepted) / (mc.Attempted - attempted));
                if (s >= firstAveraged && s < settings.Sweeps)
                    tables.Add(WarrenCowley.Compute(mc.Species, composition.Elements, neighbours));
            }
        });
        var energy = mc.TotalEnergy() / mc.Sites;
        tables.Add(WarrenCowley.Compute(mc.Species, composition.Elements, neighbours));
        var table = tables.Count == 1 ? tables[0] : WarrenCowleyTable.Average(tables);

        var (x, y, z) = lattice.Positions(settings.LatticeParameter);
        var info = new List<KeyValuePair<string, string>>
        {
            new("elements", string.Join(' ', composition.Elements)),
            new("structure", settings.ParsedLattice.Name.ToLowerInvariant()),
            new("cells", settings.Cells.ToString(ic)),
            new("temperature", settings.Temperature.Value.ToString("R", ic)),
            new("sweeps", settings.Sweeps.ToString(ic)),
            new("seed", settings.Seed.ToString(ic)),
            new("energy_per_atom", energy.ToString("R", ic)),
        };
        ExtendedXyz.Write(settings.Out!, new ExtendedXyzFrame(composition.Elements, mc.Species.ToArray(), x, y, z, lattice.Box(settings.LatticeParameter), info));

        if (settings.Json)
        {
            JsonOutput.Write(io.Out, w =>
            {
                w.WriteStartObject();
                SroOutput.WriteAlphas(w, table);
                w.Number("energy_per_atom", energy);
                w.Number("acceptance", mc.Acceptance);
                w.WriteEndObject();
            });
        }
        else
        {
            io.Ansi.WriteLine(string.Create(ic,
                $"{lattice.Count} sites ({settings.ParsedLattice.Name} {settings.Cells}³), {composition}, T = {settings.Temperature.Value} K, {settings.Sweeps} sweeps{(settings.Average > 1 ? $" (α averaged over the last {settings.Average})" : "")}: energy {energy:F6} eV/atom, acceptance {mc.Acceptance:F4}"));
            SroOutput.WriteTables(io, table);
        }
        io.Error.WriteLine($"mlapt: configuration written to {settings.Out}, energy trace to {settings.TracePath}");
        return MlAptApp.Ok;
    }
}
