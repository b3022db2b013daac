using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MlApt.Benchmarks.IoBenchmarks).Assembly).Run(args);
