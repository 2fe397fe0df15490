using BenchmarkDotNet.Attributes;
using PadHub.Benchmarks.Contention;
using PadHub.Core.Documents;

namespace PadHub.Benchmarks.Suites;

/// <summary>
/// k clients whose edits arrive 1 to 8 revisions stale, so every commit is rebased (transformed) over the operations
/// committed since its base. Seeded; generated once; a fresh document per invocation; per-commit numbers.
/// </summary>
[Config(typeof(ReplayConfig))]
[MemoryDiagnoser]
public class ContendedCommitBenchmarks
{
    /// <summary>Commits per invocation.</summary>
    public const int Commits = 20_000;

    /// <summary>The generator's seed (fixed, so every run commits the same stream).</summary>
    public const int Seed = 20_260_101;

    private ContendedWorkload _workload = null!;
    private PadDocument _document = null!;

    /// <summary>Concurrent clients.</summary>
    [Params(4, 16)]
    public int Clients { get; set; }

    /// <summary>Generates the stream (not timed).</summary>
    [GlobalSetup]
    public void Generate() => _workload = ContendedWorkload.Generate(Clients, Commits, Seed);

    /// <summary>A fresh document holding the initial text (not timed).</summary>
    [IterationSetup]
    public void NewDocument() => _document = _workload.NewDocument();

    /// <summary>Fails loudly when the document diverged from the reference model (not timed).</summary>
    [IterationCleanup]
    public void Verify() => _workload.Verify(_document);

    /// <summary>Commits the whole stream.</summary>
    [Benchmark(OperationsPerInvoke = Commits)]
    public int StaleCommits() => _workload.CommitAll(_document);
}
