using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// <c>viewbytes</c>: what one keystroke costs each live viewer on the wire. A session is created through
/// <c>POST /api/sessions</c>; group 1's pad is filled to the chosen size by a hub client holding the group's note-taker
/// link, which then types keystrokes one by one. The audience page (<c>/a/{token}</c>, phone viewport) and the moderator's
/// dashboard (<c>/m/{token}</c>) are open in Chromium meanwhile, and every WebSocket frame the server sends each page is
/// counted (Chrome DevTools Protocol via Playwright). Goal (issue 4): at most 1 KB per keystroke per viewer, whatever
/// the pad's size.
/// </summary>
internal static class ViewBytesCommand
{
    private const string Usage = """
        viewbytes [--sizes 5,50] [--keys 100] [--key-delay 100] [--at end|middle]
        --sizes: pad sizes in KB, one run each. --key-delay: ms between keystrokes (100 = the views' render throttle,
        so every keystroke can cost a render). Starts a server process (Development) and Debian's /usr/bin/chromium.
        """;

    private const string ChromiumPath = LatencyCommand.ChromiumPath;
    private const double GoalBytesPerKeystroke = 1024;
    private const string Marker = "TYPING-HERE:";

    private static readonly string[] ChromiumArgs = LatencyCommand.ChromiumArgs;

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
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"{ChromiumPath} is missing: apt-get update && apt-get install -y chromium");
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
        var (server, _) = await ServerProcess.StartAsync("", "Development", new Dictionary<string, string> { ["PadHub__SeedDemo"] = "false" }, cancellationToken);
        try
        {
            var session = await CreateSessionAsync(server, cancellationToken);
            var group = session.GetProperty("groups")[0];
            var padId = group.GetProperty("padId").GetString()!;
            await using var typist = await HubTypist.JoinAsync(server.Url, padId, group.GetProperty("noteTakerToken").GetString()!, cancellationToken);
            await typist.FillAsync(padBytes, atMiddle, cancellationToken);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });

            var audience = await OpenAsync(browser, new Uri(server.Url, "a/" + session.GetProperty("audienceToken").GetString()),
                new ViewportSize { Width = 390, Height = 844 }, "audience page (390 px, all groups)", cancellationToken);
            var dashboard = await OpenAsync(browser, new Uri(server.Url, "m/" + session.GetProperty("moderatorToken").GetString()),
                new ViewportSize { Width = 1366, Height = 768 }, "moderator dashboard (1366 px, 3 groups)", cancellationToken);
            var viewers = new[] { audience, dashboard };

            // Both pages show the filled pad, then stay quiet: only what the keystrokes cause is counted.
            await WaitForTextAsync(audience, Marker);
            await Task.WhenAll(viewers.Select(v => v.WaitQuietAsync(TimeSpan.FromSeconds(1.5), cancellationToken)));
            foreach (var viewer in viewers)
            {
                viewer.Reset();
            }

            var typed = await typist.TypeAsync(keys, keyDelay, cancellationToken);
            await WaitForTextAsync(audience, Marker + typed.TrimEnd()); // innerText drops a trailing space
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

    private static async Task<JsonElement> CreateSessionAsync(ServerProcess server, CancellationToken cancellationToken)
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

    private sealed record ViewerResult(string Viewer, long Received, long Sent, int Frames);

    private sealed class CountedViewer(string name, IPage page)
    {
        public string Name { get; } = name;

        private readonly Lock _gate = new();
        private long _received;
        private long _sent;
        private int _frames;
        private long _lastFrameAt = Stopwatch.GetTimestamp();

        public IPage Page { get; } = page;

        public void Count(int received = 0, int sent = 0)
        {
            lock (_gate)
            {
                _received += received;
                _sent += sent;
                _frames += received > 0 ? 1 : 0;
                _lastFrameAt = Stopwatch.GetTimestamp();
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _received = _sent = _frames = 0;
            }
        }

        public ViewerResult Result()
        {
            lock (_gate)
            {
                return new ViewerResult(Name, _received, _sent, _frames);
            }
        }

        /// <summary>Waits until no frame moved for <paramref name="quiet"/> (bounded: 30 s).</summary>
        public async Task WaitQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                long last;
                lock (_gate)
                {
                    last = _lastFrameAt;
                }

                if (Stopwatch.GetElapsedTime(last) >= quiet)
                {
                    return;
                }

                await Task.Delay(100, cancellationToken);
            }

            throw new TimeoutException($"The {Name} never went quiet for {quiet.TotalSeconds} s (a timer rendering continuously?).");
        }
    }

    /// <summary>A note-taker bot on <c>/hubs/pad</c>: fills the pad, then types one character per Submit, each acknowledged before the next.</summary>
    private sealed class HubTypist(HubConnection connection, string padId, string clientId, int revision, string text) : IAsyncDisposable
    {
        private long _seq;
        private int _revision = revision;
        private string _text = text;
        private int _caret;

        public static async Task<HubTypist> JoinAsync(Uri server, string padId, string token, CancellationToken cancellationToken)
        {
            var connection = HubLoadClient.CreateConnection(server);
            await connection.StartAsync(cancellationToken);
            var clientId = "viewbytes-" + Guid.NewGuid().ToString("N");
            var joined = await connection.InvokeAsync<JsonElement>("Join", new { padId, token, clientId, displayName = "Bytes bot" }, cancellationToken);
            return new HubTypist(connection, padId, clientId, joined.GetProperty("revision").GetInt32(), joined.GetProperty("text").GetString()!);
        }

        /// <summary>Appends Markdown paragraphs until the pad holds <paramref name="padBytes"/>, with the typing line at the end or the middle.</summary>
        public async Task FillAsync(int padBytes, bool atMiddle, CancellationToken cancellationToken)
        {
            var filler = new StringBuilder();
            var paragraph = 0;
            var markerAt = -1;
            while (_text.Length + filler.Length < padBytes)
            {
                if (markerAt < 0 && atMiddle && _text.Length + filler.Length >= padBytes / 2)
                {
                    filler.Append(Marker).Append("\n\n");
                    markerAt = _text.Length + filler.Length - 2;
                }

                paragraph++;
                filler.Append(CultureInfo.InvariantCulture, $"- Point {paragraph}: open data from diverse origins needs shared vocabularies, clear licences and people who maintain it over time.\n");
                if (paragraph % 8 == 0)
                {
                    filler.Append(CultureInfo.InvariantCulture, $"\n### Notes {paragraph / 8}\n\n");
                }
            }

            if (markerAt < 0)
            {
                filler.Append("\n\n").Append(Marker);
                markerAt = _text.Length + filler.Length;
            }

            await SubmitAsync([_text.Length, filler.ToString()], filler.ToString(), _text.Length, cancellationToken);
            _caret = markerAt;
        }

        /// <summary>Types <paramref name="keys"/> characters at the caret; returns them.</summary>
        public async Task<string> TypeAsync(int keys, int keyDelay, CancellationToken cancellationToken)
        {
            const string alphabet = "the quick brown fox jumps over a lazy dog ";
            var typed = new StringBuilder();
            var next = Stopwatch.GetTimestamp();
            for (var i = 0; i < keys; i++)
            {
                var c = alphabet[i % alphabet.Length].ToString();
                await SubmitAsync(Insert(_caret, c), c, _caret, cancellationToken);
                _caret++;
                typed.Append(c);
                next += Stopwatch.Frequency * keyDelay / 1000;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }

            return typed.ToString();
        }

        public async ValueTask DisposeAsync() => await connection.DisposeAsync();

        private object[] Insert(int at, string s) => at == _text.Length ? [at, s] : [at, s, _text.Length - at];

        private async Task SubmitAsync(object[] ops, string inserted, int at, CancellationToken cancellationToken)
        {
            var result = await connection.InvokeAsync<JsonElement>("Submit",
                new { padId, clientId, seq = ++_seq, baseRevision = _revision, ops = ops.Where(o => o is not int n || n != 0).ToArray() },
                cancellationToken);
            _revision = result.GetProperty("revision").GetInt32();
            _text = _text.Insert(at, inserted);
        }
    }
}
