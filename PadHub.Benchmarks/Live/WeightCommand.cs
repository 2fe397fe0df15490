using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>weight</c>: what a phone downloads to open the audience page <c>/a/{token}</c> on a cold cache, from a PUBLISHED
/// build (the build output outside Development serves no static assets; only a publish has the Brotli copies).
/// Chromium at 360 px, a fresh context per run (empty cache), CDP's Network domain: per HTTP resource, the bytes on the
/// wire (<c>Network.loadingFinished.encodedDataLength</c>: headers and body as transferred, DevTools' "transferred")
/// and its Content-Encoding, as Chromium asks for it (its own Accept-Encoding, printed).
/// </summary>
internal static class WeightCommand
{
    private const string Usage = """
        weight --published DIR [--runs 3] [--goal-kb 250]
        DIR: the output of `dotnet publish PadHub.Server -c Release -o DIR`. Starts DIR/PadHub.Server.dll (Production) and
        Debian's /usr/bin/chromium; never downloads a browser. Bounded: 60 s per run.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string dll;
        int runs, goalKb;
        try
        {
            var values = CommandLine.Parse(args);
            dll = values.TryGetValue("published", out var dir)
                ? Path.Combine(Path.GetFullPath(dir), "PadHub.Server.dll")
                : throw new ArgumentException("--published DIR is required (a `dotnet publish PadHub.Server -c Release -o DIR` output).");
            if (!File.Exists(dll))
            {
                throw new ArgumentException($"{dll} does not exist: publish PadHub.Server there first.");
            }

            runs = values.TryGetValue("runs", out var r) ? CommandLine.Int(r, "runs") : 3;
            goalKb = values.TryGetValue("goal-kb", out var g) ? CommandLine.Int(g, "goal-kb") : 250;
            if (runs is < 1 or > 20)
            {
                throw new ArgumentException("--runs must be 1 to 20.");
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

        Console.WriteLine($"# PadHub audience page weight, cold cache, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"server: {dll} (Production)");
        using var setup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (server, _) = await ServerProcess.StartAsync("", "Production", new Dictionary<string, string>(), setup.Token, dll);
        try
        {
            var session = await ViewBytesCommand.CreateSessionAsync(server, setup.Token);
            var audienceUrl = new Uri(session.GetProperty("audienceUrl").GetString()!);
            var token = audienceUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright);
            var totals = new List<long>();
            for (var run = 1; run <= runs; run++)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var loaded = await PageWeight.LoadAsync(browser, audienceUrl, timeout.Token);
                totals.Add(loaded.Transferred);
                if (run == 1)
                {
                    Print(loaded, token);
                }
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runs: {string.Join(", ", totals.Select(t => $"{t / 1024.0:F1} KB"))} transferred over HTTP (goal: under {goalKb} KB)"));
            return totals.Max() < goalKb * 1024L ? 0 : 1;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static void Print(PageLoad loaded, string token)
    {
        Console.WriteLine($"Chromium's Accept-Encoding: {loaded.AcceptEncoding}");
        Console.WriteLine();
        Console.WriteLine("| resource | status | Content-Encoding | transferred | body (decoded) |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        foreach (var r in loaded.Resources.OrderByDescending(r => r.Transferred))
        {
            // The audience token is a capability: never printed.
            var path = r.Url.AbsolutePath.Replace(token, "{token}", StringComparison.Ordinal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{path}` | {r.Status} | {(r.Encoding.Length == 0 ? "none" : r.Encoding)} | {r.Transferred:N0} B | {r.Decoded:N0} B |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **total over HTTP ({loaded.Resources.Count} requests)** | | | **{loaded.Transferred:N0} B ({loaded.Transferred / 1024.0:F1} KB)** | {loaded.Resources.Sum(r => r.Decoded):N0} B |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| the circuit's WebSocket meanwhile (frames received, payloads) | | | {loaded.WebSocketReceived:N0} B | |"));
    }
}
