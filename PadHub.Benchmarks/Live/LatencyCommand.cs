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
        latency [--keys 300] [--key-delay 60] [--warmup-keys 20] [--typists 2] [--rate 5] [--boost on]
        Starts a server process (Development, so the editor's static assets are served) and Debian's /usr/bin/chromium;
        never downloads a browser. Bounded: at most 60 s to set up and --keys x (delay + 200 ms) to type.
        """;

    private const string ChromiumPath = "/usr/bin/chromium";
    private const string PagePrefix = "A> ";
    private const string Alphabet = "the quick brown fox jumps over a lazy dog ";

    // Flags from STACK.md: without the background-networking ones Chromium floods the closed network.
    private static readonly string[] ChromiumArgs =
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
        var budget = TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(keys * (keyDelay + 200.0));
        using var timeout = new CancellationTokenSource(budget);
        var cancellationToken = timeout.Token;

        var initial = new StringBuilder("# Keystroke latency benchmark\n");
        for (var i = 0; i < typists; i++)
        {
            initial.Append(LoadCommand.LinePrefix(i)).Append('\n');
        }

        initial.Append(PagePrefix);
        var (server, pad) = await ServerProcess.StartAsync(initial.ToString(), "Development", new Dictionary<string, string>(), cancellationToken);
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
            var pageA = await OpenEditorAsync(browser, server.Url, pad.EditToken, "Typist A");
            var pageB = await OpenEditorAsync(browser, server.Url, pad.EditToken, "Watcher B");
            var skew = await MeasureClockSkewAsync(pageA, pageB);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clock check: page B's clock always read between two readings of page A's (10 tries; narrowest pair {skew:F3} ms apart)"));

            for (var i = 0; i < typists; i++)
            {
                var client = await LoadClient.ConnectAsync(server.Url, run, $"hub{i}", 7919 + i, observer: false, cancellationToken);
                hubTypists.Add(client);
                await client.JoinAsync(pad.PadId, pad.EditToken, $"Hub typist {i}", LoadCommand.LinePrefix(i), cancellationToken);
            }

            await pageA.Locator(".cm-content").ClickAsync();
            await pageA.Keyboard.PressAsync("Control+End");

            // The hub typists type for as long as page A does.
            var typingFor = TimeSpan.FromMilliseconds((warmupKeys + keys) * (keyDelay + 40.0)) + TimeSpan.FromSeconds(4);
            var stopAt = LoadRun.Now + (long)(typingFor.TotalSeconds * Stopwatch.Frequency);
            var background = hubTypists.Select(c => c.TypeAsync(rate, stopAt, cancellationToken)).ToList();

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
            var watch = Stopwatch.StartNew();
            var typed = await TypeAsync(pageA, warmupKeys, keys, keyDelay, cancellationToken);
            var typingSeconds = watch.Elapsed.TotalSeconds;

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
            var lineA = await LineAsync(pageA);
            var lineB = await LineAsync(pageB);
            var textMatches = lineA == lineAfterWarmup + typed && lineB == lineA;
            var warmupSurvived = lineAfterWarmup == PagePrefix + warmup;
            if (!textMatches || !warmupSurvived)
            {
                Console.WriteLine($"typed:    '{PagePrefix}{warmup}|{typed}' (| marks the end of the warm-up)");
                Console.WriteLine($"after warm-up: '{lineAfterWarmup}'");
                Console.WriteLine($"A's line: '{lineA}'");
                Console.WriteLine($"B's line: '{lineB}'");
            }

            Report(keys, keyDelay, warmupKeys, typists, rate, typingSeconds, skew, keydowns, appear, local,
                warmupSurvived, textMatches, run);
            return keydowns.Length == keys && appear.Length == keys && textMatches ? 0 : 1;
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

    private static double[] Latencies(double[] from, double[] to, int skip)
    {
        var n = Math.Min(from.Length, to.Length);
        return [.. Enumerable.Range(skip, Math.Max(0, n - skip)).Select(i => to[i] - from[i]).Order()];
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<IPage> OpenEditorAsync(IBrowser browser, Uri server, string editToken, string name)
    {
        // A context per participant: its own storage, so its own client id and circuit.
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync($"localStorage.setItem('padhub.name', '{name}')");
        var page = await context.NewPageAsync();
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
        double[] keydowns, double[] appear, double[] local, bool warmupSurvived, bool textMatches, LoadRun run)
    {
        var latencies = Latencies(keydowns, appear, 0);
        var localLatencies = Latencies(keydowns, local, 0);
        double P(double p) => Percentile(latencies, p);
        double L(double p) => Percentile(localLatencies, p);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | metric | value |
            |---|---|
            | keystrokes measured (after {warmupKeys} warm-up keystrokes) | {keys}, {keys / typingSeconds:F1} keys/s ({keyDelay} ms pause after each) |
            | keydowns recorded on A / characters seen appearing on B | {keydowns.Length} / {appear.Length} |
            | warm-up keystrokes all in the pad | {(warmupSurvived ? "yes" : "NO (see the lines printed above)")} |
            | other typists meanwhile (hub clients, Poisson) | {typists} at {rate} edits/s: {run.EditsMade} edits made, {run.OpsAcknowledged} operations committed |
            | keystroke to B's DOM, p50 / p90 / p99 / max | {P(0.50):F1} / {P(0.90):F1} / {P(0.99):F1} / {(latencies.Length == 0 ? double.NaN : latencies[^1]):F1} ms |
            | min | {(latencies.Length == 0 ? double.NaN : latencies[0]):F1} ms |
            | for reference: keystroke to A's own DOM (local echo), p50 / p99 | {L(0.50):F1} / {L(0.99):F1} ms |
            | clock check (A, B, A readings, 10 tries) | B always inside A's window; the narrowest was {skew:F2} ms wide |
            | measured keystrokes: A's line = B's line = what A typed | {(textMatches ? "yes" : "NO")} |
            | errors (hub typists) | {(run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.Select(e => $"{e.Key} {e.Value}")))} |
            """));
    }
}
