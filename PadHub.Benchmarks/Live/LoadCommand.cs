using System.Diagnostics;
using System.Globalization;
using System.Text;
using PadHub.Benchmarks.Runners;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>load</c>: typists and followers on one pad through /hubs/pad, stage by stage, each stage against a fresh server
/// process on 127.0.0.1; echo latency, throughput, server CPU and memory, errors, and a divergence check at the end.
/// </summary>
internal static partial class LoadCommand
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
            return CommandLine.Refuse(ex, Usage);
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
