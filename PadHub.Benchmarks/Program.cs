using BenchmarkDotNet.Running;

// Finds every [Benchmark] class in this assembly; pick suites with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
