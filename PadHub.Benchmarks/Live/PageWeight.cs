using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// Loads a page in a fresh browser context (empty cache) at a phone's width and records its network traffic through
/// CDP's Network domain until the page is interactive and no request has started for a second.
/// </summary>
internal static class PageWeight
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private sealed class Entry
    {
        public Uri? Url;
        public int Status;
        public string Encoding = "";
        public long Transferred;
        public long Decoded;
        public bool Done;
    }

    public static async Task<PageLoad> LoadAsync(IBrowser browser, Uri url, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var gate = new Lock();
        var acceptEncoding = "";
        long webSocket = 0;
        var lastStart = Stopwatch.StartNew();

        Entry At(JsonElement e)
        {
            var id = e.GetProperty("requestId").GetString()!;
            if (!entries.TryGetValue(id, out var entry))
            {
                entries[id] = entry = new Entry();
            }

            return entry;
        }

        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                At(e!.Value).Url = new Uri(e.Value.GetProperty("request").GetProperty("url").GetString()!);
                lastStart.Restart();
            }
        };
        cdp.Event("Network.requestWillBeSentExtraInfo").OnEvent += (_, e) =>
        {
            // The headers Chromium really sent (the Accept-Encoding it offers depends on the scheme).
            if (e!.Value.GetProperty("headers").TryGetProperty("Accept-Encoding", out var value)
                || e.Value.GetProperty("headers").TryGetProperty("accept-encoding", out value))
            {
                lock (gate)
                {
                    acceptEncoding = value.GetString() ?? "";
                }
            }
        };
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var encoding = "";
            foreach (var header in response.GetProperty("headers").EnumerateObject())
            {
                if (header.Name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    encoding = header.Value.GetString() ?? "";
                }
            }

            lock (gate)
            {
                var entry = At(e.Value);
                entry.Status = response.GetProperty("status").GetInt32();
                entry.Encoding = encoding;
            }
        };
        cdp.Event("Network.dataReceived").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                At(e!.Value).Decoded += e.Value.GetProperty("dataLength").GetInt64();
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                var entry = At(e!.Value);
                entry.Transferred = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
                entry.Done = true;
            }
        };
        cdp.Event("Network.loadingFailed").OnEvent += (_, e) =>
        {
            lock (gate)
            {
                At(e!.Value).Done = true;
            }
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            var frame = e!.Value.GetProperty("response");
            var payload = frame.GetProperty("payloadData").GetString() ?? "";
            // Binary frames (opcode 2) come base64-encoded.
            var bytes = frame.GetProperty("opcode").GetInt32() == 2 ? payload.Length / 4 * 3 - payload.Count(c => c == '=') : payload.Length;
            Interlocked.Add(ref webSocket, bytes);
        };
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new() { ["cacheDisabled"] = true });

        await page.GotoAsync(url.ToString());
        await page.Locator("[data-interactive='true']").First.WaitForAsync();
        // Modules imported once interactive (the live Markdown's, the connection banner's) count too: wait until every
        // request has finished and none has started for a while.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                if (lastStart.Elapsed > Quiet && entries.Values.All(e => e.Done || e.Url?.Scheme is "ws" or "wss"))
                {
                    break;
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        lock (gate)
        {
            var resources = entries.Values
                .Where(e => e.Done && e.Url is { Scheme: "http" or "https" })
                .Select(e => new PageResource(e.Url!, e.Status, e.Encoding, e.Transferred, e.Decoded))
                .ToList();
            return new PageLoad(resources, acceptEncoding, Interlocked.Read(ref webSocket));
        }
    }
}
