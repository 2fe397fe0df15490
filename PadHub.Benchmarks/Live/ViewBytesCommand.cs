using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PadHub.Benchmarks.Runners;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>viewbytes</c>: what one keystroke costs each live viewer on the wire. A session is created through
/// <c>POST /api/sessions</c>; group 1's pad is filled to the chosen size by a hub client holding the group's note-taker
/// link, which then types keystrokes one by one. The audience page (<c>/a/{token}</c>, phone viewport) and the moderator's
/// dashboard (<c>/m/{token}</c>) are open in Chromium meanwhile, and every WebSocket frame the server sends each page is
/// counted (Chrome DevTools Protocol via Playwright). A stand-alone pad, filled the same way, is typed into at the same
/// time by a second hub client holding its edit link, and its read-only page (<c>/v/{token}</c>) is counted too. Goal (issue 4): at most 1 KB per keystroke per viewer, whatever
/// the pad's size.
/// </summary>
internal static class ViewBytesCommand
{
    private const string Usage = """
        viewbytes [--sizes 5,50] [--keys 100] [--key-delay 100] [--at end|middle]
        --sizes: pad sizes in KB, one run each. --key-delay: ms between keystrokes (100 = the views' render throttle,
        so every keystroke can cost a render). Starts a server process (Development) and Debian's /usr/bin/chromium.
        """;

    private const double GoalBytesPerKeystroke = 1024;
    /// <summary>Where the typing line starts in the pad the viewers follow.</summary>
    internal const string Marker = "TYPING-HERE:";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] sizes;
        int keys, keyDelay;
        bool atMiddle;
        try
        {
            var values = CommandLine.Parse(args);
            sizes = values.TryGetValue("sizes", out var s)
                ? [.. s.Split(',').Select(v => CommandLine.Int(v.Trim(), "sizes"))]
                : [5, 50];
            keys = values.TryGetValue("keys", out var k) ? CommandLine.Int(k, "keys") : 100;
            keyDelay = values.TryGetValue("key-delay", out var d) ? CommandLine.Int(d, "key-delay") : 100;
            atMiddle = values.TryGetValue("at", out var at) && at == "middle"
                || (at is not null && at != "end" ? throw new ArgumentException("--at must be end or middle.") : false);
            if (keys is < 1 or > 2000 || sizes.Any(size => size is < 1 or > 900))
            {
                throw new ArgumentException("--keys must be 1 to 2,000 and every size 1 to 900 KB.");
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

        Console.WriteLine($"# PadHub bytes per keystroke per live viewer, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel}; load average {MachineInfo.LoadAverage}");
        Console.WriteLine($"{keys} keystrokes per run, one every {keyDelay} ms, typed at the {(atMiddle ? "middle" : "end")} of group 1's pad by a hub client");
        Console.WriteLine();
        Console.WriteLine("| pad size | viewer | bytes server -> page while typing | frames | bytes per keystroke | page -> server per keystroke |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");

        var worst = 0.0;
        foreach (var size in sizes)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120) + TimeSpan.FromMilliseconds(keys * (keyDelay + 300.0)));
            var results = await MeasureAsync(size * 1024, keys, keyDelay, atMiddle, timeout.Token);
            foreach (var result in results)
            {
                var perKey = (double)result.Received / keys;
                worst = Math.Max(worst, perKey);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} KB | {result.Viewer} | {result.Received:N0} | {result.Frames:N0} | {perKey:F0} | {(double)result.Sent / keys:F0} |"));
            }
        }

        Console.WriteLine();
        var met = worst <= GoalBytesPerKeystroke;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target: <= 1 KB per keystroke per viewer whatever the pad's size: {(met ? "met" : "missed")} (worst {worst:F0} bytes)."));
        return met ? 0 : 1;
    }

    private static async Task<IReadOnlyList<ViewerResult>> MeasureAsync(int padBytes, int keys, int keyDelay, bool atMiddle, CancellationToken cancellationToken)
    {
        var (server, pad) = await ServerProcess.StartAsync("", "Development", new Dictionary<string, string> { ["PadHub__SeedDemo"] = "false" }, cancellationToken);
        try
        {
            var session = await CreateSessionAsync(server, cancellationToken);
            var group = session.GetProperty("groups")[0];
            var padId = group.GetProperty("padId").GetString()!;
            await using var typist = await HubTypist.JoinAsync(server.Url, padId, group.GetProperty("noteTakerToken").GetString()!, cancellationToken);
            await typist.FillAsync(padBytes, atMiddle, cancellationToken);
            await using var padTypist = await HubTypist.JoinAsync(server.Url, pad.PadId, pad.EditToken, cancellationToken);
            await padTypist.FillAsync(padBytes, atMiddle, cancellationToken);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchmarkChromium.LaunchAsync(playwright);

            var audience = await OpenAsync(browser, new Uri(server.Url, "a/" + session.GetProperty("audienceToken").GetString()),
                new ViewportSize { Width = 390, Height = 844 }, "audience page (390 px, all groups)", cancellationToken);
            var dashboard = await OpenAsync(browser, new Uri(server.Url, "m/" + session.GetProperty("moderatorToken").GetString()),
                new ViewportSize { Width = 1366, Height = 768 }, "moderator dashboard (1366 px, 3 groups)", cancellationToken);
            var padView = await OpenAsync(browser, new Uri(server.Url, "v/" + pad.ViewToken),
                new ViewportSize { Width = 1366, Height = 768 }, "pad view page /v/ (1366 px, stand-alone pad)", cancellationToken);
            var viewers = new[] { audience, dashboard, padView };

            // Both pages show the filled pad, then stay quiet: only what the keystrokes cause is counted.
            await WaitForTextAsync(audience, Marker);
            await WaitForTextAsync(padView, Marker);
            await Task.WhenAll(viewers.Select(v => v.WaitQuietAsync(TimeSpan.FromSeconds(1.5), cancellationToken)));
            foreach (var viewer in viewers)
            {
                viewer.Reset();
            }

            var typing = await Task.WhenAll(typist.TypeAsync(keys, keyDelay, cancellationToken), padTypist.TypeAsync(keys, keyDelay, cancellationToken));
            var typed = typing[0];
            await WaitForTextAsync(audience, Marker + typed.TrimEnd()); // innerText drops a trailing space
            await WaitForTextAsync(padView, Marker + typed.TrimEnd());
            await Task.WhenAll(viewers.Select(v => v.WaitQuietAsync(TimeSpan.FromSeconds(1.5), cancellationToken)));
            return [.. viewers.Select(v => v.Result())];
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Waits (30 s at most) until the page shows <paramref name="text"/>; on timeout says what it shows instead.</summary>
    private static async Task WaitForTextAsync(CountedViewer viewer, string text)
    {
        try
        {
            await viewer.Page.WaitForFunctionAsync("t => document.body.innerText.includes(t)", text, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var shown = await viewer.Page.EvaluateAsync<string>("() => document.body.innerText");
            var screenshot = Path.Combine(Path.GetTempPath(), $"padhub-viewbytes-{Environment.ProcessId}.png");
            await viewer.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
            throw new TimeoutException(
                $"The {viewer.Name} did not show '{text[..Math.Min(text.Length, 60)]}' within 30 s. It shows {shown.Length} characters, ending: " +
                $"'{shown[Math.Max(0, shown.Length - 300)..]}'; before 'Group 2: ': '{Before(shown, "Group 2: ")}'. Screenshot: {screenshot}");
        }
    }

    private static string Before(string shown, string anchor)
    {
        var at = shown.IndexOf(anchor, StringComparison.Ordinal);
        return at < 0 ? "(not shown)" : shown[Math.Max(0, at - 400)..at];
    }

    /// <summary>A three-group session through <c>POST /api/sessions</c>: its links (<c>audienceUrl</c>, ...) as the API answers.</summary>
    internal static async Task<JsonElement> CreateSessionAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/sessions")
        {
            Content = JsonContent.Create(new
            {
                title = "Bytes per keystroke",
                description = "viewbytes benchmark",
                groups = new[]
                {
                    new { name = "Group 1", topic = "The measured pad", animators = (string[])["Ada"] },
                    new { name = "Group 2", topic = "A quiet pad", animators = (string[])["Grace"] },
                    new { name = "Group 3", topic = "Another quiet pad", animators = (string[])["Linus"] },
                },
            }),
        };
        request.Headers.Add("X-Api-Key", server.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/sessions answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<CountedViewer> OpenAsync(IBrowser browser, Uri url, ViewportSize viewport, string name, CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport });
        var page = await context.NewPageAsync();
        var viewer = new CountedViewer(name, page);
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                viewer.Count(received: FrameBytes(frame));
                if (Environment.GetEnvironmentVariable("PADHUB_VIEWBYTES_DUMP") == "1" && viewer.Result().Frames is > 40 and < 44)
                {
                    var bytes = frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? "");
                    Console.WriteLine($"{name} frame ({bytes.Length} B): " + new string([.. bytes.Select(b => b is >= 32 and < 127 ? (char)b : '.')]));
                }
            };
            socket.FrameSent += (_, frame) => viewer.Count(sent: FrameBytes(frame));
        };
        await page.GotoAsync(url.ToString());
        cancellationToken.ThrowIfCancellationRequested();
        return viewer;
    }

    private static int FrameBytes(IWebSocketFrame frame) =>
        frame.Binary is { } bytes ? bytes.Length : Encoding.UTF8.GetByteCount(frame.Text ?? "");
}
