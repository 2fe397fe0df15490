using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using PadHub.Benchmarks.Live;
using PadHub.Benchmarks.Runners;
using PadHub.Benchmarks.Traces;

namespace PadHub.Benchmarks.EditorFloor;

/// <summary>
/// <c>editor-floor</c>: the main thread a keystroke costs in Chromium with no page, circuit or server around the editor,
/// as floors for the editor pages' figures in <c>latency</c>: a bare <c>contenteditable</c> (the browser's own input,
/// editing and frame), CodeMirror 6 with nothing added, and PadHub's CodeMirror set-up (<c>view.js</c>). The three are
/// measured in turns within each run, the same keys at the same pace as <c>latency</c>, so their ratios hold on a
/// shared machine whatever its load.
/// </summary>
internal static class EditorFloorCommand
{
    private const string Usage = """
        editor-floor [--keys 200] [--key-delay 60] [--warmup-keys 20] [--runs 3]
        Bundles the pages in PadHub.Benchmarks/EditorFloor/pages with the editor project's esbuild (node on the PATH),
        serves them on 127.0.0.1 and types into each in Debian's /usr/bin/chromium; never downloads a browser.
        """;

    private static readonly (string Name, string File)[] Pages =
    [
        ("contenteditable", "plain.html"),
        ("CodeMirror 6, bare", "codemirror.html"),
        ("PadHub's CodeMirror set-up", "padhub.html"),
    ];

    private static readonly string[] Metrics = ["ThreadTime", "TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "RecalcStyleCount", "LayoutCount"];

    public static async Task<int> RunAsync(string[] args)
    {
        int keys, keyDelay, warmupKeys, runs;
        try
        {
            var values = Live.CommandLine.Parse(args);
            keys = values.TryGetValue("keys", out var k) ? Live.CommandLine.Int(k, "keys") : 200;
            keyDelay = values.TryGetValue("key-delay", out var d) ? Live.CommandLine.Int(d, "key-delay") : 60;
            warmupKeys = values.TryGetValue("warmup-keys", out var w) ? Live.CommandLine.Int(w, "warmup-keys") : 20;
            runs = values.TryGetValue("runs", out var r) ? Live.CommandLine.Int(r, "runs") : 3;
            if (keys is < 1 or > 5000 || runs is < 1 or > 20)
            {
                throw new ArgumentException("--keys must be 1 to 5,000 and --runs 1 to 20.");
            }
        }
        catch (ArgumentException ex)
        {
            return Live.CommandLine.Refuse(ex, Usage);
        }

        if (!BenchmarkChromium.IsInstalled())
        {
            return 2;
        }

        var site = Directory.CreateTempSubdirectory("padhub-editor-floor-");
        try
        {
            await BuildSiteAsync(site.FullName);
            using var server = new FloorSite(site.FullName);
            Console.WriteLine($"# PadHub editor floor in Chromium, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}; load average {MachineInfo.LoadAverage}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{keys} measured keystrokes per page and run after {warmupKeys} warm-up ones, {keyDelay} ms apart; pages in turns, {runs} runs"));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright);
            var results = Pages.ToDictionary(p => p.Name, _ => new List<Dictionary<string, double>>());
            for (var run = 1; run <= runs; run++)
            {
                foreach (var (name, file) in Pages)
                {
                    var perKey = await MeasureAsync(browser, new Uri(server.Address, file), warmupKeys, keys, keyDelay);
                    results[name].Add(perKey);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {run}, {name}: CPU {perKey["ThreadTime"]:F2} ms, tasks {perKey["TaskDuration"]:F2} ms (script {perKey["ScriptDuration"]:F2}, style {perKey["RecalcStyleDuration"]:F2}, layout {perKey["LayoutDuration"]:F2}); {perKey["RecalcStyleCount"]:F2} style recalculations, {perKey["LayoutCount"]:F2} layouts; load average {MachineInfo.LoadAverage}"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| page | main thread CPU per keystroke, median (min-max) | task time | style recalculations / layouts |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var (name, _) in Pages)
            {
                var cpu = results[name].Select(m => m["ThreadTime"]).Order().ToArray();
                var task = results[name].Select(m => m["TaskDuration"]).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Median(cpu):F2} ms ({cpu[0]:F2}-{cpu[^1]:F2}) | {Median(task):F2} ms | {results[name].Average(m => m["RecalcStyleCount"]):F2} / {results[name].Average(m => m["LayoutCount"]):F2} |"));
            }

            return 0;
        }
        finally
        {
            site.Delete(recursive: true);
        }
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static async Task BuildSiteAsync(string site)
    {
        var solution = TraceFiles.SolutionDirectory;
        var pages = Path.Combine(solution, "PadHub.Benchmarks", "EditorFloor", "pages");
        var editor = Path.Combine(solution, "PadHub.Components", "Editor");
        if (!File.Exists(Path.Combine(editor, "node_modules", "esbuild", "lib", "main.js")))
        {
            throw new InvalidOperationException($"{editor}/node_modules has no esbuild: build PadHub.Components first (it runs npm ci).");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(pages, "build.mjs"), site, editor]) { RedirectStandardError = true };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"Bundling the floor pages failed ({node.ExitCode}): {errors}");
        }

        File.Copy(Path.Combine(pages, "plain.html"), Path.Combine(site, "plain.html"));
        var template = await File.ReadAllTextAsync(Path.Combine(pages, "page.html"));
        await File.WriteAllTextAsync(Path.Combine(site, "codemirror.html"), template.Replace("SCRIPT", "codemirror.bundle.js", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(site, "padhub.html"), template.Replace("SCRIPT", "padhub.bundle.js", StringComparison.Ordinal));
    }

    // A fresh context per page and run: nothing cached, nothing left from the page before.
    private static async Task<Dictionary<string, double>> MeasureAsync(IBrowser browser, Uri page, int warmupKeys, int keys, int keyDelay)
    {
        await using var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        var content = tab.Locator(".cm-content");
        await content.WaitForAsync();
        await content.ClickAsync();
        await tab.Keyboard.PressAsync("Control+End");
        var typed = new StringBuilder();
        for (var i = 0; i < warmupKeys; i++)
        {
            await TypeAsync(tab, typed, i, keyDelay);
        }

        var cdp = await context.NewCDPSessionAsync(tab);
        await cdp.SendAsync("Performance.enable");
        var before = await PageMetrics.ReadAsync(cdp);
        for (var i = warmupKeys; i < warmupKeys + keys; i++)
        {
            await TypeAsync(tab, typed, i, keyDelay);
        }

        var after = await PageMetrics.ReadAsync(cdp);
        // Every keystroke must be in the editor: a page that dropped keys would look cheaper than it is.
        var text = await content.InnerTextAsync();
        if (!text.Replace("\n", "", StringComparison.Ordinal).EndsWith("A> " + typed, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page}: the editor does not end with what was typed.");
        }

        var used = PageMetrics.Subtract(after, before);
        return Metrics.ToDictionary(m => m, m => used[m] * (m.EndsWith("Count", StringComparison.Ordinal) ? 1 : 1000) / keys, StringComparer.Ordinal);
    }

    private static async Task TypeAsync(IPage tab, StringBuilder typed, int i, int keyDelay)
    {
        var key = (char)('a' + i % 26);
        typed.Append(key);
        await tab.Keyboard.TypeAsync(key.ToString());
        await Task.Delay(keyDelay);
    }
}
