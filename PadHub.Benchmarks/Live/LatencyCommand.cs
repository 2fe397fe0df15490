using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using PadHub.Benchmarks.Runners;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>latency</c>: keystroke to the other participant's screen in Chromium on the real editor page <c>/p/{editToken}</c>.
/// Page A types into its own line while page B watches that line with a MutationObserver; two hub typists type
/// elsewhere in the pad meanwhile. Both pages live in one browser on one machine, so each page stamps its side with
/// <c>performance.timeOrigin + performance.now()</c> (one clock) and the harness subtracts.
/// </summary>
internal static partial class LatencyCommand
{
    private const string Usage = """
        latency [--keys 300] [--key-delay 60] [--warmup-keys 20] [--typists 2] [--rate 5] [--boost on] [--sqlite-synchronous Full|Normal] [--published DIR]
        Starts a server process (Development, so the editor's static assets are served; with --published, DIR's
        PadHub.Server.dll in Production) and Debian's /usr/bin/chromium; never downloads a browser. Bounded: at most 60 s to set up and (warm-up + keys) x (delay + 200 ms) to type.
        """;

    private const string PagePrefix = "A> ";
    private const string Alphabet = "the quick brown fox jumps over a lazy dog ";

    public static async Task<int> RunAsync(string[] args)
    {
        Dictionary<string, string> values;
        int keys, keyDelay, warmupKeys, typists;
        double rate;
        try
        {
            values = CommandLine.Parse(args);
            keys = values.TryGetValue("keys", out var k) ? CommandLine.Int(k, "keys") : 300;
            keyDelay = values.TryGetValue("key-delay", out var d) ? CommandLine.Int(d, "key-delay") : 60;
            warmupKeys = values.TryGetValue("warmup-keys", out var w) ? CommandLine.Int(w, "warmup-keys") : 20;
            typists = values.TryGetValue("typists", out var t) ? CommandLine.Int(t, "typists") : 2;
            rate = values.TryGetValue("rate", out var r) ? CommandLine.Double(r, "rate") : 5;
            if (keys is < 1 or > 5000 || warmupKeys >= keys)
            {
                throw new ArgumentException("--keys must be 1 to 5,000 and more than --warmup-keys.");
            }
        }
        catch (ArgumentException ex)
        {
            return CommandLine.Refuse(ex, Usage);
        }

        if (!BenchmarkChromium.IsInstalled())
        {
            return 2;
        }

        Console.WriteLine($"# PadHub keystroke latency in Chromium, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (values.TryGetValue("boost", out var boost) && boost == "on")
        {
            Console.WriteLine(MachineInfo.Boost());
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}, {MachineInfo.MemoryGiB:F0} GiB; load average {MachineInfo.LoadAverage}");
        var budget = TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds((warmupKeys + keys) * (keyDelay + 200.0));
        using var timeout = new CancellationTokenSource(budget);
        var cancellationToken = timeout.Token;

        var initial = new StringBuilder("# Keystroke latency benchmark\n");
        for (var i = 0; i < typists; i++)
        {
            initial.Append(LoadCommand.LinePrefix(i)).Append('\n');
        }

        initial.Append(PagePrefix);
        var settings = new Dictionary<string, string>();
        if (values.TryGetValue("sqlite-synchronous", out var synchronous))
        {
            settings["Database__SqliteSynchronous"] = synchronous;
            Console.WriteLine($"server: Database:SqliteSynchronous = {synchronous}");
        }

        var published = values.TryGetValue("published", out var publishedDir) ? Path.Combine(Path.GetFullPath(publishedDir), "PadHub.Server.dll") : null;
        if (published is not null)
        {
            Console.WriteLine($"server: {published} (Production)");
        }

        var (server, pad) = await ServerProcess.StartAsync(initial.ToString(), published is null ? "Development" : "Production", settings, cancellationToken, published);
        Console.WriteLine($"server pid {server.Pid} at {server.Url}; pad {pad.PadId}");
        var run = new LoadRun();
        var hubTypists = new List<LoadClient>();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright);
            var rejections = new List<string>();
            var pageA = await OpenEditorAsync(browser, server.Url, pad.EditToken, "Typist A", rejections);
            var pageB = await OpenEditorAsync(browser, server.Url, pad.EditToken, "Watcher B", null);
            var skew = await MeasureClockSkewAsync(pageA, pageB);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clock check: page B's clock always read between two readings of page A's (10 tries; narrowest pair {skew:F3} ms apart)"));

            for (var i = 0; i < typists; i++)
            {
                var client = await LoadClient.ConnectAsync(LoadClientKind.Hub, server.Url, run, LoadClientIds.For($"hub{i}"), 7919 + i, observer: false, cancellationToken);
                hubTypists.Add(client);
                await client.JoinAsync(pad.PadId, pad.EditToken, $"Hub typist {i}", LoadCommand.LinePrefix(i), cancellationToken);
            }

            // A hub follower stamps (wall clock, as the pages do) each character the browsers insert as it arrives from
            // the server: keystroke to server fan-out, apart from B's circuit and rendering.
            var arrivals = new List<double>();
            var arrivalsGate = new Lock();
            var hubTags = hubTypists.Select(c => c.ClientTag).ToHashSet(StringComparer.Ordinal);
            var watcher = await LoadClient.ConnectAsync(LoadClientKind.Hub, server.Url, run, LoadClientIds.For("hubwatch"), 1, observer: false, cancellationToken);
            hubTypists.Add(watcher);
            watcher.RemoteApplied = (clientTag, operation) =>
            {
                if (hubTags.Contains(clientTag))
                {
                    return;
                }

                var now = WallClockMs();
                lock (arrivalsGate)
                {
                    foreach (var c in operation.Components)
                    {
                        for (var i = 0; c.IsInsert && i < c.Length; i++)
                        {
                            arrivals.Add(now);
                        }
                    }
                }
            };
            await watcher.JoinAsync(pad.PadId, pad.ViewToken, "Hub watcher", null, cancellationToken);
            var wallSkew = await MeasureWallClockAsync(pageA);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clock check: the page's clock always read between two readings of this process's wall clock (10 tries; narrowest pair {wallSkew:F3} ms apart)"));

            await pageA.EvaluateAsync(LatencyProbes.NoticeProbe);
            await pageA.Locator(".cm-content").ClickAsync();
            await pageA.Keyboard.PressAsync("Control+End");

            // The hub typists type for as long as page A does.
            var typingFor = TimeSpan.FromMilliseconds((warmupKeys + keys) * (keyDelay + 40.0)) + TimeSpan.FromSeconds(4);
            var stopAt = LoadRun.Now + (long)(typingFor.TotalSeconds * Stopwatch.Frequency);
            var background = hubTypists.Take(typists).Select(c => c.TypeAsync(rate, stopAt, cancellationToken)).ToList();

            // Warm-up keystrokes (not measured), then both pages settle on the same line.
            var warmup = await TypeAsync(pageA, 0, warmupKeys, keyDelay, cancellationToken);
            var deadline = Stopwatch.StartNew();
            string lineAfterWarmup;
            while ((lineAfterWarmup = await LineAsync(pageA)) != await LineAsync(pageB) && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50, cancellationToken);
            }

            await pageA.EvaluateAsync(LatencyProbes.KeydownProbe);
            await pageA.EvaluateAsync(LatencyProbes.AppearProbe, PagePrefix); // A's own screen: the local echo, for reference
            await pageB.EvaluateAsync(LatencyProbes.AppearProbe, PagePrefix);
            int arrivalBaseline;
            lock (arrivalsGate)
            {
                arrivalBaseline = arrivals.Count;
            }
            var cdpA = await pageA.Context.NewCDPSessionAsync(pageA);
            var cdpB = await pageB.Context.NewCDPSessionAsync(pageB);
            await cdpA.SendAsync("Performance.enable");
            await cdpB.SendAsync("Performance.enable");
            var metricsA = await PageMetrics.ReadAsync(cdpA);
            var metricsB = await PageMetrics.ReadAsync(cdpB);
            var revisionB = await RevisionAsync(pageB);
            var profileDir = Environment.GetEnvironmentVariable("PADHUB_LATENCY_PROFILE");
            if (profileDir is not null)
            {
                foreach (var cdp in new[] { cdpA, cdpB })
                {
                    await cdp.SendAsync("Profiler.enable");
                    await cdp.SendAsync("Profiler.setSamplingInterval", new() { ["interval"] = 200 });
                    await cdp.SendAsync("Profiler.start");
                }
            }

            // PADHUB_LATENCY_TRACE=FILE: a Chromium trace of the typing (both renderers, every process), for
            // chrome://tracing or ui.perfetto.dev; PADHUB_LATENCY_TRACE_CATEGORIES overrides the categories.
            var tracePath = Environment.GetEnvironmentVariable("PADHUB_LATENCY_TRACE");
            ICDPSession? traceSession = null;
            var traceEvents = new List<string>();
            var traceDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (tracePath is not null)
            {
                traceSession = await browser.NewBrowserCDPSessionAsync();
                traceSession.Event("Tracing.dataCollected").OnEvent += (_, e) =>
                {
                    lock (traceEvents)
                    {
                        foreach (var item in e!.Value.GetProperty("value").EnumerateArray())
                        {
                            traceEvents.Add(item.GetRawText());
                        }
                    }
                };
                traceSession.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceDone.TrySetResult();
                await traceSession.SendAsync("Tracing.start", new()
                {
                    ["categories"] = Environment.GetEnvironmentVariable("PADHUB_LATENCY_TRACE_CATEGORIES") ?? "devtools.timeline,disabled-by-default-devtools.timeline,blink,input,v8,toplevel,latencyInfo",
                    ["transferMode"] = "ReportEvents",
                });
            }

            var watch = Stopwatch.StartNew();
            var typed = await TypeAsync(pageA, warmupKeys, keys, keyDelay, cancellationToken);
            var typingSeconds = watch.Elapsed.TotalSeconds;
            if (traceSession is not null)
            {
                await traceSession.SendAsync("Tracing.end");
                await traceDone.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
                lock (traceEvents)
                {
                    File.WriteAllText(tracePath!, "[" + string.Join(",\n", traceEvents) + "]");
                }

                Console.WriteLine($"trace: {tracePath} ({traceEvents.Count} events)");
            }

            var usedA = PageMetrics.Subtract(await PageMetrics.ReadAsync(cdpA), metricsA);
            var usedB = PageMetrics.Subtract(await PageMetrics.ReadAsync(cdpB), metricsB);
            var operationsB = await RevisionAsync(pageB) - revisionB;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"renderer main threads while typing ({typingSeconds:F1} s): A task {usedA["TaskDuration"]:F2} s (script {usedA["ScriptDuration"]:F2}, layout {usedA["LayoutDuration"]:F2}, style {usedA["RecalcStyleDuration"]:F2}); B task {usedB["TaskDuration"]:F2} s (script {usedB["ScriptDuration"]:F2}, layout {usedB["LayoutDuration"]:F2}, style {usedB["RecalcStyleDuration"]:F2})"));
            // Per operation: A's main thread over its keystrokes (it also applies the hub typists' operations, so this is
            // an upper bound), B's over every operation it applied (A's keystrokes and the hub typists'). ThreadTime is
            // the main thread's CPU time, TaskDuration the wall time of its tasks (which grows when the machine is busy);
            // style recalculations and layouts are counts, which a busy machine does not change.
            Console.WriteLine(PerOperation("typing page A, per keystroke (goal < 5 ms)", usedA, keys));
            Console.WriteLine(PerOperation($"watching page B, per remote operation over {operationsB} (goal < 3 ms)", usedB, Math.Max(1, operationsB)));
            if (profileDir is not null)
            {
                Directory.CreateDirectory(profileDir);
                foreach (var (name, cdp) in new[] { ("a", cdpA), ("b", cdpB) })
                {
                    var profile = await cdp.SendAsync("Profiler.stop");
                    await File.WriteAllTextAsync(Path.Combine(profileDir, $"page-{name}.cpuprofile"), profile!.Value.GetProperty("profile").GetRawText(), cancellationToken);
                }
            }

            // Wait (bounded) until B has seen every keystroke.
            deadline.Restart();
            while (await pageB.EvaluateAsync<int>("() => window.__padhubAppear.length") < keys && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50, cancellationToken);
            }

            await Task.WhenAll(background);
            var keydowns = await pageA.EvaluateAsync<double[]>("() => window.__padhubKeydowns");
            var appear = await pageB.EvaluateAsync<double[]>("() => window.__padhubAppear");
            var local = await pageA.EvaluateAsync<double[]>("() => window.__padhubAppear");
            var framesB = await pageB.EvaluateAsync<double[]>("() => window.__padhubFrames");
            double[] atHub;
            lock (arrivalsGate)
            {
                atHub = [.. arrivals.Skip(arrivalBaseline)];
            }
            var lineA = await LineAsync(pageA);
            var lineB = await LineAsync(pageB);
            var textMatches = lineA == lineAfterWarmup + typed && lineB == lineA;
            var warmupSurvived = lineAfterWarmup == PagePrefix + warmup;
            var notices = await pageA.EvaluateAsync<string[]>("() => window.__padhubNotices");
            foreach (var notice in notices)
            {
                Console.WriteLine($"page A showed: {notice}");
            }

            lock (rejections)
            {
                foreach (var rejection in rejections)
                {
                    Console.WriteLine($"page A's circuit sent: {rejection[..Math.Min(rejection.Length, 400)]}");
                }
            }

            if (!textMatches || !warmupSurvived)
            {
                Console.WriteLine($"typed:    '{PagePrefix}{warmup}|{typed}' (| marks the end of the warm-up)");
                Console.WriteLine($"after warm-up: '{lineAfterWarmup}'");
                Console.WriteLine($"A's line: '{lineA}'");
                Console.WriteLine($"B's line: '{lineB}'");
            }

            // Pair keystrokes with characters by content, so that a lost keystroke does not shift every later pair: the
            // characters that arrived are a subsequence of what was typed (only A writes its line).
            var arrived = lineA.StartsWith(lineAfterWarmup, StringComparison.Ordinal) ? lineA[lineAfterWarmup.Length..] : "";
            var (pairs, lost) = Align(typed, arrived);
            Report(keys, keyDelay, warmupKeys, typists, rate, typingSeconds, skew, keydowns, appear, local, atHub, framesB, wallSkew,
                warmupSurvived, textMatches, pairs, lost, run);
            return keydowns.Length == keys && appear.Length == keys && textMatches && warmupSurvived ? 0 : 1;
        }
        finally
        {
            foreach (var client in hubTypists)
            {
                await client.DisposeAsync();
            }

            await server.DisposeAsync();
        }
    }
}
