using BenchmarkDotNet.Running;
using MlApt.Benchmarks;

// `quick` runs a single stopwatch pass of the SDM pipeline (handy on a busy machine);
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
    return SdmQuick.Run();
BenchmarkSwitcher.FromAssembly(typeof(SdmScanBenchmarks).Assembly).Run(args);
return 0;
