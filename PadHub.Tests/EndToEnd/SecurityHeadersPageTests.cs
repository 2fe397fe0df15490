using System.Collections.Concurrent;
using Microsoft.Playwright;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using PadHub.Tests.Server.Sessions;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Every page works under the server's Content-Security-Policy in Chromium (no violation reported), the circuit refuses
/// a large message, and a large paste still reaches the pad (split into small operations) under the circuit's small limit.
/// </summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class SecurityHeadersPageTests(ChromiumFixture chromium)
    // The smallest circuit limit the options allow, so that the paste below is well over it.
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:Limits:CircuitMessageBytes"] = "32768" }))
{
    // Collects CSP violations the page itself sees (the console carries the browser's own reports too).
    private const string ViolationListener =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    private readonly ConcurrentQueue<string> _violations = new();

    [Fact]
    public async Task Pages_UnderTheContentSecurityPolicy_WorkWithNoViolation()
    {
        var pad = await Store.CreatePadAsync("# Notes\n");
        var session = await Server.CreateSessionAsync(groups: 2);

        var home = await OpenAsync("/");
        await Expect(home.Locator("[data-interactive=true]")).ToBeVisibleAsync();
        await home.Locator("#check-server").ClickAsync();
        await Expect(home.Locator("#server-status")).ToBeVisibleAsync();
        await AssertNoViolationAsync(home, "home");

        var editor = await OpenAsync("/p/" + pad.EditToken, rememberedName: "Ada");
        await Expect(editor.Locator(".padhub-editor")).ToHaveAttributeAsync("data-interactive", "true");
        await editor.Locator(".cm-content").ClickAsync();
        await editor.Keyboard.PressAsync("Control+End");
        await editor.Keyboard.TypeAsync("typed under the policy");
        await Expect(editor.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saved");
        await AssertNoViolationAsync(editor, "editor");

        var viewer = await OpenAsync("/v/" + pad.ViewToken);
        await Expect(viewer.Locator(".padhub-viewer")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(viewer.Locator("body")).ToContainTextAsync("typed under the policy");
        await AssertNoViolationAsync(viewer, "viewer");

        var dashboard = await OpenAsync(SessionRoutes.Dashboard(session.ModeratorToken));
        await Expect(dashboard.Locator("[data-group-pane]")).ToHaveCountAsync(2);
        await AssertNoViolationAsync(dashboard, "dashboard");

        var audience = await OpenAsync(SessionRoutes.Audience(session.AudienceToken));
        await Expect(audience.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        await Expect(audience.Locator("[data-group-pane]")).ToHaveCountAsync(2);
        await AssertNoViolationAsync(audience, "audience");

        var share = await OpenAsync(SessionRoutes.Share(session.ModeratorToken));
        // Moderator, audience, two note-takers and the results link.
        await Expect(share.Locator("[data-share-link]")).ToHaveCountAsync(5);
        await Expect(share.Locator("[data-share-link] svg").First).ToBeVisibleAsync();
        await AssertNoViolationAsync(share, "share");

        var plenary = await OpenAsync(SessionRoutes.Plenary(session.ModeratorToken));
        await Expect(plenary.Locator("[data-plenary-group]")).ToHaveCountAsync(2);
        await Expect(plenary.Locator("[data-results-qr] svg")).ToBeVisibleAsync();
        await AssertNoViolationAsync(plenary, "plenary");

        var results = await OpenAsync(SessionRoutes.Results(session.ResultsToken));
        await Expect(results.Locator(".padhub-results")).ToHaveAttributeAsync("data-interactive", "true");
        await AssertNoViolationAsync(results, "results");
    }

    [Fact]
    public async Task Paste_FarOverTheCircuitLimit_CommitsInSmallOperations()
    {
        var pad = await Store.CreatePadAsync("");
        var editor = await OpenAsync("/p/" + pad.EditToken, rememberedName: "Ada");
        await Expect(editor.Locator(".padhub-editor")).ToHaveAttributeAsync("data-interactive", "true");
        await editor.Locator(".cm-content").ClickAsync();
        // Mixed content (2- and 3-byte UTF-8, JSON escapes): about 56 KB of operation JSON, over the 32 KiB limit.
        // (262,144 code units, the largest operation, work the same way but take minutes to type into CodeMirror here.)
        const string unit = "Ünïcødé 漢字 \"quoted\" \\ line\n";
        var paste = string.Concat(Enumerable.Repeat(unit, (40_000 / unit.Length) + 1))[..40_000];

        await editor.Keyboard.InsertTextAsync(paste);

        await Expect(editor.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saved", new() { Timeout = 60_000 });
        var (stored, _) = await StoredPads.LoadAsync(Store, pad.PadId);
        Assert.Equal(paste, stored);
    }

    [Fact]
    public async Task CircuitMessage_LargerThanTheCircuitLimit_ClosesTheConnection()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await OpenAsync("/", beforeNavigation: p => p.WebSocket += (_, socket) => socket.Close += (_, _) => closed.TrySetResult());
        await Expect(page.Locator("[data-interactive=true]")).ToBeVisibleAsync();

        // A small call to a method that does not exist is answered (an error) over a live circuit ...
        var small = await page.EvaluateAsync<string>(Call(1_000));
        Assert.StartsWith("refused:", small, StringComparison.Ordinal);
        Assert.False(closed.Task.IsCompleted, "the circuit's socket closed after a small message");

        // ... a 200 kB one is never read: the server closes the circuit's connection.
        _ = page.EvaluateAsync<string>(Call(200_000));
        await closed.Task.WaitAsync(TimeSpan.FromMilliseconds(ChromiumFixture.TimeoutMs));
    }

    private static string Call(int length) =>
        $"() => DotNet.invokeMethodAsync('PadHub.Components', 'NoSuchMethod', 'x'.repeat({length})).then(() => 'answered', e => 'refused: ' + e.message)";

    private async Task<IPage> OpenAsync(string path, string? rememberedName = null, Action<IPage>? beforeNavigation = null)
    {
        var browser = await NewBrowserAsync(rememberedName);
        await browser.AddInitScriptAsync(ViolationListener);

        var page = await browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Enqueue($"{path}: {message.Text}");
            }
        };
        beforeNavigation?.Invoke(page);
        var response = await page.GotoAsync(Url(path));
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("script-src 'self' 'nonce-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        return page;
    }

    private async Task AssertNoViolationAsync(IPage page, string name)
    {
        var seen = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(seen.Length == 0 && _violations.IsEmpty,
            $"{name}: CSP violations: {string.Join(" | ", seen)} {string.Join(" | ", _violations)}");
    }
}
