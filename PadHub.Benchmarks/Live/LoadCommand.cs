using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>load</c>: typists and followers on one pad through /hubs/pad, stage by stage, each stage against a fresh server
/// process on 127.0.0.1; echo latency, throughput, server CPU and memory, errors, and a divergence check at the end.
/// </summary>
internal static class LoadCommand
{
    private const string Usage = """
        load [--stages 50,100,200,400 | --typists N] [--followers 50] [--seconds 60] [--warmup 5] [--rate 5]
             [--observers 8] [--seed 1] [--client lean|hub] [--boost on] [--sqlite-synchronous Full|Normal] [--url http://127.0.0.1:PORT/ (--api-key KEY | --pad-id ID --edit-token T --view-token T)]
        Every stage starts its own server process unless --url is given (loopback only). Each stage types for --seconds
        (at most 600) and drains for at most 60 s; edits in the first --warmup seconds are not measured. --client lean
        (default) speaks the JSON hub protocol on a plain WebSocket, --client hub uses SignalR's HubConnection.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine($"# PadHub load generator, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (options.Boost)
        {
            Console.WriteLine(MachineInfo.Boost());
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}, {MachineInfo.MemoryGiB:F0} GiB; .NET {Environment.Version}; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, DOTNET_GCgen0size {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "unset"} (server: {Environment.GetEnvironmentVariable("PADHUB_SERVER_GCGEN0") ?? ServerProcess.ServerGen0Size}); server and load generator share the cores");
        Console.WriteLine($"stages {string.Join(", ", options.Stages)} typists, {options.Followers} followers, {options.Rate} edits/s per typist (Poisson), {options.Seconds} s typing ({options.Warmup} s warm-up), seed {options.Seed}");
        Console.WriteLine(options.Client == LoadClientKind.Lean
            ? "client: lean (SignalR JSON hub protocol on ClientWebSocket, events handled in the receive loop)"
            : "client: hub (Microsoft.AspNetCore.SignalR.Client HubConnection)");
        Console.WriteLine();

        var results = new List<StageResult>();
        var failed = false;
        foreach (var typists in options.Stages)
        {
            // Hard bound per stage: connect, type, drain, check.
            using var stageTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 300));
            var result = await RunStageAsync(options, typists, stageTimeout.Token);
            results.Add(result);
            Console.WriteLine(result.ToTable());
            failed |= !result.Converged;
        }

        Console.WriteLine("## Summary");
        Console.WriteLine();
        Console.WriteLine(StageResult.SummaryHeader);
        foreach (var result in results)
        {
            Console.WriteLine(result.ToSummaryRow());
        }

        return failed ? 1 : 0;
    }

    private static async Task<StageResult> RunStageAsync(LoadOptions options, int typists, CancellationToken cancellationToken)
    {
        var initialText = InitialText(typists);
        ServerProcess? server = null;
        Uri url;
        string padId, editToken, viewToken;
        if (options.Url is null)
        {
            CreatedPad pad;
            var settings = new Dictionary<string, string>();
            if (options.SqliteSynchronous is { } synchronous)
            {
                settings["Database__SqliteSynchronous"] = synchronous;
            }

            (server, pad) = await ServerProcess.StartAsync(initialText, "Production", settings, cancellationToken);
            (url, padId, editToken, viewToken) = (server.Url, pad.PadId, pad.EditToken, pad.ViewToken);
            Console.WriteLine($"stage {typists}: server pid {server.Pid} at {url}");
        }
        else if (options.ApiKey is { } apiKey)
        {
            var pad = await ServerProcess.CreatePadAsync(options.Url, apiKey, initialText, cancellationToken);
            (url, padId, editToken, viewToken) = (options.Url, pad.PadId, pad.EditToken, pad.ViewToken);
            Console.WriteLine($"stage {typists}: pad {padId} created through POST /api/pads on {url} (server CPU and memory not measured)");
        }
        else
        {
            (url, padId, editToken, viewToken) = (options.Url, options.PadId!, options.EditToken!, options.ViewToken!);
        }

        var run = new LoadRun();
        var clients = new List<LoadClient>();
        var result = new StageResult { Typists = typists, Followers = options.Followers, Seconds = options.Seconds - options.Warmup };
        try
        {
            // Connect and join: typists first, then followers; observers spread over both.
            var joinWatch = Stopwatch.StartNew();
            var serverCpuBeforeJoin = server?.CpuTime ?? TimeSpan.Zero;
            var total = typists + options.Followers;
            var observerEvery = Math.Max(1, total / Math.Max(1, options.Observers));
            var random = new Random(options.Seed);
            using (var gate = new SemaphoreSlim(8))
            {
                var joins = Enumerable.Range(0, total).Select(async i =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        var typist = i < typists;
                        var client = await LoadClient.ConnectAsync(options.Client, url, run, LoadClientIds.For($"lg{i:D4}", options.Seed), options.Seed * 100_003 + i,
                            observer: options.Observers > 0 && i % observerEvery == observerEvery / 2, cancellationToken);
                        lock (clients)
                        {
                            clients.Add(client);
                        }

                        await client.JoinAsync(padId, typist ? editToken : viewToken, typist ? $"Typist {i}" : $"Follower {i}",
                            typist ? LinePrefix(i) : null, cancellationToken);
                        return (client, typist);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                await Task.WhenAll(joins);
            }

            clients.Sort((a, b) => string.CompareOrdinal(a.ClientId, b.ClientId));
            result.JoinSeconds = joinWatch.Elapsed.TotalSeconds;
            // Presence (the participant list to everyone at every join) keeps the server busy after the last join.
            await WaitQuietAsync(() => run.PresenceEvents, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), cancellationToken);
            result.JoinAndPresenceSeconds = joinWatch.Elapsed.TotalSeconds;
            result.JoinServerCpuSeconds = ((server?.CpuTime ?? TimeSpan.Zero) - serverCpuBeforeJoin).TotalSeconds;
            result.PresenceEvents = run.PresenceEvents;
            Console.WriteLine($"stage {typists}: {total} clients joined in {result.JoinSeconds:F1} s, presence settled at {result.JoinAndPresenceSeconds:F1} s ({result.PresenceEvents} PresenceChanged received)");

            // Type.
            var start = LoadRun.Now;
            var tick = Stopwatch.Frequency;
            run.WindowStart = start + (long)(options.Warmup * tick);
            run.WindowEnd = start + (long)(options.Seconds * tick);
            var typing = clients.Take(typists).Select(c => c.TypeAsync(options.Rate, run.WindowEnd, cancellationToken)).ToList();
            var sampler = SampleAsync(run, server, result, options, cancellationToken);
            await Task.WhenAll(typing);
            await sampler;

            // Drain, then check.
            var drainWatch = Stopwatch.StartNew();
            var drained = await DrainAsync(clients.Take(typists).ToList(), clients, TimeSpan.FromSeconds(60), cancellationToken);
            result.DrainSeconds = drainWatch.Elapsed.TotalSeconds;
            result.Echo = run.Echo.Summarise();
            result.SubmitRoundTrip = run.SubmitRoundTrip.Summarise();
            result.ScheduleLag = run.ScheduleLag.Summarise();
            result.Errors = run.Errors.ToDictionary(e => e.Key, e => e.Value);
            result.Resyncs = run.Resyncs;
            await CheckDivergenceAsync(url, padId, viewToken, initialText, clients, drained, result, cancellationToken);
            if (server is not null)
            {
                result.ServerPeakRss = server.Memory.PeakRss;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Divergence = "stage timed out";
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        return result;
    }

    // Samples once a second through the typing phase: CPU of the server, this process and the machine over the
    // measured window, the server's resident memory, and a progress line every 10 s.
    private static async Task SampleAsync(LoadRun run, ServerProcess? server, StageResult result, LoadOptions options, CancellationToken cancellationToken)
    {
        var self = Process.GetCurrentProcess();
        while (LoadRun.Now < run.WindowStart)
        {
            await Task.Delay(50, cancellationToken);
        }

        var serverCpu0 = server?.CpuTime ?? TimeSpan.Zero;
        self.Refresh();
        var selfCpu0 = self.TotalProcessorTime;
        var machine0 = ProcStat.Machine();
        var committed0 = run.EditsCommitted;
        var made0 = run.EditsMade;
        var acked0 = run.OpsAcknowledged;
        var delivered0 = run.OpsDelivered;
        var gc0 = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        var lastReport = 0.0;
        long peakRss = 0;
        var lastServerCpu = serverCpu0;
        var lastDelivered = delivered0;
        var lastAcked = acked0;
        while (LoadRun.Now < run.WindowEnd)
        {
            await Task.Delay(1000, cancellationToken);
            if (server is not null)
            {
                peakRss = Math.Max(peakRss, server.Memory.Rss);
            }

            if (watch.Elapsed.TotalSeconds - lastReport >= 10)
            {
                var seconds = watch.Elapsed.TotalSeconds - lastReport;
                var serverCpu = server?.CpuTime ?? TimeSpan.Zero;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  t+{watch.Elapsed.TotalSeconds:F0}s: {(run.OpsAcknowledged - lastAcked) / seconds:F0} ops/s committed, {(run.OpsDelivered - lastDelivered) / seconds:F0} ops/s delivered, server CPU {100 * (serverCpu - lastServerCpu).TotalSeconds / seconds:F0}%"));
                lastReport = watch.Elapsed.TotalSeconds;
                lastServerCpu = serverCpu;
                lastDelivered = run.OpsDelivered;
                lastAcked = run.OpsAcknowledged;
            }
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var machine1 = ProcStat.Machine();
        result.WindowSeconds = elapsed;
        result.EditsMadePerSecond = (run.EditsMade - made0) / elapsed;
        result.EditsCommittedPerSecond = (run.EditsCommitted - committed0) / elapsed;
        result.OpsCommittedPerSecond = (run.OpsAcknowledged - acked0) / elapsed;
        result.OpsDeliveredPerSecond = (run.OpsDelivered - delivered0) / elapsed;
        result.ServerCpuPercent = server is null ? double.NaN : 100 * ((server.CpuTime - serverCpu0).TotalSeconds / elapsed);
        result.LoadGenCpuPercent = 100 * ((self.TotalProcessorTime - selfCpu0).TotalSeconds / elapsed);
        // In % of one core like the others (the machine has Environment.ProcessorCount of them): what is left after the
        // server and this process is other work on the machine (other builds and tests share it).
        result.MachineBusyPercent = 100.0 * Environment.ProcessorCount * (machine1.Busy - machine0.Busy) / Math.Max(1, machine1.Total - machine0.Total);
        result.OtherCpuPercent = result.MachineBusyPercent - result.LoadGenCpuPercent - (double.IsNaN(result.ServerCpuPercent) ? 0 : result.ServerCpuPercent);
        result.LoadAverage = MachineInfo.LoadAverage;
        result.ServerRssDuringRun = peakRss;
        result.LoadGenGen2 = GC.CollectionCount(2) - gc0;
        result.ServerThreads = server?.Threads ?? 0;
        _ = options;
    }

    private static async Task WaitQuietAsync(Func<long> counter, TimeSpan quiet, TimeSpan max, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var last = counter();
        var lastChange = watch.Elapsed;
        while (watch.Elapsed < max)
        {
            await Task.Delay(100, cancellationToken);
            var now = counter();
            if (now != last)
            {
                last = now;
                lastChange = watch.Elapsed;
            }
            else if (watch.Elapsed - lastChange >= quiet)
            {
                return;
            }
        }
    }

    private static async Task<bool> DrainAsync(List<LoadClient> typists, List<LoadClient> clients, TimeSpan max, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < max)
        {
            var live = clients.Where(c => c.Failure is null).ToList();
            if (typists.Where(t => t.Failure is null).All(t => t.IsSynchronized))
            {
                var head = live.Max(c => c.Revision);
                if (live.All(c => c.Revision == head))
                {
                    return true;
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }

    private static async Task CheckDivergenceAsync(Uri url, string padId, string viewToken, string initialText,
        List<LoadClient> clients, bool drained, StageResult result, CancellationToken cancellationToken)
    {
        await using var connection = HubLoadClient.CreateConnection(url);
        await connection.StartAsync(cancellationToken);
        var joined = await connection.InvokeAsync<JoinResult>("Join", new JoinRequest(padId, viewToken, LoadClientIds.For("lg-check"), "Checker"), cancellationToken);
        var history = await HistoryReader.ReadAllAsync(connection, padId, 0, cancellationToken);
        var replay = initialText;
        foreach (var item in history)
        {
            replay = item.Operation!.Apply(replay);
        }

        var failed = clients.Count(c => c.Failure is not null);
        var differing = clients.Count(c => c.Failure is null && !string.Equals(c.Text, joined.Text, StringComparison.Ordinal));
        var replayMatches = history.Count == joined.Revision && string.Equals(replay, joined.Text, StringComparison.Ordinal);
        result.FinalRevision = joined.Revision;
        result.FinalLength = joined.Text.Length;
        result.Converged = drained && failed == 0 && differing == 0 && replayMatches;
        result.Divergence = result.Converged
            ? $"none: {clients.Count} clients = fresh Join = replay of {history.Count} ops"
            : $"drained {drained}, {failed} clients failed, {differing} texts differ, replay {(replayMatches ? "matches" : "DIFFERS")} ({history.Count} ops, head {joined.Revision})";
        if (failed > 0)
        {
            foreach (var failure in clients.Where(c => c.Failure is not null).Select(c => c.Failure!).Distinct().Take(3))
            {
                Console.WriteLine($"  failure: {failure}");
            }
        }
    }

    internal static string LinePrefix(int typist) => $"t{typist:D4}> ";

    private static string InitialText(int typists)
    {
        var text = new StringBuilder("# PadHub load test: one line per typist\n");
        for (var i = 0; i < typists; i++)
        {
            text.Append(LinePrefix(i)).Append('\n');
        }

        return text.ToString();
    }
}

internal sealed class StageResult
{
    public const string SummaryHeader = """
        | typists | followers | edits/s made | edits/s committed | ops/s committed | ops/s delivered | echo p50 ms | echo p99 ms | submit RTT p99 ms | server CPU | load gen CPU | other CPU | server peak RSS | errors | divergence |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
        """;

    public int Typists { get; init; }

    public int Followers { get; init; }

    public double Seconds { get; init; }

    public double JoinSeconds { get; set; }

    public double JoinAndPresenceSeconds { get; set; }

    public double JoinServerCpuSeconds { get; set; }

    public long PresenceEvents { get; set; }

    public double WindowSeconds { get; set; }

    public double EditsMadePerSecond { get; set; }

    public double EditsCommittedPerSecond { get; set; }

    public double OpsCommittedPerSecond { get; set; }

    public double OpsDeliveredPerSecond { get; set; }

    public double ServerCpuPercent { get; set; }

    public double LoadGenCpuPercent { get; set; }

    public double MachineBusyPercent { get; set; }

    public double OtherCpuPercent { get; set; }

    public string LoadAverage { get; set; } = "";

    public long ServerRssDuringRun { get; set; }

    public long ServerPeakRss { get; set; }

    public int ServerThreads { get; set; }

    public int LoadGenGen2 { get; set; }

    public LatencySummary Echo { get; set; }

    public LatencySummary SubmitRoundTrip { get; set; }

    public LatencySummary ScheduleLag { get; set; }

    public Dictionary<string, int> Errors { get; set; } = [];

    public long Resyncs { get; set; }

    public double DrainSeconds { get; set; }

    public int FinalRevision { get; set; }

    public int FinalLength { get; set; }

    public bool Converged { get; set; }

    public string Divergence { get; set; } = "not checked";

    private string ErrorText => Errors.Count == 0 ? "none" : string.Join(", ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"));

    public string ToTable() => string.Create(CultureInfo.InvariantCulture, $"""

        ### {Typists} typists + {Followers} followers

        | metric | value |
        |---|---|
        | join ({Typists + Followers} clients, 8 at a time) | {JoinSeconds:F1} s; presence settled at {JoinAndPresenceSeconds:F1} s; server CPU {JoinServerCpuSeconds:F1} s; {PresenceEvents:N0} PresenceChanged received |
        | measured window | {WindowSeconds:F1} s |
        | edits/s made (target {Typists * 5}) | {EditsMadePerSecond:F0} (schedule lag p99 {ScheduleLag.P99:F1} ms) |
        | edits/s committed | {EditsCommittedPerSecond:F0} |
        | ops/s committed (composed edits) | {OpsCommittedPerSecond:F0} |
        | ops/s delivered (OpApplied received, all clients) | {OpsDeliveredPerSecond:F0} |
        | echo latency p50 / p90 / p99 / p99.9 / max | {Echo.P50:F1} / {Echo.P90:F1} / {Echo.P99:F1} / {Echo.P999:F1} / {Echo.Max:F1} ms ({Echo.Count:N0} samples) |
        | submit round trip p50 / p99 | {SubmitRoundTrip.P50:F1} / {SubmitRoundTrip.P99:F1} ms |
        | server CPU (of one core; 2 cores = 200%) | {(double.IsNaN(ServerCpuPercent) ? "n/a (--url)" : ServerCpuPercent.ToString("F0", CultureInfo.InvariantCulture) + "%")} |
        | load generator CPU (of one core) | {LoadGenCpuPercent:F0}% |
        | machine busy (2 cores = 200%) / other processes | {MachineBusyPercent:F0}% / {OtherCpuPercent:F0}% (load average {LoadAverage}) |
        | server RSS (max sampled during typing / process peak) | {ServerRssDuringRun / 1048576.0:F0} / {ServerPeakRss / 1048576.0:F0} MiB |
        | errors by code | {ErrorText}; {Resyncs} ResyncRequired |
        | drain after typing | {DrainSeconds:F1} s |
        | final pad | revision {FinalRevision}, {FinalLength:N0} characters |
        | divergence check | {Divergence} |

        """);

    public string ToSummaryRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Typists} | {Followers} | {EditsMadePerSecond:F0} | {EditsCommittedPerSecond:F0} | {OpsCommittedPerSecond:F0} | {OpsDeliveredPerSecond:F0} | {Echo.P50:F1} | {Echo.P99:F1} | {SubmitRoundTrip.P99:F1} | {(double.IsNaN(ServerCpuPercent) ? "n/a (--url)" : ServerCpuPercent.ToString("F0", CultureInfo.InvariantCulture) + "%")} | {LoadGenCpuPercent:F0}% | {OtherCpuPercent:F0}% | {ServerPeakRss / 1048576.0:F0} MiB | {ErrorText} | {(Converged ? "none" : "DIVERGED/INCOMPLETE")} |");
}

internal sealed record LoadOptions(
    IReadOnlyList<int> Stages, int Followers, double Seconds, double Warmup, double Rate, int Observers, int Seed,
    Uri? Url, string? PadId, string? EditToken, string? ViewToken, bool Boost, string? SqliteSynchronous, string? ApiKey,
    LoadClientKind Client)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = CommandLine.Parse(args);
        IReadOnlyList<int> stages = values.TryGetValue("typists", out var typists)
            ? [CommandLine.Int(typists, "typists")]
            : values.TryGetValue("stages", out var list)
                ? [.. list.Split(',').Select(s => CommandLine.Int(s, "stages"))]
                : [50, 100, 200, 400];
        var seconds = values.TryGetValue("seconds", out var s) ? CommandLine.Double(s, "seconds") : 60;
        var warmup = values.TryGetValue("warmup", out var w) ? CommandLine.Double(w, "warmup") : 5;
        if (seconds <= warmup || seconds > 600)
        {
            throw new ArgumentException("--seconds must be more than --warmup and at most 600.");
        }

        Uri? url = values.TryGetValue("url", out var u) ? new Uri(u) : null;
        if (url is not null && !(url.IsLoopback))
        {
            throw new ArgumentException("--url must be a loopback address (127.0.0.1, localhost, [::1]).");
        }

        var apiKey = values.GetValueOrDefault("api-key") ?? Environment.GetEnvironmentVariable("PADHUB_API_KEY");
        var givenPad = values.ContainsKey("pad-id") && values.ContainsKey("edit-token") && values.ContainsKey("view-token");
        if (url is not null && !givenPad && string.IsNullOrEmpty(apiKey))
        {
            throw new ArgumentException("--url needs --api-key (or PADHUB_API_KEY) to create a pad per stage, or --pad-id, --edit-token and --view-token.");
        }

        if (url is not null && givenPad && stages.Count != 1)
        {
            throw new ArgumentException("--url with a given pad runs one stage: give --typists.");
        }

        var client = values.GetValueOrDefault("client", "lean") switch
        {
            "lean" => LoadClientKind.Lean,
            "hub" => LoadClientKind.Hub,
            _ => throw new ArgumentException("--client must be lean or hub."),
        };

        return new LoadOptions(
            stages,
            values.TryGetValue("followers", out var f) ? CommandLine.Int(f, "followers") : 50,
            seconds,
            warmup,
            values.TryGetValue("rate", out var r) ? CommandLine.Double(r, "rate") : 5,
            values.TryGetValue("observers", out var o) ? CommandLine.Int(o, "observers") : 8,
            values.TryGetValue("seed", out var seed) ? CommandLine.Int(seed, "seed") : 1,
            url,
            values.GetValueOrDefault("pad-id"),
            values.GetValueOrDefault("edit-token"),
            values.GetValueOrDefault("view-token"),
            values.TryGetValue("boost", out var boost) && boost == "on",
            values.GetValueOrDefault("sqlite-synchronous"),
            url is not null && !givenPad ? apiKey : null,
            client);
    }
}

/// <summary>`--name value` pairs.</summary>
internal static class CommandLine
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        return values;
    }

    public static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"--{name} must be a non-negative integer.");

    public static double Double(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"--{name} must be a positive number.");
}

internal static class MachineInfo
{
    public static string CpuModel =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";

    /// <summary>
    /// Raises this process's scheduler autogroup (inherited by the server it starts) to nice -10, so that other work on a
    /// shared machine takes less of the two cores during the run. Linux with autogroups, as root.
    /// </summary>
    public static string Boost()
    {
        try
        {
            File.WriteAllText("/proc/self/autogroup", "-10");
            return $"scheduler: {File.ReadAllText("/proc/self/autogroup").Trim()} (--boost on: other processes on the machine get less CPU)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"scheduler: --boost failed ({ex.Message})";
        }
    }

    public static string LoadAverage =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static double MemoryGiB =>
        File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0
            : double.NaN;
}
