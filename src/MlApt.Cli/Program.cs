using System.Runtime.InteropServices;
using MlApt.Cli;

// Ctrl-C (and SIGTERM) ask the command to stop at its next safe point: it throws, its output folder is left as it
// was and its temporaries are removed. A second Ctrl-C stops the process at once.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (stop.IsCancellationRequested)
        return;
    e.Cancel = true;
    Console.Error.WriteLine("mlapt: stopping at the next safe point (Ctrl-C again to stop at once)");
    stop.Cancel();
};
// SIGTERM (a scheduler ending a job) gets ten seconds to stop cleanly, then the process ends anyway; a crashed
// run's leftovers are removed by the next run into the same folder.
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
    _ = Task.Delay(TimeSpan.FromSeconds(10)).ContinueWith(_ => Environment.Exit(143), TaskScheduler.Default);
});
return MlAptApp.Run(args, Console.Out, Console.Error, stop.Token);
