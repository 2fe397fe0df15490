using BenchmarkDotNet.Attributes;
using PadHub.Benchmarks.Traces;
using PadHub.Core.Documents;

namespace PadHub.Benchmarks.Suites;

/// <summary>
/// The two co-written traces replayed with three authors taking turns every 20 transactions (each its own client, all
/// at the head), so the document keeps realistic authorship runs. Same method as <see cref="TraceReplayBenchmarks"/>.
/// </summary>
[Config(typeof(ReplayConfig))]
[MemoryDiagnoser]
public class MultiAuthorReplayBenchmarks
{
    private ReplayPlan _plan = null!;
    private PadDocument _document = null!;

    /// <summary>Loads friendsforever_flat.</summary>
    [GlobalSetup(Target = nameof(FriendsForeverFlat3Authors))]
    public void LoadFriendsForeverFlat() =>
        _plan = TraceReplayBenchmarks.Load("friendsforever_flat", TraceReplayBenchmarks.FriendsForeverFlatEdits, multiAuthor: true);

    /// <summary>Loads clownschool_flat.</summary>
    [GlobalSetup(Target = nameof(ClownschoolFlat3Authors))]
    public void LoadClownschoolFlat() =>
        _plan = TraceReplayBenchmarks.Load("clownschool_flat", TraceReplayBenchmarks.ClownschoolFlatEdits, multiAuthor: true);

    /// <summary>A fresh document for the next invocation (not timed).</summary>
    [IterationSetup]
    public void NewDocument() => _document = _plan.NewDocument();

    /// <summary>Fails the benchmark loudly when the replay did not end on endContent (not timed).</summary>
    [IterationCleanup]
    public void Verify() => _plan.Verify(_document);

    /// <summary>friendsforever_flat, three authors.</summary>
    [Benchmark(OperationsPerInvoke = TraceReplayBenchmarks.FriendsForeverFlatEdits)]
    public int FriendsForeverFlat3Authors() => _plan.ReplayInto(_document);

    /// <summary>clownschool_flat, three authors.</summary>
    [Benchmark(OperationsPerInvoke = TraceReplayBenchmarks.ClownschoolFlatEdits)]
    public int ClownschoolFlat3Authors() => _plan.ReplayInto(_document);
}
