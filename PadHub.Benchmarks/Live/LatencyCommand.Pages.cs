using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

// The editor pages: opening them, typing, reading their line, their metrics and their clocks.
internal static partial class LatencyCommand
{
    private static string PerOperation(string what, Dictionary<string, double> used, int operations) => string.Create(CultureInfo.InvariantCulture,
        $"main thread, {what}: CPU {used["ThreadTime"] * 1000 / operations:F2} ms, tasks {used["TaskDuration"] * 1000 / operations:F2} ms (script {used["ScriptDuration"] * 1000 / operations:F2}, style {used["RecalcStyleDuration"] * 1000 / operations:F2}, layout {used["LayoutDuration"] * 1000 / operations:F2}); {used["RecalcStyleCount"] / operations:F2} style recalculations and {used["LayoutCount"] / operations:F2} layouts");

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
        "(prefix) => [...(document.querySelector('.padhub-editor .padhub-cm')?.shadowRoot ?? document).querySelectorAll('.cm-line')].map(l => l.textContent).find(t => t.startsWith(prefix)) ?? ''",
        PagePrefix);
    // The editor's revision (data-revision): how many operations the page has applied so far.
    private static async Task<int> RevisionAsync(IPage page) =>
        int.Parse(await page.Locator(".padhub-editor").GetAttributeAsync("data-revision") ?? "0", CultureInfo.InvariantCulture);

    private static async Task<IPage> OpenEditorAsync(IBrowser browser, Uri server, string editToken, string name, List<string>? rejections)
    {
        // A context per participant: its own storage, so its own client id and circuit.
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync($"localStorage.setItem('padhub.name', '{name}')");
        await context.AddInitScriptAsync(LatencyProbes.FrameProbe);
        // PADHUB_LATENCY_INIT_SCRIPT=FILE: a script run in both pages before the page's own (experiments: a style
        // switched off, a feature stubbed), so one run can be compared with another side by side.
        if (Environment.GetEnvironmentVariable("PADHUB_LATENCY_INIT_SCRIPT") is { Length: > 0 } initScript)
        {
            await context.AddInitScriptAsync(await File.ReadAllTextAsync(initScript));
        }

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
}
