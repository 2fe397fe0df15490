using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>latency</c>: keystroke to the other participant's screen in Chromium on the real editor page <c>/p/{editToken}</c>.
/// Page A types into its own line while page B watches that line with a MutationObserver; two hub typists type
/// elsewhere in the pad meanwhile. Both pages live in one browser on one machine, so each page stamps its side with
/// <c>performance.timeOrigin + performance.now()</c> (one clock) and the harness subtracts.
/// </summary>
internal static class LatencyCommand
{
    private const string Usage = """
        latency [--keys 300] [--key-delay 60] [--warmup-keys 20] [--typists 2] [--rate 5] [--boost on] [--sqlite-synchronous Full|Normal]
        Starts a server process (Development, so the editor's static assets are served) and Debian's /usr/bin/chromium;
        never downloads a browser. Bounded: at most 60 s to set up and (warm-up + keys) x (delay + 200 ms) to type.
        """;

    internal const string ChromiumPath = "/usr/bin/chromium";
    private const string PagePrefix = "A> ";
    private const string Alphabet = "the quick brown fox jumps over a lazy dog ";

    // Flags from STACK.md: without the background-networking ones Chromium floods the closed network.
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    // Page A: the time of every keydown on the editor, from the event's own timestamp.
    private const string KeydownProbe = """
        () => {
          window.__padhubKeydowns = [];
          document.addEventListener('keydown', e => {
            if (e.key.length === 1) window.__padhubKeydowns.push(performance.timeOrigin + e.timeStamp);
          }, { capture: true });
        }
        """;

    // Page B: the time each new character of A's line first appears in the editor's DOM (a MutationObserver callback
    // runs as a microtask right after the DOM change, before the next paint).
    private const string AppearProbe = """
        (prefix) => {
          const content = document.querySelector('.padhub-editor .cm-content');
          window.__padhubAppear = [];
          const count = () => {
            for (const line of content.querySelectorAll('.cm-line')) {
              const text = line.textContent;
              if (text.startsWith(prefix)) return text.length - prefix.length;
            }
            return -1;
          };
          let seen = Math.max(0, count());
          new MutationObserver(() => {
            const now = performance.timeOrigin + performance.now();
            const n = count();
            while (seen < n) { window.__padhubAppear.push(now); seen++; }
          }).observe(content, { childList: true, subtree: true, characterData: true });
        }
        """;

    // Every page: when each WebSocket message reached the page's event loop (a listener registered before the circuit's
    // own), to split B's part into "server to B's event loop" and "B's event loop to its DOM".
    private const string FrameProbe = """
        (() => {
          const Native = window.WebSocket;
          window.__padhubFrames = [];
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => window.__padhubFrames.push(performance.timeOrigin + performance.now()));
            }
          };
        })();
        """;

    // Page A: every notice the editor shows in its status line ("Your last edit was refused (...)", ...).
    private const string NoticeProbe = """
        () => {
          window.__padhubNotices = [];
          const status = document.querySelector('.padhub-editor .padhub-sync');
          let last = '';
          new MutationObserver(() => {
            const text = status.textContent;
            const at = text.indexOf('·');
            const notice = at < 0 ? '' : text.slice(at + 1).trim();
            if (notice !== last && notice !== '') window.__padhubNotices.push(notice);
            last = notice;
          }).observe(status, { childList: true, subtree: true, characterData: true });
        }
        """;

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
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"{ChromiumPath} is missing: apt-get update && apt-get install -y chromium");
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

        var (server, pad) = await ServerProcess.StartAsync(initial.ToString(), "Development", settings, cancellationToken);
        Console.WriteLine($"server pid {server.Pid} at {server.Url}; pad {pad.PadId}");
        var run = new LoadRun();
        var hubTypists = new List<LoadClient>();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
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

            await pageA.EvaluateAsync(NoticeProbe);
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

            await pageA.EvaluateAsync(KeydownProbe);
            await pageA.EvaluateAsync(AppearProbe, PagePrefix); // A's own screen: the local echo, for reference
            await pageB.EvaluateAsync(AppearProbe, PagePrefix);
            int arrivalBaseline;
            lock (arrivalsGate)
            {
                arrivalBaseline = arrivals.Count;
            }
            var cdpA = await pageA.Context.NewCDPSessionAsync(pageA);
            var cdpB = await pageB.Context.NewCDPSessionAsync(pageB);
            await cdpA.SendAsync("Performance.enable");
            await cdpB.SendAsync("Performance.enable");
            var metricsA = await MetricsAsync(cdpA);
            var metricsB = await MetricsAsync(cdpB);
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

            var usedA = Subtract(await MetricsAsync(cdpA), metricsA);
            var usedB = Subtract(await MetricsAsync(cdpB), metricsB);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"renderer main threads while typing ({typingSeconds:F1} s): A task {usedA["TaskDuration"]:F2} s (script {usedA["ScriptDuration"]:F2}, layout {usedA["LayoutDuration"]:F2}, style {usedA["RecalcStyleDuration"]:F2}); B task {usedB["TaskDuration"]:F2} s (script {usedB["ScriptDuration"]:F2}, layout {usedB["LayoutDuration"]:F2}, style {usedB["RecalcStyleDuration"]:F2})"));
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

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble(), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Subtract(Dictionary<string, double> after, Dictionary<string, double> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);

    private static double WallClockMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    // Reads this process's wall clock, the page's, this process's again: the page's must fall between.
    private static async Task<double> MeasureWallClockAsync(IPage page)
    {
        var narrowest = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            var before = WallClockMs();
            var inPage = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var after = WallClockMs();
            if (inPage < before - 1 || inPage > after + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The page's clock ({inPage:F3}) is outside this process's [{before:F3}, {after:F3}] (more than 1 ms off)."));
            }

            narrowest = Math.Min(narrowest, after - before);
        }

        return narrowest;
    }

    private static async Task<string> TypeAsync(IPage page, int from, int count, int keyDelay, CancellationToken cancellationToken)
    {
        var typed = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            var key = Alphabet[i % Alphabet.Length];
            typed.Append(key);
            await page.Keyboard.TypeAsync(key.ToString(), new KeyboardTypeOptions { Delay = 0 });
            await Task.Delay(keyDelay, cancellationToken);
        }

        return typed.ToString();
    }

    private static Task<string> LineAsync(IPage page) => page.EvaluateAsync<string>(
        "(prefix) => [...document.querySelectorAll('.padhub-editor .cm-line')].map(l => l.textContent).find(t => t.startsWith(prefix)) ?? ''",
        PagePrefix);

    // Greedy subsequence match of what arrived against what was typed: (keystroke index, character index) pairs and the
    // positions of the keystrokes that never arrived.
    private static (List<(int Key, int Char)> Pairs, List<int> Lost) Align(string typed, string arrived)
    {
        var pairs = new List<(int, int)>();
        var lost = new List<int>();
        var j = 0;
        for (var i = 0; i < typed.Length; i++)
        {
            if (j < arrived.Length && typed[i] == arrived[j])
            {
                pairs.Add((i, j++));
            }
            else
            {
                lost.Add(i);
            }
        }

        return (pairs, lost);
    }

    private static double[] Latencies(double[] from, double[] to, List<(int Key, int Char)> pairs) =>
        [.. pairs.Where(p => p.Key < from.Length && p.Char < to.Length).Select(p => to[p.Char] - from[p.Key]).Order()];

    // Nearest rank.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<IPage> OpenEditorAsync(IBrowser browser, Uri server, string editToken, string name, List<string>? rejections)
    {
        // A context per participant: its own storage, so its own client id and circuit.
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync($"localStorage.setItem('padhub.name', '{name}')");
        await context.AddInitScriptAsync(FrameProbe);
        var page = await context.NewPageAsync();
        // A script error on either page (the editor's, Blazor's) is part of the result.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.WriteLine($"{name}'s console: {message.Text[..Math.Min(message.Text.Length, 400)]}");
            }
        };
        if (rejections is not null)
        {
            // The circuit's calls to the editor's `reject` carry the server's message (the notice shows only the code).
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                var text = frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : frame.Text ?? "";
                var at = text.IndexOf("reject", StringComparison.Ordinal);
                if (at >= 0)
                {
                    lock (rejections)
                    {
                        rejections.Add(new string([.. text[at..].Where(c => !char.IsControl(c))]));
                    }
                }
            };
        }

        await page.GotoAsync(new Uri(server, "p/" + editToken).ToString());
        await page.Locator(".padhub-editor[data-interactive='true'] .cm-content").WaitForAsync();
        return page;
    }

    // Reads A, B, A: B's reading must lie between A's if the two pages share a clock.
    private static async Task<double> MeasureClockSkewAsync(IPage a, IPage b)
    {
        const string now = "() => performance.timeOrigin + performance.now()";
        var narrowest = double.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            var a1 = await a.EvaluateAsync<double>(now);
            var b1 = await b.EvaluateAsync<double>(now);
            var a2 = await a.EvaluateAsync<double>(now);
            if (b1 < a1 || b1 > a2)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The pages' clocks disagree: B read {b1:F3} outside A's [{a1:F3}, {a2:F3}]."));
            }

            narrowest = Math.Min(narrowest, a2 - a1);
        }

        return narrowest;
    }

    private static void Report(int keys, int keyDelay, int warmupKeys, int typists, double rate, double typingSeconds, double skew,
        double[] keydowns, double[] appear, double[] local, double[] atHub, double[] framesB, double wallSkew, bool warmupSurvived, bool textMatches,
        List<(int Key, int Char)> pairs, List<int> lost, LoadRun run)
    {
        var hubLatencies = Latencies(keydowns, atHub, pairs);
        double H(double p) => Percentile(hubLatencies, p);
        var latencies = Latencies(keydowns, appear, pairs);
        var localLatencies = Latencies(keydowns, local, pairs);
        double P(double p) => Percentile(latencies, p);
        // For each character B showed: the last message B's event loop picked up before it, and the hub follower's
        // receipt of the same character (the server's fan-out moment, give or take the follower's own delay).
        var frameToDom = new List<double>();
        var hubToFrame = new List<double>();
        foreach (var (_, c) in pairs)
        {
            if (c >= appear.Length)
            {
                continue;
            }

            var at = Array.BinarySearch(framesB, appear[c]);
            var frame = at >= 0 ? at : ~at - 1;
            if (frame < 0)
            {
                continue;
            }

            frameToDom.Add(appear[c] - framesB[frame]);
            if (c < atHub.Length)
            {
                hubToFrame.Add(framesB[frame] - atHub[c]);
            }
        }

        double[] frameToDomSorted = [.. frameToDom.Order()];
        double[] hubToFrameSorted = [.. hubToFrame.Order()];
        double F(double p) => Percentile(frameToDomSorted, p);
        double G(double p) => Percentile(hubToFrameSorted, p);
        double L(double p) => Percentile(localLatencies, p);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | metric | value |
            |---|---|
            | keystrokes measured (after {warmupKeys} warm-up keystrokes) | {keys}, {keys / typingSeconds:F1} keys/s ({keyDelay} ms pause after each) |
            | keydowns recorded on A / characters seen appearing on B | {keydowns.Length} / {appear.Length} |
            | measured keystrokes lost (never in A's line nor the pad) | {(lost.Count == 0 ? "none" : $"{lost.Count}, at keystroke {string.Join(", ", lost)}")} |
            | warm-up keystrokes all in the pad | {(warmupSurvived ? "yes" : "NO (see the lines printed above)")} |
            | other typists meanwhile (hub clients, Poisson) | {typists} at {rate} edits/s: {run.EditsMade} edits made, {run.OpsAcknowledged} operations committed |
            | keystroke to B's DOM, p50 / p90 / p99 / max | {P(0.50):F1} / {P(0.90):F1} / {P(0.99):F1} / {(latencies.Length == 0 ? double.NaN : latencies[^1]):F1} ms |
            | min | {(latencies.Length == 0 ? double.NaN : latencies[0]):F1} ms |
            | part of it: keystroke to a hub follower receiving it from the server (A's circuit, authority, commit, fan-out), p50 / p90 / p99 | {H(0.50):F1} / {H(0.90):F1} / {H(0.99):F1} ms ({atHub.Length} characters; wall clock, checked within {wallSkew:F1} ms) |
            | part of it: hub follower's receipt to B's event loop picking up the message (server to B's circuit, B's socket), p50 / p90 / p99 | {G(0.50):F1} / {G(0.90):F1} / {G(0.99):F1} ms |
            | part of it: B's event loop picking up the message to B's DOM (Blazor's interop dispatch, the editor, CodeMirror), p50 / p90 / p99 | {F(0.50):F1} / {F(0.90):F1} / {F(0.99):F1} ms |
            | for reference: keystroke to A's own DOM (local echo), p50 / p99 | {L(0.50):F1} / {L(0.99):F1} ms |
            | clock check (A, B, A readings, 10 tries) | B always inside A's window; the narrowest was {skew:F2} ms wide |
            | measured keystrokes: A's line = B's line = what A typed | {(textMatches ? "yes" : "NO")} |
            | errors (hub typists) | {(run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.Select(e => $"{e.Key} {e.Value}")))} |
            """));
    }
}
