using BenchmarkDotNet.Attributes;
using PadHub.Benchmarks.Traces;
using PadHub.Core.Documents;

namespace PadHub.Benchmarks.Suites;

/// <summary>
/// Each linear trace replayed through <see cref="PadDocument.Commit"/> by one author and one client at the head.
/// Operations are prebuilt once per trace (parsing-free commit); a fresh document per invocation; per-edit numbers
/// (OperationsPerInvoke = the trace's patch count).
/// </summary>
[Config(typeof(ReplayConfig))]
[MemoryDiagnoser]
public class TraceReplayBenchmarks
{
    /// <summary>Patches in automerge-paper.</summary>
    public const int AutomergePaperEdits = 259_778;

    /// <summary>Patches in seph-blog1.</summary>
    public const int SephBlog1Edits = 137_993;

    /// <summary>Patches in friendsforever_flat.</summary>
    public const int FriendsForeverFlatEdits = 26_078;

    /// <summary>Patches in clownschool_flat.</summary>
    public const int ClownschoolFlatEdits = 23_182;

    private ReplayPlan _plan = null!;
    private PadDocument _document = null!;

    /// <summary>Loads automerge-paper.</summary>
    [GlobalSetup(Target = nameof(AutomergePaper))]
    public void LoadAutomergePaper() => _plan = Load("automerge-paper", AutomergePaperEdits);

    /// <summary>Loads seph-blog1.</summary>
    [GlobalSetup(Target = nameof(SephBlog1))]
    public void LoadSephBlog1() => _plan = Load("seph-blog1", SephBlog1Edits);

    /// <summary>Loads friendsforever_flat.</summary>
    [GlobalSetup(Target = nameof(FriendsForeverFlat))]
    public void LoadFriendsForeverFlat() => _plan = Load("friendsforever_flat", FriendsForeverFlatEdits);

    /// <summary>Loads clownschool_flat.</summary>
    [GlobalSetup(Target = nameof(ClownschoolFlat))]
    public void LoadClownschoolFlat() => _plan = Load("clownschool_flat", ClownschoolFlatEdits);

    /// <summary>A fresh document for the next invocation (not timed).</summary>
    [IterationSetup]
    public void NewDocument() => _document = _plan.NewDocument();

    /// <summary>Fails the benchmark loudly when the replay did not end on endContent (not timed).</summary>
    [IterationCleanup]
    public void Verify() => _plan.Verify(_document);

    /// <summary>A LaTeX paper typed one character at a time.</summary>
    [Benchmark(OperationsPerInvoke = AutomergePaperEdits)]
    public int AutomergePaper() => _plan.ReplayInto(_document);

    /// <summary>A blog post with varied edit sizes.</summary>
    [Benchmark(OperationsPerInvoke = SephBlog1Edits)]
    public int SephBlog1() => _plan.ReplayInto(_document);

    /// <summary>Two people writing together, linearised.</summary>
    [Benchmark(OperationsPerInvoke = FriendsForeverFlatEdits)]
    public int FriendsForeverFlat() => _plan.ReplayInto(_document);

    /// <summary>Three people writing together, linearised.</summary>
    [Benchmark(OperationsPerInvoke = ClownschoolFlatEdits)]
    public int ClownschoolFlat() => _plan.ReplayInto(_document);

    internal static ReplayPlan Load(string name, int expectedEdits, bool multiAuthor = false)
    {
        var trace = EditingTrace.Load(TraceFiles.PathOf(name));
        if (trace.PatchCount != expectedEdits)
        {
            throw new InvalidOperationException(
                $"{name} has {trace.PatchCount} patches but the benchmark divides by {expectedEdits}: update the constant.");
        }

        return multiAuthor ? ReplayPlan.MultiAuthor(trace) : ReplayPlan.SingleAuthor(trace);
    }
}
