using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 13's comment scenario in Chromium against the real server: an audience member comments on a passage of a group's
/// pad, a note-taker types before it, and the comment stays on its passage. Produces docs/screenshots/commented-pad.png
/// when <c>PADHUB_SCREENSHOTS</c> names a folder.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PadCommentPageTests(ChromiumFixture chromium)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private const string Passage = "Key points";

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Fact]
    public async Task AudienceComment_NoteTakerTypesBeforeIt_CommentStaysOnItsPassage()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "Commons workshop", null, [new GroupDefinition("Data commons", "How to enrich open data?", [])]));
        await Workshops.StartTimerAsync(session.ModeratorToken); // the breakout groups are under way
        var audience = await (await NewBrowserAsync(rememberedName: null)).NewPageAsync();
        await audience.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(audience.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        var comments = audience.Locator("[data-audience-comments]");
        await Expect(comments.Locator("[data-action=comment-selection]")).ToBeVisibleAsync();

        // Select the passage in the rendered pad, as a reader would with the mouse.
        await audience.Locator("[data-pad-text] h2").Filter(new() { HasText = Passage }).EvaluateAsync(
            "h => { const r = document.createRange(); r.selectNodeContents(h); const s = getSelection(); s.removeAllRanges(); s.addRange(r); }");
        await comments.Locator("[data-action=comment-selection]").ClickAsync();
        await Expect(comments.Locator("[data-selected-passage]")).ToHaveTextAsync(Passage);
        await comments.Locator("[data-comment-name]").FillAsync("Bo");
        await comments.Locator("[data-comment-input]").FillAsync("Which ones matter most?");
        await comments.Locator("[data-action=submit-comment]").ClickAsync();

        var thread = comments.Locator("[data-comment-thread]");
        await Expect(thread).ToHaveCountAsync(1);
        await Expect(thread.Locator("[data-comment-passage]")).ToHaveTextAsync(Passage);
        await Expect(thread.Locator("[data-comment-text]")).ToHaveTextAsync("Which ones matter most?");
        await Expect(comments).ToHaveAttributeAsync("data-comment-markers", "1");
        var from = int.Parse((await thread.GetAttributeAsync("data-from"))!, System.Globalization.CultureInfo.InvariantCulture);

        // The note-taker types at the very start of the pad, before the passage.
        var noteTaker = await (await NewBrowserAsync("Note-taker")).NewPageAsync();
        await noteTaker.GotoAsync(Url(SessionRoutes.EditPad(session.Groups[0].NoteTakerToken)));
        await WaitInteractiveAsync(noteTaker);
        await noteTaker.Locator(".cm-content").ClickAsync();
        await noteTaker.Keyboard.PressAsync("Control+Home");
        const string Typed = "Notes taken live.\n\n";
        await noteTaker.Keyboard.TypeAsync(Typed);
        await WaitSavedAsync(noteTaker);

        await Expect(thread).ToHaveAttributeAsync("data-from", (from + Typed.Length).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(thread.Locator("[data-comment-passage]")).ToHaveTextAsync(Passage);
        await Expect(thread).ToHaveAttributeAsync("data-on-deleted-text", "false");
        await Expect(comments).ToHaveAttributeAsync("data-comment-markers", "1");
        await AxeAudit.AssertNoSeriousViolationsAsync(audience, "the audience page with a commented pad");
        await StoredPads.ScreenshotAsync(audience, "commented-pad");
    }
}
