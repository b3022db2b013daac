using System.Globalization;
using MlApt.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;
using MlApt.Crystal;
using MlApt.Sro;

namespace MlApt.Cli.Commands;

/// <summary>
/// <c>mlapt mc</c>: canonical Metropolis Monte Carlo with atom swaps on a periodic FCC or BCC crystal,
/// then the Warren–Cowley parameters (shells 1–3) of the final configuration or averaged over the last sweeps.
/// </summary>
internal sealed class McCommand(CliIo io) : Command<McSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, McSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ic = CultureInfo.InvariantCulture;
        var composition = Composition.Parse(settings.Composition!, "--composition");
        var request = new MonteCarloRequest(composition, settings.Pairs, settings.ParsedLattice, settings.Cells, settings.LatticeParameter,
            settings.Temperature!.Value, settings.Sweeps, settings.Average, settings.Seed);
        var outcome = MonteCarloRun.Run(request, settings.Out!, settings.TracePath, cancellationToken);
        var (table, energy) = (outcome.Table, outcome.EnergyPerAtom);

        if (settings.Json)
        {
            io.Out.WriteLine(outcome.ToJson());
        }
        else
        {
            io.Ansi.WriteLine(string.Create(ic,
                $"{outcome.Sites} sites ({settings.ParsedLattice.Name} {settings.Cells}³), {composition}, T = {settings.Temperature.Value} K, {settings.Sweeps} sweeps{(settings.Average > 1 ? $" (α averaged over the last {settings.Average})" : "")}: energy {energy:F6} eV/atom, acceptance {outcome.Acceptance:F4}"));
            SroOutput.WriteTables(io, table);
        }
        io.Error.WriteLine($"mlapt: configuration written to {settings.Out}, energy trace to {settings.TracePath}");
        return MlAptApp.Ok;
    }
}
