using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace PadHub.Benchmarks.Suites;

/// <summary>
/// A short job for this 2-core machine: every invocation replays a whole workload into a fresh document (created in
/// [IterationSetup], so one invocation per iteration), a few warmups and a handful of measured iterations. Suites add [MemoryDiagnoser].
/// </summary>
public sealed class ReplayConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ReplayConfig()
    {
        AddJob(Job.Default
            .WithId("Replay")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
