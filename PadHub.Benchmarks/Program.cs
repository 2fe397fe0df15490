using BenchmarkDotNet.Running;
using PadHub.Benchmarks.Live;

// `load`: typists and followers on one pad through /hubs/pad against a server process (docs/BENCHMARKS-live.md).
// `latency`: keystroke to the other page's screen in Chromium on the editor page (docs/BENCHMARKS-live.md).
// Anything else goes to BenchmarkDotNet: every [Benchmark] class in this assembly; pick suites with --filter.
return args switch
{
    ["load", .. var rest] => await LoadCommand.RunAsync(rest),
    ["latency", .. var rest] => await LatencyCommand.RunAsync(rest),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
