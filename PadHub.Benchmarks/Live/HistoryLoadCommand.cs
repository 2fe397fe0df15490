using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Benchmarks.Runners;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>history-load</c> (issue 10, point 3): does reading a long history starve the pad? A server process gets a pad of
/// <c>--revisions</c> committed operations; then one editor submits one character at a time (each waits for its
/// acknowledgement, at a fixed pace) in three phases of the same length: idle, while <c>--viewers</c> view-link
/// connections page through the whole history with <c>GetHistory</c> from revision 0 in a loop, and idle again. The
/// editor's submit round trips are printed side by side: the goal is p99 under load within 2x of idle.
/// </summary>
/// <remarks>
/// The viewers run in a process of their own (<see cref="HistoryLoadViewers"/>, as <c>hostile</c>'s attackers do): in
/// real life they are on other machines, and what they may take from the editor is the server's time, not the editor's
/// own. Inside this process their JSON parsing (about 33,000 operations a second) competed with the editor's
/// acknowledgement continuations on the same thread pool, so the tail measured was partly the benchmark's. Now only the
/// machine's two cores are shared between server, editor and viewers.
/// </remarks>
internal static class HistoryLoadCommand
{
    private const string Usage = """
        history-load [--revisions 12000] [--viewers 5] [--submits 400] [--pace 25] [--history-rate server|N] [--boost on]
        --submits: the editor's submits per phase (idle, loaded, idle again), one every --pace ms.
        --history-rate: the server's HistoryPagesPerSecond and HistoryBurst for the run (default: the server's own
        limits); a large N takes the per-connection limit out of the way, so every page a viewer asks for is read.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int revisions, viewers, submits, pace;
        int? historyRate;
        bool boost;
        try
        {
            var values = CommandLine.Parse(args);
            revisions = values.TryGetValue("revisions", out var r) ? CommandLine.Int(r, "revisions") : 12_000;
            viewers = values.TryGetValue("viewers", out var v) ? CommandLine.Int(v, "viewers") : 5;
            submits = values.TryGetValue("submits", out var s) ? CommandLine.Int(s, "submits") : 400;
            pace = values.TryGetValue("pace", out var p) ? CommandLine.Int(p, "pace") : 25;
            historyRate = values.TryGetValue("history-rate", out var h) && h != "server" ? CommandLine.Int(h, "history-rate") : null;
            boost = values.TryGetValue("boost", out var b) && b == "on";
            if (revisions < 1 || submits < 10 || viewers < 1)
            {
                throw new ArgumentException("--revisions and --viewers must be 1 or more, --submits 10 or more.");
            }
        }
        catch (ArgumentException ex)
        {
            return CommandLine.Refuse(ex, Usage);
        }

        if (boost)
        {
            Console.WriteLine(MachineInfo.Boost());
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var cancellationToken = cancel.Token;

        // Filling the pad fast needs more than one connection's submit rate: the benchmark's server lifts it (the editor
        // measured afterwards never comes near either limit).
        var settings = new Dictionary<string, string>
        {
            ["PadHub__Limits__SubmitsPerSecond"] = "100000",
            ["PadHub__Limits__SubmitBurst"] = "100000",
        };
        if (historyRate is { } rate)
        {
            settings["PadHub__Limits__HistoryPagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
            settings["PadHub__Limits__HistoryBurst"] = rate.ToString(CultureInfo.InvariantCulture);
        }

        var (server, pad) = await ServerProcess.StartAsync("", "Production", settings, cancellationToken);
        await using (server)
        {
            Console.WriteLine($"server pid {server.Pid} at {server.Url}; {MachineInfo.CpuModel}, {Environment.ProcessorCount} cores, load average {MachineInfo.LoadAverage}");
            var filling = Stopwatch.StartNew();
            await FillAsync(server.Url, pad, revisions, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pad filled with {revisions:N0} revisions in {filling.Elapsed.TotalSeconds:F1} s"));

            await using var editor = await HubEditor.JoinAsync(server.Url, pad, LoadClientIds.For("history-editor"), cancellationToken);
            await editor.SubmitManyAsync(50, pace, cancellationToken); // warm-up, not measured

            var idle = await editor.SubmitManyAsync(submits, pace, cancellationToken);
            using var readers = await HistoryLoadViewers.StartAsync(server.Url, pad, viewers);
            await readers.SignalAsync("go");
            var loadClock = Stopwatch.StartNew();
            var cpuBefore = server.CpuTime;
            var loaded = await editor.SubmitManyAsync(submits, pace, cancellationToken);
            var serverCpu = (server.CpuTime - cpuBefore).TotalSeconds / loadClock.Elapsed.TotalSeconds;
            var (pages, operations, refused, readSeconds) = await HistoryLoadViewers.StopAsync(readers, cancellationToken);
            var idleAgain = await editor.SubmitManyAsync(submits, pace, cancellationToken);

            var idleP99 = Math.Max(Percentile(idle, 0.99), Percentile(idleAgain, 0.99));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                ## history-load: {revisions:N0} revisions, {viewers} viewers paging GetHistory from 0 in a loop, editor submitting every {pace} ms
                history rate limit: {(historyRate is null ? "the server's defaults" : $"{historyRate} pages/s per connection (burst {historyRate})")}

                | editor submit round trip | idle | {viewers} viewers reading history | idle again |
                | --- | --- | --- | --- |
                | p50 | {Percentile(idle, 0.50):F2} ms | {Percentile(loaded, 0.50):F2} ms | {Percentile(idleAgain, 0.50):F2} ms |
                | p99 | {Percentile(idle, 0.99):F2} ms | {Percentile(loaded, 0.99):F2} ms | {Percentile(idleAgain, 0.99):F2} ms |
                | max | {idle[^1]:F2} ms | {loaded[^1]:F2} ms | {idleAgain[^1]:F2} ms |

                viewers meanwhile: {pages / readSeconds:F1} pages/s, {operations / readSeconds:N0} operations/s read in total ({refused:N0} calls refused rate-limited); server CPU {serverCpu * 100:F0}% of one core
                p99 under load / worse idle p99: {Percentile(loaded, 0.99) / idleP99:F2} (goal: at most 2)
                """));
            return 0;
        }
    }

    // Nearest rank on a sorted array.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Six connections insert one character each per submit until the pad has <paramref name="revisions"/>.</summary>
    private static async Task FillAsync(Uri url, CreatedPad pad, int revisions, CancellationToken cancellationToken)
    {
        const int fillers = 6;
        var remaining = revisions;
        var editors = new List<HubEditor>();
        for (var i = 0; i < fillers; i++)
        {
            editors.Add(await HubEditor.JoinAsync(url, pad, LoadClientIds.For($"history-filler{i}"), cancellationToken));
        }

        try
        {
            await Task.WhenAll(editors.Select(async e =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await e.SubmitOneAsync(cancellationToken);
                }
            }));
        }
        finally
        {
            foreach (var e in editors)
            {
                await e.DisposeAsync();
            }
        }
    }

    /// <summary>An editor that inserts one character at the start, waiting for each acknowledgement.</summary>
    private sealed class HubEditor(HubConnection connection, string padId, string clientId, int revision) : IAsyncDisposable
    {
        private long _seq;
        private int _revision = revision;

        public static async Task<HubEditor> JoinAsync(Uri url, CreatedPad pad, string clientId, CancellationToken cancellationToken)
        {
            var connection = HubLoadClient.CreateConnection(url);
            await connection.StartAsync(cancellationToken);
            var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(pad.PadId, pad.EditToken, clientId, "History bench"), cancellationToken);
            return new HubEditor(connection, pad.PadId, clientId, joined.Revision);
        }

        // Every submit of the run inserts one character, so the pad's length at revision r is r (it starts empty).
        public async Task SubmitOneAsync(CancellationToken cancellationToken)
        {
            var baseRevision = Volatile.Read(ref _revision);
            object[] ops = baseRevision == 0 ? ["x"] : ["x", baseRevision];
            var result = await connection.InvokeAsync<SubmitResult>("Submit", new { padId, clientId, seq = ++_seq, baseRevision, ops }, cancellationToken);
            Volatile.Write(ref _revision, result.Revision);
        }

        /// <summary><paramref name="count"/> submits, one every <paramref name="paceMs"/> ms; their round trips, sorted (ms).</summary>
        public async Task<double[]> SubmitManyAsync(int count, int paceMs, CancellationToken cancellationToken)
        {
            var times = new double[count];
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(1, paceMs)));
            for (var i = 0; i < count; i++)
            {
                await timer.WaitForNextTickAsync(cancellationToken);
                var started = Stopwatch.GetTimestamp();
                await SubmitOneAsync(cancellationToken);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(times);
            return times;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
