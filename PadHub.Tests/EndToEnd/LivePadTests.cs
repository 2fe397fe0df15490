using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PadHub.Components.Editor;
using PadHub.Core.Operations;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;
using PadHub.Server.Persistence;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The editor and viewer pages in Chromium against the real server (authority, hub, EF Core store on its own SQLite
/// file; nothing replaced). The store is the durable truth every assertion compares with.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class LivePadTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory())
{
    [Fact]
    public async Task Type_TwoPagesConcurrentlyAtSameSpot_BothEndWithStoredText()
    {
        var pad = await Store.CreatePadAsync("Shared line\n");
        var (_, ada) = await OpenEditorAsync(pad.EditToken, "Ada");
        var (_, grace) = await OpenEditorAsync(pad.EditToken, "Grace");
        await CaretToEndAsync(ada);
        await CaretToEndAsync(grace);
        // Disjoint alphabets: each author's keystrokes can be picked out of the merged text, in order.
        const string adaTyped = "alpha bravo charlie delta";
        const string graceTyped = "ZULU-YANKEE-XRAY-WHISKEY";

        await Task.WhenAll(
            ada.Keyboard.TypeAsync(adaTyped, new() { Delay = 25 }),
            grace.Keyboard.TypeAsync(graceTyped, new() { Delay = 25 }));

        await WaitSavedAsync(ada);
        await WaitSavedAsync(grace);
        var (stored, revision) = await StoredAsync(pad.PadId);
        await WaitRevisionAsync(ada, revision);
        await WaitRevisionAsync(grace, revision);
        output.WriteLine($"stored at revision {revision}: {stored}");
        Assert.StartsWith("Shared line\n", stored, StringComparison.Ordinal);
        var merged = stored["Shared line\n".Length..];
        Assert.Equal(adaTyped, new string([.. merged.Where(c => !char.IsUpper(c) && c != '-')]));
        Assert.Equal(graceTyped, new string([.. merged.Where(c => char.IsUpper(c) || c == '-')]));
        Assert.Equal(stored, await EditorTextAsync(ada));
        Assert.Equal(stored, await EditorTextAsync(grace));
    }

    [Fact]
    public async Task Reload_WhileTyping_KeepsEveryKeystrokeExactlyOnce()
    {
        var pad = await Store.CreatePadAsync("");
        var (_, page) = await OpenEditorAsync(pad.EditToken, "Ada");
        await CaretToEndAsync(page);
        const string typed = "every keystroke counts, none twice";
        const int beforeReload = 17;

        // One key at a time, so exactly `beforeReload` keys have reached the editor when the reload starts.
        for (var i = 0; i < beforeReload; i++)
        {
            await page.Keyboard.TypeAsync(typed[i].ToString());
        }

        var stateAtReload = await page.Locator(".padhub-editor").GetAttributeAsync("data-sync-state");
        await page.ReloadAsync();
        output.WriteLine($"sync state when the reload started: {stateAtReload}");

        await WaitInteractiveAsync(page);
        await WaitSavedAsync(page);
        var (afterReload, revision) = await StoredAsync(pad.PadId);
        Assert.Equal(typed[..beforeReload], afterReload);
        await WaitRevisionAsync(page, revision);
        Assert.Equal(afterReload, await EditorTextAsync(page));

        await CaretToEndAsync(page);
        await page.Keyboard.TypeAsync(typed[beforeReload..]);
        await WaitSavedAsync(page);
        Assert.Equal(typed, (await StoredAsync(pad.PadId)).Text);
    }

    [Fact]
    public async Task Reload_StoredEditsMadeOnRevisionsTheServerLost_ReplaysOnlyOwnEditsOnTheServerText()
    {
        // As after a crash of the server's machine between a write and its fsync: this browser saw revisions 1-3
        // (someone typed "LOST "), then made edits on top of them that were never acknowledged; the restarted server
        // is back at revision 0. Planted in the page's storage, since the server never loses a written revision.
        var pad = await Store.CreatePadAsync("Hello world\n");
        var (browser, page) = await OpenEditorAsync(pad.EditToken, "Ada");
        var clientId = await page.EvaluateAsync<string>("() => sessionStorage.getItem('padhub.clientId')");
        var record = $$"""{"v":1,"savedAt":0,"revision":3,"serverText":"Hello LOST world\n","outstanding":{"seq":1,"op":[16,"!",1],"edits":1},"buffer":[18,"?"],"bufferEdits":1}""";
        // Written by an init script of the reloaded page: the leaving page stores its own (empty) state on pagehide.
        await page.EvaluateAsync(
            "([key, value]) => sessionStorage.setItem('test.plant', JSON.stringify({ key, value }))",
            new[] { $"padhub.pending.{pad.PadId}.{clientId}", record });
        await browser.AddInitScriptAsync(
            "const p = sessionStorage.getItem('test.plant'); if (p) { const { key, value } = JSON.parse(p); localStorage.setItem(key, value); sessionStorage.removeItem('test.plant'); }");

        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-revision", "2");
        await WaitSavedAsync(page);

        var (stored, revision) = await StoredAsync(pad.PadId);
        Assert.Equal("Hello world!\n?", stored);
        Assert.Equal(2, revision);
        Assert.Equal(stored, await EditorTextAsync(page));
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('padhub.recovered.{pad.PadId}')"));
    }

    [Fact]
    public async Task Type_WhileBrowserOffline_EditsArriveOnceAfterReconnect()
    {
        var pad = await Store.CreatePadAsync("");
        var (browser, page) = await OpenEditorAsync(pad.EditToken, "Ada");
        var editor = page.Locator(".padhub-editor");
        await CaretToEndAsync(page);
        await page.Keyboard.TypeAsync("online, ");
        await WaitSavedAsync(page);

        await browser.SetOfflineAsync(true);
        await page.Keyboard.TypeAsync("typed offline");
        await Expect(editor).ToHaveAttributeAsync("data-sync-state", "offline", new() { Timeout = 60_000 });
        await Expect(page.Locator(".padhub-sync")).ToContainTextAsync("edits waiting");
        // Screen readers hear it through the polite live region, not only see it in the status line.
        await Expect(page.Locator(".padhub-sync-announce")).ToContainTextAsync("edits waiting");
        Assert.Equal("online, ", (await StoredAsync(pad.PadId)).Text);

        await browser.SetOfflineAsync(false);
        await Expect(editor).ToHaveAttributeAsync("data-sync-state", "saved", new() { Timeout = 60_000 });
        await Expect(page.Locator(".padhub-sync-announce")).Not.ToContainTextAsync("waiting");
        var (stored, revision) = await StoredAsync(pad.PadId);
        Assert.Equal("online, typed offline", stored);
        await WaitRevisionAsync(page, revision);
        Assert.Equal(stored, await EditorTextAsync(page));
    }

    [Fact]
    public async Task Editor_BrowserFallsFarBehind_IsToldToResyncAndCatchesUp()
    {
        // A small per-connection queue, so a browser that stops answering overflows it soon after the editor's window
        // of unanswered calls (PadEditor.MaxJsCallsInFlight) fills.
        var logs = new CapturingLoggerProvider();
        await using var server = new PadHubServerFactory(
            new Dictionary<string, string?>
            {
                [$"{PadAuthorityOptions.SectionName}:{nameof(PadAuthorityOptions.ConnectionQueueCapacity)}"] = "64",
                [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteSynchronous)}"] = "Normal", // this test is about delivery, not fsync: keep the commits quick
            },
            services => services.AddSingleton<ILoggerProvider>(logs));
        server.Start();
        var store = server.Services.GetRequiredService<IPadStore>();
        var pad = await store.CreatePadAsync("");
        var (browser, page) = await OpenEditorAsync(pad.EditToken, "Watcher", server);
        var authority = server.Services.GetRequiredService<IPadAuthorityProvider>().GetAuthority(pad.PadId);
        var debugger = await page.Context.NewCDPSessionAsync(page);
        await debugger.SendAsync("Debugger.enable");
        await debugger.SendAsync("Debugger.pause"); // the page's scripts stop at the next call the server makes: a frozen tab

        var submitted = PadEditor.MaxJsCallsInFlight + 100;
        var text = "";
        for (var seq = 1; seq <= submitted; seq++)
        {
            var result = await authority.SubmitAsync(new PadSubmitCommand("author-bot", "bot", seq, seq - 1, TextOperation.ForInsert(text.Length, text.Length, "x")));
            Assert.Equal(seq, result.Revision);
            text += "x";
        }

        await Waits.UntilAsync(
            () => logs.Messages.Any(m => m.Contains("fell behind", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            () => "the paused page's connection never overflowed its queue");
        await debugger.SendAsync("Debugger.resume");
        await debugger.SendAsync("Debugger.disable");

        await WaitRevisionAsync(page, submitted);
        var (stored, revision) = await StoredPads.LoadAsync(store, pad.PadId);
        Assert.Equal(submitted, revision);
        Assert.Equal(text, stored);
        Assert.Equal(stored, await EditorTextAsync(page));
        await Expect(page.Locator(".padhub-editor")).ToHaveAttributeAsync("data-sync-state", "saved");
        await browser.CloseAsync(); // before this test's own server stops
    }

    [Fact]
    public async Task Editor_PageNeverClicked_HasACollapsedSelectionOutsideTheEditorAndStaysUnfocused()
    {
        // Without any selection in the document CodeMirror re-reads the DOM selection (a forced layout) on every remote
        // edit; the editor gives a watching page a collapsed one at the start of the body.
        var pad = await Store.CreatePadAsync("watch me\n");
        var (_, page) = await OpenEditorAsync(pad.EditToken, "Watcher");

        var selection = await page.EvaluateAsync<string>(
            "() => { const s = document.getSelection(); return [s.rangeCount, s.isCollapsed, s.anchorNode === document.body, s.anchorOffset, document.querySelector('.cm-editor').contains(document.activeElement)].join(); }");

        Assert.Equal("1,true,true,0,false", selection);
        Assert.Equal("watch me\n", await EditorTextAsync(page));
    }

    [Fact]
    public async Task Undo_AfterAnotherUserTyped_UndoesOnlyOwnEdits()
    {
        var pad = await Store.CreatePadAsync("First line\nSecond line");
        var (_, ada) = await OpenEditorAsync(pad.EditToken, "Ada");
        var (_, grace) = await OpenEditorAsync(pad.EditToken, "Grace");
        await ada.Locator(".cm-content").ClickAsync();
        await ada.Keyboard.PressAsync("Control+Home");
        await ada.Keyboard.PressAsync("End");
        await ada.Keyboard.TypeAsync(" alpha");
        await WaitSavedAsync(ada);
        await CaretToEndAsync(grace);
        await grace.Keyboard.TypeAsync(" beta");
        await WaitSavedAsync(grace);
        var (bothTyped, revision) = await StoredAsync(pad.PadId);
        Assert.Equal("First line alpha\nSecond line beta", bothTyped);
        await WaitRevisionAsync(ada, revision);

        // CodeMirror groups typing into undo events (" " and "alpha" may be two): press until Ada's line is back.
        for (var presses = 0; presses < 8 && !(await EditorTextAsync(ada))!.StartsWith("First line\n", StringComparison.Ordinal); presses++)
        {
            await ada.Keyboard.PressAsync("Control+Z");
        }

        await WaitSavedAsync(ada);
        var (stored, undoneAt) = await StoredAsync(pad.PadId);
        Assert.Equal("First line\nSecond line beta", stored);
        await WaitRevisionAsync(ada, undoneAt);
        await WaitRevisionAsync(grace, undoneAt);
        Assert.Equal(stored, await EditorTextAsync(ada));
        Assert.Equal(stored, await EditorTextAsync(grace));
    }

    [Fact]
    public async Task ViewPage_WhileEditorTypes_UpdatesLiveIsReadOnlyAndRendersNoHtml()
    {
        var pad = await Store.CreatePadAsync("");
        var (_, editor) = await OpenEditorAsync(pad.EditToken, "Ada");
        var viewer = await (await NewBrowserAsync(rememberedName: null)).NewPageAsync();
        await viewer.GotoAsync(Url("v/" + pad.ViewToken));
        await Expect(viewer.Locator(".padhub-viewer")).ToHaveAttributeAsync("data-interactive", "true");
        var content = viewer.Locator(".padhub-viewer-content");

        await CaretToEndAsync(editor);
        await editor.Keyboard.TypeAsync("## Live notes\n\nWe found *three* things.\n\n");
        await Expect(content.Locator("h2")).ToHaveTextAsync("Live notes");
        await Expect(content.Locator("em")).ToHaveTextAsync("three");

        await editor.Keyboard.TypeAsync("<img src=x onerror=\"window.__pwned=1\"> and <script>window.__pwned=2</script>");
        await Expect(content).ToContainTextAsync("<img src=x onerror=\"window.__pwned=1\"> and <script>");
        await Expect(content.Locator("img")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("[onerror]")).ToHaveCountAsync(0);
        await Expect(content.Locator("script")).ToHaveCountAsync(0);
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.True(await editor.EvaluateAsync<bool>("() => window.__pwned === undefined"));

        // Nothing to type into (the language switch's hidden redirect field is not one).
        await Expect(viewer.Locator("[contenteditable=true], [contenteditable=''], [contenteditable=plaintext-only]")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("textarea")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("input:not([type=hidden])")).ToHaveCountAsync(0);
        await content.ClickAsync();
        await viewer.Keyboard.TypeAsync("viewer typed this");
        await viewer.Keyboard.PressAsync("Control+A");
        await viewer.Keyboard.PressAsync("Delete");
        // A later edit from the editor reaches the viewer after anything the viewer could have sent before it.
        await editor.Keyboard.TypeAsync("\n\nlast line");
        await WaitSavedAsync(editor);
        await Expect(content).ToContainTextAsync("last line");
        var (stored, revision) = await StoredAsync(pad.PadId);
        Assert.DoesNotContain("viewer typed this", stored, StringComparison.Ordinal);
        Assert.Contains("We found *three* things.", stored, StringComparison.Ordinal);
        Assert.EndsWith("last line", stored, StringComparison.Ordinal);
        await Expect(viewer.Locator(".padhub-viewer")).ToHaveAttributeAsync("data-revision", revision.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(stored, await EditorTextAsync(editor));
        await viewer.EvaluateAsync("() => window.getSelection()?.removeAllRanges()"); // the Control+A above
        await ScreenshotAsync(editor, "editor");
        await ScreenshotAsync(viewer, "viewer");
    }

    private async Task<(IBrowserContext Browser, IPage Page)> OpenEditorAsync(string editToken, string name, PadHubServerFactory? server = null)
    {
        var browser = await NewBrowserAsync(name);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("p/" + editToken, server));
        await WaitInteractiveAsync(page);
        return (browser, page);
    }

    /// <summary>The editor's own text (with line breaks), through the bundle's read-only test hook.</summary>
    private static Task<string?> EditorTextAsync(IPage page) => TextAsync(page);

    private Task<(string Text, int Revision)> StoredAsync(string padId) => StoredPads.LoadAsync(Store, padId);

    private static Task ScreenshotAsync(IPage page, string name) => StoredPads.ScreenshotAsync(page, name);
}

