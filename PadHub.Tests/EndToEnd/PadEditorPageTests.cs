using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Pads;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The editor page in Chromium against the test-only in-memory pad service (the real authority replaces it later):
/// typing reaches the server, a second participant sees it live, and a reload replays unacknowledged edits once.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PadEditorPageTests : BrowserTest
{
    private readonly InMemoryPadSessionService _pads;

    public PadEditorPageTests(ChromiumFixture chromium)
        : this(chromium, new InMemoryPadSessionService())
    {
    }

    private PadEditorPageTests(ChromiumFixture chromium, InMemoryPadSessionService pads)
        : base(chromium, new PadHubServerFactory(configureServices: services => services.AddSingleton<IPadSessionService>(pads)))
    {
        _pads = pads;
    }

    private async Task<IPage> OpenEditorAsync(string? rememberedName)
    {
        var browser = await NewBrowserAsync(rememberedName);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("p/" + InMemoryPadSessionService.EditToken));
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) => StoredPads.ScreenshotAsync(page, name);

    [Fact]
    public async Task Resync_HistoryLongerThanOnePage_FollowsThePagesToTheHead()
    {
        _pads.HistoryPageSize = 2;
        var page = await OpenEditorAsync(rememberedName: "Ada");
        await WaitInteractiveAsync(page);

        // Five operations the page never hears of live, then the server's "resync": the history comes in three pages.
        _pads.DropDeliveries = true;
        foreach (var word in new[] { "one ", "two ", "three ", "four ", "five" })
        {
            await _pads.CommitFromElsewhereAsync(word);
        }

        await _pads.RequestResyncAsync();

        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-revision", "5");
        Assert.Equal("one two three four five", await page.Locator(".cm-content").InnerTextAsync());
        Assert.True(_pads.HistoryPagesServed >= 3, $"{_pads.HistoryPagesServed} history pages served");
    }

    [Fact]
    public async Task Type_FirstVisitThenTwoParticipants_TextSavedAndSeenLive()
    {
        var ada = await OpenEditorAsync(rememberedName: null);
        await ada.Locator("#padhub-name").FillAsync("Ada");
        await ada.Locator("#padhub-join").ClickAsync();
        await WaitInteractiveAsync(ada);
        var grace = await OpenEditorAsync(rememberedName: "Grace");
        await WaitInteractiveAsync(grace);

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
    public async Task Join_NameTypedAndEnterPressedBeforeThePageHearsBack_Joins()
    {
        var browser = await NewBrowserAsync(rememberedName: null);
        var page = await browser.NewPageAsync();
        // What the server sends the page over the circuit can be held back, as on a slow link or a busy server: the
        // page then still shows what it rendered before the name was typed.
        var held = new List<IWebSocketFrame>();
        var holding = false;
        IWebSocketRoute? toPage = null;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            toPage = ws;
            ws.ConnectToServer().OnMessage(frame =>
            {
                lock (held)
                {
                    if (holding)
                    {
                        held.Add(frame);
                        return;
                    }
                }

                Forward(ws, frame);
            });
        });
        await page.GotoAsync(Url("p/" + InMemoryPadSessionService.EditToken));
        await Expect(page.Locator("#padhub-name")).ToBeFocusedAsync();

        lock (held)
        {
            holding = true;
        }

        await page.Keyboard.TypeAsync("Ada");
        await page.Keyboard.PressAsync("Enter");
        lock (held)
        {
            holding = false;
            held.ForEach(frame => Forward(toPage!, frame));
        }

        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".padhub-participant")).ToContainTextAsync("Ada");
    }

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
        else
        {
            to.Send(frame.Text!);
        }
    }

    [Fact]
    public async Task Reload_AcknowledgementLost_ReplaysUnderSameSeqWithoutDoubling()
    {
        var page = await OpenEditorAsync(rememberedName: "Ada");
        await WaitInteractiveAsync(page);
        _pads.SwallowAcknowledgements = true;

        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("kept once");
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saving");
        // The first keystroke was committed but never acknowledged; the rest wait in the browser's buffer.
        _pads.SwallowAcknowledgements = false;
        await page.ReloadAsync();

        await WaitInteractiveAsync(page);
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
        await WaitInteractiveAsync(page);
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
        var browser = await NewBrowserAsync("Ada");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(Url("p/not-a-token"));

        await Expect(page.Locator(".padhub-link-invalid")).ToContainTextAsync("This link is not valid");
    }
}
