using BenchmarkDotNet.Running;
using MlApt.Benchmarks;

// `quick` runs a single stopwatch pass of the SDM pipeline (handy on a busy machine);
// `quick-cnn [infer|train|all|parts|peak]` times CNN inference and training with a stopwatch;
// `quick-scan [THREADS] [REPEATS]` times the default map's z-SDM stage beside the published one;
// `big-specimen OUT.pos` writes the 98M-ion specimen of docs/performance.md;
// `quick-align [MILLIONS]` times the pole search and rotation of a tiled specimen of that many ions (default 2);
// `quick-align-precision FILE` compares the pole found with smaller search samples with the all-ion pole;
// `quick-mc [order]` times Monte Carlo swap attempts with a stopwatch (order: the L1₀ cooling curve);
// `cnn-bank FILE` writes that synthetic 5200-sample bank as .npz (for timing `mlapt train`);
// `cnn-published MODEL BANK.npy` reports how much of the published CSRO bank a model calls CSRO;
// `plots DIR` writes example SDM images of the synthetic specimen; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
    return SdmQuick.Run();
if (args.Length > 0 && args[0] == "quick-scan")
    return ScanQuick.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
if (args.Length > 1 && args[0] == "big-specimen")
    return BigSpecimen.Run(args[1]);
if (args.Length > 0 && args[0] == "quick-align")
    return AlignQuick.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2);
if (args.Length > 1 && args[0] == "quick-align-precision")
    return AlignPrecision.Run(args[1]);
if (args.Length > 0 && args[0] == "quick-mc")
    return args.Length > 1 && args[1] == "order" ? MonteCarloQuick.Order() : MonteCarloQuick.Run();
if (args.Length > 0 && args[0] == "quick-cnn")
    return CnnQuick.Run(args.Length > 1 ? args[1] : "all");
if (args.Length > 2 && args[0] == "cnn-published")
    return CnnQuick.Published(args[1], args[2]);
if (args.Length > 1 && args[0] == "cnn-bank")
    return CnnQuick.WriteBank(args[1]);
if (args.Length > 1 && args[0] == "plots")
    return SdmQuick.Plots(args[1]);
BenchmarkSwitcher.FromAssembly(typeof(SdmScanBenchmarks).Assembly).Run(args);
return 0;
