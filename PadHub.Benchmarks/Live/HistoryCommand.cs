using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Benchmarks.Runners;
using PadHub.Benchmarks.Traces;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>history</c> (issue 14, section 3): is any revision of a long pad fast, and does reading it leave typing alone? A
/// server process gets a pad replayed from a trace (one Submit per patch, in order, three authors taking turns), then
/// three phases: a typist alone (one character every <c>--pace</c> ms, each waiting for its acknowledgement), a reader
/// alone (<c>GetRevision</c> at seeded random depths, back to back: a hard slider drag), and both at once. Printed side
/// by side with the ratios loaded / alone.
/// </summary>
internal static class HistoryCommand
{
    private const string Usage = """
        history [--trace automerge-paper] [--revisions 100000] [--reads 400] [--submits 400] [--pace 25] [--seed N]
        --revisions: how many of the trace's patches to replay (at most the trace's; 0 for all of them).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string traceName;
        int revisions, reads, submits, pace, seed;
        try
        {
            var values = CommandLine.Parse(args);
            traceName = values.GetValueOrDefault("trace", TraceFiles.AutomergePaper);
            revisions = values.TryGetValue("revisions", out var r) ? CommandLine.Int(r, "revisions") : 100_000;
            reads = values.TryGetValue("reads", out var n) ? CommandLine.Int(n, "reads") : 400;
            submits = values.TryGetValue("submits", out var s) ? CommandLine.Int(s, "submits") : 400;
            pace = values.TryGetValue("pace", out var p) ? CommandLine.Int(p, "pace") : 25;
            seed = values.TryGetValue("seed", out var sd) ? CommandLine.Int(sd, "seed") : Random.Shared.Next();
            if (reads < 10 || submits < 10)
            {
                throw new ArgumentException("--reads and --submits must be 10 or more.");
            }
        }
        catch (ArgumentException ex)
        {
            return CommandLine.Refuse(ex, Usage);
        }

        var plan = ReplayPlan.MultiAuthor(EditingTrace.Load(TraceFiles.PathOf(traceName)));
        revisions = revisions == 0 ? plan.Count : Math.Min(revisions, plan.Count);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var cancellationToken = cancel.Token;

        // The replay needs far more than one connection's submit rate and the reader more revision calls than a person
        // makes; the run lifts both. NORMAL synchronous: the replay is set-up, not what is measured.
        var settings = new Dictionary<string, string>
        {
            ["PadHub__Limits__SubmitsPerSecond"] = "100000",
            ["PadHub__Limits__SubmitBurst"] = "100000",
            ["PadHub__Limits__RevisionCallsPerSecond"] = "100000",
            ["PadHub__Limits__RevisionCallBurst"] = "100000",
            ["Database__SqliteSynchronous"] = "Normal",
        };
        var (server, pad) = await ServerProcess.StartAsync(plan.StartContent, "Production", settings, cancellationToken);
        await using (server)
        {
            Console.WriteLine($"server pid {server.Pid} at {server.Url}; {MachineInfo.CpuModel}, {Environment.ProcessorCount} cores, load average {MachineInfo.LoadAverage}; seed {seed}");
            var filling = Stopwatch.StartNew();
            await ReplayAsync(server.Url, pad, plan, revisions, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.TraceName}: {revisions:N0} revisions replayed in {filling.Elapsed.TotalSeconds:F1} s"));

            await using var typist = await Typist.JoinAsync(server.Url, pad, cancellationToken);
            await using var reader = await Connect(server.Url, pad.ViewToken, pad.PadId, "history-reader", cancellationToken);
            var random = new Random(seed);
            await TypeAsync(typist, 20, pace, cancellationToken); // warm-up, not measured
            await ReadAsync(reader, pad.PadId, 20, revisions, random, CancellationToken.None);

            var typingAlone = await TypeAsync(typist, submits, pace, cancellationToken);
            var readingAlone = await ReadAsync(reader, pad.PadId, reads, revisions, random, cancellationToken);
            var typingTask = TypeAsync(typist, submits, pace, cancellationToken);
            var readingTogether = await ReadWhileAsync(reader, pad.PadId, revisions, random, typingTask, cancellationToken);
            var typingTogether = await typingTask;

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                ## history: GetRevision at random depths of {plan.TraceName} ({revisions:N0} revisions, {plan.AuthorCount} authors), seed {seed}

                | | alone | together | together / alone |
                | --- | --- | --- | --- |
                | GetRevision p50 | {P(readingAlone, 0.50):F2} ms | {P(readingTogether, 0.50):F2} ms | {P(readingTogether, 0.50) / P(readingAlone, 0.50):F2} |
                | GetRevision p99 | {P(readingAlone, 0.99):F2} ms | {P(readingTogether, 0.99):F2} ms | {P(readingTogether, 0.99) / P(readingAlone, 0.99):F2} |
                | GetRevision max | {readingAlone[^1]:F2} ms | {readingTogether[^1]:F2} ms | |
                | typist submit p50 (every {pace} ms) | {P(typingAlone, 0.50):F2} ms | {P(typingTogether, 0.50):F2} ms | {P(typingTogether, 0.50) / P(typingAlone, 0.50):F2} |
                | typist submit p99 | {P(typingAlone, 0.99):F2} ms | {P(typingTogether, 0.99):F2} ms | {P(typingTogether, 0.99) / P(typingAlone, 0.99):F2} |

                reads: {readingAlone.Length} alone, {readingTogether.Length} while typing (back to back); goal: GetRevision p99 under 200 ms
                """));
            return 0;
        }
    }

    private static double P(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<HubConnection> Connect(Uri url, string token, string padId, string name, CancellationToken cancellationToken)
    {
        var connection = HubLoadClient.CreateConnection(url);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(padId, token, LoadClientIds.For(name), name), cancellationToken);
        return connection;
    }

    /// <summary>One Submit per patch, in trace order, each against the previous revision, one connection per author.</summary>
    private static async Task ReplayAsync(Uri url, CreatedPad pad, ReplayPlan plan, int revisions, CancellationToken cancellationToken)
    {
        var clients = new Dictionary<string, HubConnection>(StringComparer.Ordinal);
        try
        {
            foreach (var author in plan.AuthorIds.Distinct(StringComparer.Ordinal))
            {
                clients[author] = await Connect(url, pad.EditToken, pad.PadId, "history-" + author, cancellationToken);
            }

            for (var i = 0; i < revisions; i++)
            {
                // One at a time: the trace's operations only apply to the text before them.
                using var ops = JsonDocument.Parse(plan.Operations[i].ToJson());
                var result = await clients[plan.AuthorIds[i]].InvokeAsync<SubmitResult>("Submit", new
                {
                    padId = pad.PadId,
                    clientId = LoadClientIds.For("history-" + plan.AuthorIds[i]),
                    seq = plan.Seqs[i],
                    baseRevision = i,
                    ops = ops.RootElement,
                }, cancellationToken);
                if (result.Revision != i + 1)
                {
                    throw new InvalidOperationException($"Patch {i} committed as revision {result.Revision}.");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<double[]> TypeAsync(Typist typist, int count, int paceMs, CancellationToken cancellationToken)
    {
        var times = new double[count];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, paceMs)));
        for (var i = 0; i < count; i++)
        {
            await timer.WaitForNextTickAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await typist.SubmitOneAsync(cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static async Task<double[]> ReadAsync(HubConnection reader, string padId, int count, int revisions, Random random, CancellationToken cancellationToken)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(await ReadOneAsync(reader, padId, random.Next(revisions + 1), cancellationToken));
        }

        times.Sort();
        return [.. times];
    }

    private static async Task<double[]> ReadWhileAsync(HubConnection reader, string padId, int revisions, Random random, Task running, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        while (!running.IsCompleted)
        {
            times.Add(await ReadOneAsync(reader, padId, random.Next(revisions + 1), cancellationToken));
        }

        times.Sort();
        return [.. times];
    }

    private static async Task<double> ReadOneAsync(HubConnection reader, string padId, int revision, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await reader.InvokeAsync<JsonElement>("GetRevision", new { padId, revision }, cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Types one character at the start of the pad per submit, waiting for each acknowledgement.</summary>
    private sealed class Typist(HubConnection connection, string padId, string clientId, int revision) : IAsyncDisposable
    {
        private long _seq;
        private int _revision = revision;

        public static async Task<Typist> JoinAsync(Uri url, CreatedPad pad, CancellationToken cancellationToken)
        {
            var connection = HubLoadClient.CreateConnection(url);
            await connection.StartAsync(cancellationToken);
            var clientId = LoadClientIds.For("history-typist");
            var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(pad.PadId, pad.EditToken, clientId, "Typist"), cancellationToken);
            return new Typist(connection, pad.PadId, clientId, joined.Revision) { Length = joined.Text.Length };
        }

        public int Length { get; private set; }

        public async Task SubmitOneAsync(CancellationToken cancellationToken)
        {
            object[] ops = Length == 0 ? ["x"] : ["x", Length];
            var result = await connection.InvokeAsync<SubmitResult>("Submit", new { padId, clientId, seq = ++_seq, baseRevision = _revision, ops }, cancellationToken);
            _revision = result.Revision;
            Length++;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
