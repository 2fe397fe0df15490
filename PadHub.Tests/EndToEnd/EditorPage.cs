using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>What the browser tests wait for and do on the pad editor's page.</summary>
internal static class EditorPage
{
    /// <summary>The editor's element; its data attributes say whether the circuit is live and what is saved.</summary>
    public static ILocator Editor(IPage page) => page.Locator(".padhub-editor");

    /// <summary>Until the circuit is live: the page is prerendered first, and input typed before that would be lost.</summary>
    public static async Task WaitInteractiveAsync(IPage page) =>
        await Expect(Editor(page)).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>Until the server has acknowledged every local edit.</summary>
    public static async Task WaitSavedAsync(IPage page) =>
        await Expect(Editor(page)).ToHaveAttributeAsync("data-sync-state", "saved");

    /// <summary>Until the editor shows <paramref name="revision"/>.</summary>
    public static async Task WaitRevisionAsync(IPage page, int revision) =>
        await Expect(Editor(page)).ToHaveAttributeAsync("data-revision", revision.ToString(CultureInfo.InvariantCulture));

    /// <summary>Focuses the editor and puts the caret after the last character.</summary>
    public static async Task CaretToEndAsync(IPage page)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
    }

    // The component's own module path: importing it again yields the very module instance the editor runs in.
    private const string EditorTextScript =
        "async () => (await import('./_content/PadHub.Components/Editor/PadEditor.razor.js')).text(document.querySelector('.padhub-editor'))";

    /// <summary>The editor's text as its CodeMirror document holds it.</summary>
    public static Task<string?> TextAsync(IPage page) => page.EvaluateAsync<string?>(EditorTextScript);
}
