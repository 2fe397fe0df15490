using System.Globalization;
using PadHub.Benchmarks.Contention;
using PadHub.Benchmarks.Suites;
using PadHub.Benchmarks.Traces;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Runners;

/// <summary>
/// <c>profile</c>: a manual stopwatch split (no profiler tools on these machines) of a commit loop into the pieces
/// <see cref="PadDocument.Commit"/> is made of, each replayed alone over the same prebuilt operations: rebasing
/// (transform), validation, the gap buffer, the authorship tree. What is left is the commit's own bookkeeping
/// (log append, client/seq index, author interning, result) and call overhead.
/// </summary>
/// <remarks>
/// Uses Core internals (<see cref="GapBuffer"/>, <see cref="AuthorshipTree"/>; Core grants this assembly
/// InternalsVisibleTo), so it follows PadDocument's current storage and must change if that does.
/// </remarks>
public static class ProfileRunner
{
    private const string Usage = "usage: profile [--trace NAME | --contended CLIENTS]";
    private const int Warmup = 3;
    private const int Runs = 7;

    /// <summary>Runs the split; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var (title, count, parts) = args switch
        {
            [] => TraceParts(TraceFiles.AutomergePaper),
            ["--trace", var name] => TraceParts(name),
            ["--contended", var clients] when int.TryParse(clients, CultureInfo.InvariantCulture, out var k) && k > 0 => ContendedParts(k),
            _ => throw new ArgumentException(Usage),
        };

        var c = CultureInfo.InvariantCulture;
        var measured = parts.Select(p => (p.Name, Result: Time(p.Name, p.Prepare))).ToList();
        var whole = measured[0].Result;
        var total = measured[0].Result.CpuMs;
        var pieces = measured.Skip(1).Sum(p => p.Result.CpuMs);
        var lines = new List<string>
        {
            string.Create(c, $"### Stopwatch split: {title}, {count:N0} commits, median of {Runs} runs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"),
            "",
            $"Machine: {MachineInfo.Describe()}. Per-commit figures and shares come from process CPU time.",
            "",
            "| part | wall ms | CPU ms | ns/commit | bytes/commit | share of commit |",
            "|---|---:|---:|---:|---:|---:|",
        };
        foreach (var (name, (ms, cpuMs, bytes, _, _)) in measured)
        {
            lines.Add(string.Create(c, $"| {name} | {ms:0.0} | {cpuMs:0.0} | {cpuMs * 1e6 / count:0} | {bytes / count:0.0} | {cpuMs / total:P0} |"));
        }

        lines.Add(string.Create(c,
            $"| rest: log, client/seq index, author interning, result, calls (whole - parts) | | {total - pieces:0.0} | {(total - pieces) * 1e6 / count:0} | | {(total - pieces) / total:P0} |"));
        lines.Add("");
        lines.Add(string.Create(c,
            $"The whole loop ran {whole.Gen0:0} gen0 collections with {whole.GcPauseMs:0.0} ms of GC pauses (wall time, median; the parts run alone keep nothing alive, so their collections are nearly free)."));
        lines.Add($"Load average at the end: {MachineInfo.LoadAverage}.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        return 0;
    }

    private static (string Title, int Count, List<Part> Parts) TraceParts(string traceName)
    {
        var plan = ReplayPlan.SingleAuthor(EditingTrace.Load(TraceFiles.PathOf(traceName)));
        var operations = plan.Operations;
        var authors = new int[operations.Length];
        return ($"{plan.TraceName} replay (1 author, at the head)", plan.Count,
        [
            new("PadDocument.Commit, whole loop", () =>
            {
                var document = plan.NewDocument();
                return () => plan.ReplayInto(document);
            }),
            new("loop over the operations only", () => () => LoopOnly(operations)),
            new("TextOperation.Validate (length-only text)", () => () => ValidateAll(operations, 0)),
            new("GapBuffer insert/delete", () =>
            {
                var text = new GapBuffer(plan.StartContent);
                return () => ApplyAllToText(text, operations, 0);
            }),
            new("AuthorshipTree insert/delete", () =>
            {
                var authorship = new AuthorshipTree();
                authorship.Append(0, plan.StartContent.Length);
                return () => ApplyAllToAuthorship(authorship, operations, 0, authors);
            }),
        ]);
    }

    private static (string Title, int Count, List<Part> Parts) ContendedParts(int clients)
    {
        var workload = ContendedWorkload.Generate(clients, ContendedCommitBenchmarks.Commits, ContendedCommitBenchmarks.Seed);
        var log = workload.ReferenceLog;
        var ids = workload.AuthorIds.Distinct(StringComparer.Ordinal).ToList();
        var authors = workload.AuthorIds.Select(a => ids.IndexOf(a) + 1).ToArray();
        return (string.Create(CultureInfo.InvariantCulture,
                $"contended commits ({clients} clients, mean staleness {workload.MeanStaleness:0.00} revisions)"), workload.Count,
        [
            new("PadDocument.Commit, whole loop", () =>
            {
                var document = workload.NewDocument();
                return () => workload.CommitAll(document);
            }),
            new("rebase: TextOperation.Transform over the log", () => () => RebaseAll(workload)),
            new("TextOperation.Validate (length-only text)", () => () => ValidateAll(log, 1)),
            new("GapBuffer insert/delete", () =>
            {
                var text = new GapBuffer(workload.InitialText);
                return () => ApplyAllToText(text, log, 1);
            }),
            new("AuthorshipTree insert/delete", () =>
            {
                var authorship = new AuthorshipTree();
                authorship.Append(0, workload.InitialText.Length);
                return () => ApplyAllToAuthorship(authorship, log, 1, authors);
            }),
        ]);
    }

    private static (double Ms, double CpuMs, double Bytes, double Gen0, double GcPauseMs) Time(string name, Func<Action> prepare)
    {
        var gen0 = new List<double>();
        var pauses = new List<double>();
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var bytes = new List<double>();
        for (var i = -Warmup; i < Runs; i++)
        {
            var sample = Measurement.Once(prepare());
            if (i >= 0)
            {
                times.Add(sample.Elapsed.TotalMilliseconds);
                cpuTimes.Add(sample.CpuTime.TotalMilliseconds);
                bytes.Add(sample.AllocatedBytes);
                gen0.Add(sample.Gen0);
                pauses.Add(sample.GcPause.TotalMilliseconds);
            }
        }

        Console.Error.WriteLine(
            $"{name}: wall {string.Join(", ", times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms; " +
            $"CPU {string.Join(", ", cpuTimes.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        return (Measurement.Median(times), Measurement.Median(cpuTimes), Measurement.Median(bytes), Measurement.Median(gen0),
            Measurement.Median(pauses));
    }

    private static void LoopOnly(TextOperation[] operations)
    {
        var sum = 0;
        foreach (var operation in operations)
        {
            sum += operation.TargetLength;
        }

        GC.KeepAlive(sum);
    }

    private static void RebaseAll(ContendedWorkload workload)
    {
        var log = workload.ReferenceLog;
        var bases = workload.BaseRevisions;
        var operations = workload.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var applied = operations[i];
            for (var r = bases[i]; r <= i; r++) // the head before step i is revision i + 1
            {
                applied = TextOperation.Transform(applied, log[r]).APrime;
            }

            GC.KeepAlive(applied);
        }
    }

    private static void ValidateAll(TextOperation[] operations, int from)
    {
        var limits = PadDocumentOptions.Default.Limits;
        for (var i = from; i < operations.Length; i++)
        {
            operations[i].Validate(new UniformText(operations[i].BaseLength), limits);
        }
    }

    private static void ApplyAllToText(GapBuffer text, TextOperation[] operations, int from)
    {
        for (var i = from; i < operations.Length; i++)
        {
            text.Apply(operations[i]);
        }
    }

    private static void ApplyAllToAuthorship(AuthorshipTree authorship, TextOperation[] operations, int from, int[] authorOfStep)
    {
        for (var i = from; i < operations.Length; i++)
        {
            var author = authorOfStep[i - from];
            var cursor = 0;
            foreach (ref readonly var component in operations[i].Components)
            {
                if (component.IsRetain)
                {
                    cursor += component.Length;
                }
                else if (component.IsInsert)
                {
                    authorship.Insert(cursor, component.Length, author);
                    cursor += component.Length;
                }
                else
                {
                    authorship.Delete(cursor, component.Length);
                }
            }
        }
    }

    private sealed record Part(string Name, Func<Action> Prepare);

    /// <summary>A text of the right length whose every code unit is 'x': validation does the same work without the storage.</summary>
    private readonly struct UniformText(int length) : IReadOnlyText
    {
        public int Length => length;

        public char this[int index] => 'x';
    }
}
