using System.Globalization;
using Microsoft.Playwright;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 14's History panel in Chromium against the real server (authority, hub, EF Core store on its own SQLite file):
/// the "Done when" restore while two typists keep typing, and the read-only panel of a view link.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class HistoryPanelPageTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory())
{
    private const string Intro = "# Group notes\n\n";
    private const string Paragraph = "Key finding: open data needs stewards, not just portals.\n";
    private const string Closing = "\nNext steps: ask the moderator.\n";

    // Sets the slider as a drag does: its value, then an input event (the panel listens to input).
    private const string SlideScript =
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }";

    // Selects [from, to) of the history's revision text (UTF-16 offsets) the way a mouse does: a DOM range over its text nodes.
    private const string SelectScript = """
        (root, [from, to]) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let at = 0, node;
          while ((node = walker.nextNode())) {
            const end = at + node.length;
            if (from >= at && from <= end) range.setStart(node, from - at);
            if (to >= at && to <= end) { range.setEnd(node, to - at); break; }
            at = end;
          }
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        """;

    /// <summary>Issue 14, "Done when".</summary>
    [Fact]
    public async Task RestorePassage_DeletedParagraphWhileBothKeepTyping_ConvergesWithTheParagraphBackAndNothingLost()
    {
        var pad = await Store.CreatePadAsync(Intro + Paragraph + Closing);
        var ada = await OpenEditorAsync(pad.EditToken, "Ada");
        var grace = await OpenEditorAsync(pad.EditToken, "Grace");

        // Both write: Ada at the end, Grace at the top.
        await CaretToEndAsync(ada);
        await ada.Keyboard.TypeAsync("Ada was here. ", new() { Delay = 10 });
        await CaretToStartAsync(grace);
        await grace.Keyboard.TypeAsync("Grace: ", new() { Delay = 10 });
        await WaitSavedAsync(ada);
        await WaitSavedAsync(grace);

        // Ada deletes the paragraph (line 3) with the keyboard.
        await CaretToStartAsync(ada);
        await ada.Keyboard.PressAsync("ArrowDown");
        await ada.Keyboard.PressAsync("ArrowDown");
        await ada.Keyboard.PressAsync("Home");
        await ada.Keyboard.PressAsync("Shift+ArrowDown");
        await ada.Keyboard.PressAsync("Backspace");
        await WaitSavedAsync(ada);
        var (afterDeletion, deletedAt) = await StoredPads.LoadAsync(Store, pad.PadId);
        output.WriteLine($"deleted at revision {deletedAt}: {afterDeletion}");
        Assert.DoesNotContain(Paragraph, afterDeletion, StringComparison.Ordinal);
        await WaitRevisionAsync(grace, deletedAt);

        // Grace opens History and goes back to just before the deletion.
        await grace.Locator("button[data-action=history]").ClickAsync();
        var panel = grace.Locator("[data-history-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-shown-revision", Invariant(deletedAt));
        await grace.Locator("[data-action=history-slider]").EvaluateAsync(SlideScript, deletedAt - 1);
        await Expect(panel).ToHaveAttributeAsync("data-shown-revision", Invariant(deletedAt - 1));
        var historical = await grace.Locator("[data-history-text]").TextContentAsync() ?? "";
        var from = historical.IndexOf(Paragraph, StringComparison.Ordinal);
        Assert.True(from >= 0, $"revision {deletedAt - 1} should hold the paragraph: {historical}");

        // Grace selects the paragraph and restores it while Ada keeps typing at the end, and Grace types right after.
        await grace.Locator("[data-history-text]").EvaluateAsync(SelectScript, new object[] { from, from + Paragraph.Length });
        await grace.Locator("button[data-action=history-restore-passage]").ClickAsync();
        await Expect(grace.Locator("[data-history-confirm]")).ToContainTextAsync("Key finding");
        await CaretToEndAsync(ada);
        const string adaLater = "Still typing while it comes back.";
        var adaTyping = ada.Keyboard.TypeAsync(adaLater, new() { Delay = 40 });
        await grace.Locator("button[data-action=history-restore-confirm]").ClickAsync();
        await CaretToStartAsync(grace);
        const string graceLater = "Thanks! ";
        await grace.Keyboard.TypeAsync(graceLater, new() { Delay = 40 });
        await adaTyping;
        await Expect(grace.Locator("[data-restore-result]")).ToHaveAttributeAsync("data-restore-result", "restored");

        await WaitSavedAsync(ada);
        await WaitSavedAsync(grace);
        var (stored, revision) = await StoredPads.LoadAsync(Store, pad.PadId);
        await WaitRevisionAsync(ada, revision);
        await WaitRevisionAsync(grace, revision);
        output.WriteLine($"stored at revision {revision}: {stored}");
        Assert.Equal(stored, await TextAsync(ada));
        Assert.Equal(stored, await TextAsync(grace));
        Assert.Equal(1, Count(stored, Paragraph));
        Assert.StartsWith(graceLater + "Grace: " + Intro + Paragraph, stored, StringComparison.Ordinal);
        Assert.EndsWith(Closing + "Ada was here. " + adaLater, stored, StringComparison.Ordinal);

        await grace.EvaluateAsync("() => document.getSelection()?.removeAllRanges()");
        await StoredPads.ScreenshotAsync(grace, "history-panel");
    }

    [Fact]
    public async Task ViewLink_History_ShowsRevisionsAndNamesWithoutNamingOrRestore()
    {
        var pad = await Store.CreatePadAsync("First draft\n");
        var ada = await OpenEditorAsync(pad.EditToken, "Ada");
        await CaretToEndAsync(ada);
        await ada.Keyboard.TypeAsync("Second thoughts", new() { Delay = 10 });
        await WaitSavedAsync(ada);
        await ada.Locator("button[data-action=history]").ClickAsync();
        await ada.Locator("#padhub-history-name").FillAsync("before conclusions");
        await ada.Locator("button[data-action=history-name]").ClickAsync();
        await Expect(ada.Locator("[data-history-names] [data-history-message]")).ToContainTextAsync("before conclusions");
        var (_, head) = await StoredPads.LoadAsync(Store, pad.PadId);

        var viewer = await (await NewBrowserAsync()).NewPageAsync();
        await viewer.GotoAsync(Url("v/" + pad.ViewToken));
        await Expect(viewer.Locator(".padhub-viewer")).ToHaveAttributeAsync("data-interactive", "true");
        await viewer.Locator("button[data-action=history]").ClickAsync();

        var panel = viewer.Locator("[data-history-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-shown-revision", Invariant(head));
        await Expect(viewer.Locator("[data-history-text]")).ToHaveTextAsync("First draft\nSecond thoughts");
        await Expect(viewer.Locator($"[data-named-mark='{Invariant(head)}']")).ToHaveCountAsync(1);
        await viewer.Locator("[data-action=history-slider]").EvaluateAsync(SlideScript, 0);
        await Expect(panel).ToHaveAttributeAsync("data-shown-revision", "0");
        await Expect(viewer.Locator("[data-history-text]")).ToHaveTextAsync("First draft\n");
        await Expect(viewer.Locator("#padhub-history-name")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("[data-history-restore]")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenEditorAsync(string editToken, string name)
    {
        var page = await (await NewBrowserAsync(name, new ViewportSize { Width = 1400, Height = 900 })).NewPageAsync();
        await page.GotoAsync(Url("p/" + editToken));
        await WaitInteractiveAsync(page);
        return page;
    }

    private static async Task CaretToStartAsync(IPage page)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
