using System.Globalization;
using PadHub.Benchmarks.Traces;
using PadHub.Core.Documents;

namespace PadHub.Benchmarks.Runners;

/// <summary>
/// <c>traces</c>: every trace in the folder replayed once through PadDocument (one author; the co-written ones also
/// with three authors), with ns/edit, bytes/edit and whether the final text matched. A quick check, not a benchmark:
/// one run each, after a one-second warm-up of the commit path.
/// </summary>
public static class TracesRunner
{
    /// <summary>Traces that also get the three-author variant.</summary>
    public static readonly IReadOnlySet<string> CoWrittenTraces = new HashSet<string>(StringComparer.Ordinal)
    {
        "friendsforever_flat",
        "clownschool_flat",
    };

    private const string WarmUpTrace = "friendsforever_flat";

    /// <summary>Replays everything; returns 1 when any final text or authorship check failed.</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 0)
        {
            throw new ArgumentException("usage: traces");
        }

        var c = CultureInfo.InvariantCulture;
        var failures = new List<string>();
        var lines = new List<string>
        {
            string.Create(c, $"### Trace replays through PadDocument, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
            "",
            $"Machine: {MachineInfo.Describe()}. Traces: {TraceFiles.Directory}.",
            "",
            "| trace | variant | edits | ms | ns/edit | bytes/edit | CPU ms | authorship runs | final text |",
            "|---|---|---:|---:|---:|---:|---:|---:|:-:|",
        };

        WarmUp();
        foreach (var path in TraceFiles.All())
        {
            var trace = EditingTrace.Load(path);
            if (trace.IsConcurrent)
            {
                lines.Add(string.Create(c,
                    $"| {trace.Name} | skipped: concurrent history (patches are relative to each txn's parents) | {trace.PatchCount:N0} | | | | | | |"));
                continue;
            }

            var plans = new List<ReplayPlan> { ReplayPlan.SingleAuthor(trace) };
            if (CoWrittenTraces.Contains(trace.Name))
            {
                plans.Add(ReplayPlan.MultiAuthor(trace));
            }

            foreach (var plan in plans)
            {
                Console.Error.WriteLine($"{plan.TraceName} ({plan.Variant}) ...");
                var document = plan.NewDocument();
                var sample = Measurement.Once(() => plan.ReplayInto(document));
                var problem = Check(plan, document, out var runs);
                if (problem is not null)
                {
                    failures.Add(problem);
                }

                lines.Add(string.Create(c,
                    $"| {plan.TraceName} | {plan.Variant} | {plan.Count:N0} | {sample.Elapsed.TotalMilliseconds:0.0} | " +
                    $"{sample.Elapsed.TotalMilliseconds * 1e6 / plan.Count:0} | {sample.AllocatedBytes / (double)plan.Count:0.0} | " +
                    $"{sample.CpuTime.TotalMilliseconds:0.0} | {runs:N0} | {(problem is null ? "✓" : "✗")} |"));
            }
        }

        lines.Add("");
        lines.Add($"Load average at the end: {MachineInfo.LoadAverage}.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        foreach (var failure in failures)
        {
            Console.WriteLine($"FAILED: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Runs the commit path untimed for a while first, so the first trace is not measured in unoptimised (tier-0) code.
    /// </summary>
    private static void WarmUp()
    {
        var plan = ReplayPlan.MultiAuthor(EditingTrace.Load(TraceFiles.PathOf(WarmUpTrace)));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
        {
            plan.ReplayInto(plan.NewDocument());
        }
    }

    private static string? Check(ReplayPlan plan, PadDocument document, out int authorshipRuns)
    {
        authorshipRuns = 0;
        try
        {
            plan.Verify(document);
            var runs = document.GetAuthorship();
            authorshipRuns = runs.Count;
            var covered = runs.Sum(r => r.Length);
            if (covered != document.Length)
            {
                return $"{plan.TraceName} ({plan.Variant}): authorship runs cover {covered} chars of {document.Length}.";
            }

            var unknown = runs.Select(r => r.AuthorId).Distinct(StringComparer.Ordinal).Except(plan.AuthorIds, StringComparer.Ordinal).ToArray();
            return unknown.Length == 0
                ? null
                : $"{plan.TraceName} ({plan.Variant}): authorship names authors that never wrote: {string.Join(", ", unknown)}.";
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
