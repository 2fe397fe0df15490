using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Pads;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The editor page in Chromium against the test-only in-memory pad service (the real authority replaces it later):
/// typing reaches the server, a second participant sees it live, and a reload replays unacknowledged edits once.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PadEditorPageTests : IAsyncLifetime
{
    private readonly ChromiumFixture _chromium;
    private readonly InMemoryPadSessionService _pads = new();
    private readonly PadHubServerFactory _server;
    private readonly List<IBrowserContext> _browsers = [];

    public PadEditorPageTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
        var pads = _pads;
        _server = new PadHubServerFactory(configureServices: services => services.AddSingleton<IPadSessionService>(pads));
    }

    public Task InitializeAsync()
    {
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers)
        {
            await browser.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    private async Task<IPage> OpenEditorAsync(string? rememberedName)
    {
        var browser = await _chromium.NewContextAsync();
        _browsers.Add(browser);
        if (rememberedName is not null)
        {
            await browser.AddInitScriptAsync($"localStorage.setItem('padhub.name', '{rememberedName}')");
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_server.ServerAddress, "p/" + InMemoryPadSessionService.EditToken).ToString());
        return page;
    }

    private static async Task WaitForEditorAsync(IPage page) =>
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-interactive", "true");

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        // Opt-in, for looking at the page: PADHUB_SCREENSHOTS=/some/dir ./test.sh
        if (Environment.GetEnvironmentVariable("PADHUB_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Resync_HistoryLongerThanOnePage_FollowsThePagesToTheHead()
    {
        _pads.HistoryPageSize = 2;
        var page = await OpenEditorAsync(rememberedName: "Ada");
        await WaitForEditorAsync(page);

        // Five operations the page never hears of live, then the server's "resync": the history comes in three pages.
        _pads.DropDeliveries = true;
        foreach (var word in new[] { "one ", "two ", "three ", "four ", "five" })
        {
            await _pads.CommitFromElsewhereAsync(word);
        }

        await _pads.RequestResyncAsync();

        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-revision", "5");
        Assert.Equal("one two three four five", await page.EvaluateAsync<string>("() => document.querySelector('.cm-content').innerText"));
        Assert.True(_pads.HistoryPagesServed >= 3, $"{_pads.HistoryPagesServed} history pages served");
    }

    [Fact]
    public async Task Type_FirstVisitThenTwoParticipants_TextSavedAndSeenLive()
    {
        var ada = await OpenEditorAsync(rememberedName: null);
        await ada.Locator("#padhub-name").FillAsync("Ada");
        await ada.Locator("#padhub-join").ClickAsync();
        await WaitForEditorAsync(ada);
        var grace = await OpenEditorAsync(rememberedName: "Grace");
        await WaitForEditorAsync(grace);

        await ada.Locator(".cm-content").ClickAsync();
        await ada.Keyboard.TypeAsync("# Group A\n\nWe found **three** things.");

        var adaEditor = ada.Locator(".padhub-editor");
        await Expect(adaEditor).ToHaveAttributeAsync("data-sync-state", "saved");
        Assert.Equal("# Group A\n\nWe found **three** things.", _pads.Text);
        await Expect(adaEditor).ToHaveAttributeAsync("data-revision", _pads.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(grace.Locator(".cm-content")).ToHaveTextAsync("# Group AWe found **three** things.");
        await Expect(grace.Locator(".padhub-remote-caret")).ToHaveAttributeAsync("data-name", "Ada");
        await Expect(grace.Locator(".padhub-participant")).ToHaveCountAsync(2);

        await grace.Locator(".cm-content").ClickAsync();
        await grace.Keyboard.PressAsync("Control+End");
        await grace.Keyboard.TypeAsync("\n- and a fourth");
        await Expect(grace.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saved");
        await Expect(ada.Locator(".cm-content")).ToContainTextAsync("- and a fourth");
        await ScreenshotAsync(ada, "editor-ada");
        await ScreenshotAsync(grace, "editor-grace");
    }

    [Fact]
    public async Task Reload_AcknowledgementLost_ReplaysUnderSameSeqWithoutDoubling()
    {
        var page = await OpenEditorAsync(rememberedName: "Ada");
        await WaitForEditorAsync(page);
        _pads.SwallowAcknowledgements = true;

        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("kept once");
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saving");
        // The first keystroke was committed but never acknowledged; the rest wait in the browser's buffer.
        _pads.SwallowAcknowledgements = false;
        await page.ReloadAsync();

        await WaitForEditorAsync(page);
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saved");
        Assert.Equal("kept once", _pads.Text);
        await Expect(page.Locator(".cm-content")).ToHaveTextAsync("kept once");
    }

    [Fact]
    public async Task Type_WhileCircuitDisconnected_KeepsEditingAndSyncsAfterReconnect()
    {
        var page = await OpenEditorAsync(rememberedName: "Ada");
        // The circuit's WebSocket goes through a route the test can cut, and refuse while "offline".
        var offline = false;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            if (offline)
            {
                _ = ws.CloseAsync();
                return;
            }

            circuit = ws;
            ws.ConnectToServer();
        });
        // Refusing negotiate keeps SignalR from falling back to another transport while "offline".
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/_blazor"), route => offline ? route.AbortAsync() : route.ContinueAsync());
        await page.ReloadAsync();
        await WaitForEditorAsync(page);
        var editor = page.Locator(".padhub-editor");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("online ");
        await Expect(editor).ToHaveAttributeAsync("data-sync-state", "saved");

        offline = true;
        await circuit!.CloseAsync();
        await Expect(editor).ToHaveAttributeAsync("data-sync-state", "offline");
        await page.Keyboard.TypeAsync("then offline");
        await Expect(page.Locator(".padhub-sync")).ToContainTextAsync("edits waiting");
        await ScreenshotAsync(page, "editor-offline");
        Assert.Equal("online ", _pads.Text);

        offline = false;
        await Expect(editor).ToHaveAttributeAsync("data-sync-state", "saved", new() { Timeout = 60_000 });
        Assert.Equal("online then offline", _pads.Text);
    }

    [Fact]
    public async Task Open_UnknownToken_ShowsLinkNotValid()
    {
        var browser = await _chromium.NewContextAsync();
        _browsers.Add(browser);
        await browser.AddInitScriptAsync("localStorage.setItem('padhub.name', 'Ada')");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(_server.ServerAddress, "p/not-a-token").ToString());

        await Expect(page.Locator(".padhub-link-invalid")).ToContainTextAsync("This link is not valid");
    }
}
