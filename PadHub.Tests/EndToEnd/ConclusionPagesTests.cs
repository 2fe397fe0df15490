using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Conclusions in Chromium against the real server: a note-taker marks passages with the toolbar button and with the
/// shortcut, the editor highlights them, and the moderator's dashboard and the audience page show them live, as
/// high-contrast &lt;mark&gt;s; `==` inside code and markup inside a mark stay inert everywhere.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class ConclusionPagesTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    /// <summary>The mark's background on every page (wwwroot/app.css, Editor/src/conclusions.js).</summary>
    private const string MarkBackground = "rgb(255, 229, 102)";

    private const string FirstConclusion = "Open data needs stewards";
    private const string SecondConclusion = "Fund the maintenance";

    [Fact]
    public async Task NoteTaker_MarksWithToolbarAndShortcut_DashboardAndAudienceShowTheConclusionsLive()
    {
        var session = await Server.Services.GetRequiredService<IWorkshopService>().CreateSessionAsync(new CreateSessionRequest(
            "Outputs", null, [new GroupDefinition("Data commons", "How to share open data?", ["Ada"])]));
        output.WriteLine($"session {session.SessionId}: pad {session.Groups[0].PadId}");
        var dashboard = await OpenAsync(SessionRoutes.Dashboard(session.ModeratorToken), "Moderator");
        var pane = dashboard.Locator("[data-group-pane]");
        await Expect(pane.Locator("[data-conclusions]")).ToContainTextAsync("No conclusions marked yet");
        var audience = await OpenAsync(SessionRoutes.Audience(session.AudienceToken), null);
        var editor = await OpenAsync(SessionRoutes.EditPad(session.Groups[0].NoteTakerToken), "Note-taker");
        await WaitInteractiveAsync(editor);
        var button = editor.Locator("[data-action=mark-conclusion]");
        await Expect(button).ToHaveAccessibleNameAsync("Mark as conclusion");

        // The toolbar button wraps the selection.
        await CaretToEndAsync(editor);
        await editor.Keyboard.TypeAsync(FirstConclusion);
        await editor.Keyboard.PressAsync("Shift+Home");
        await button.ClickAsync();
        // The click goes through the circuit to the editor's JS: wait for the mark itself before typing on.
        await Expect(editor.Locator(".cm-content .padhub-conclusion").Filter(new() { HasText = FirstConclusion })).Not.ToHaveCountAsync(0);
        await WaitSavedAsync(editor);
        // The shortcut marks the current line's text (not its bullet) with nothing selected.
        await editor.Keyboard.PressAsync("End");
        await editor.Keyboard.TypeAsync("\n\nSome discussion with `==code==` in it.\n\n- " + SecondConclusion);
        await editor.Keyboard.PressAsync("Control+Shift+H");
        await WaitSavedAsync(editor);

        var stored = (await StoredPads.LoadAsync(Store, session.Groups[0].PadId)).Text;
        Assert.EndsWith($"==" + FirstConclusion + "==\n\nSome discussion with `==code==` in it.\n\n- ==" + SecondConclusion + "==", stored, StringComparison.Ordinal);
        // The editor highlights both marks while typing, not the one in code.
        var highlighted = editor.Locator(".cm-content .padhub-conclusion");
        await Expect(highlighted.Filter(new() { HasText = FirstConclusion })).Not.ToHaveCountAsync(0);
        await Expect(highlighted.Filter(new() { HasText = SecondConclusion })).Not.ToHaveCountAsync(0);
        await Expect(highlighted.Filter(new() { HasText = "code" })).ToHaveCountAsync(0);
        Assert.Equal(MarkBackground, await highlighted.First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        // The dashboard's Conclusions box lists them live, numbered in pad order.
        await Expect(pane.Locator("[data-conclusion]")).ToHaveTextAsync([FirstConclusion, SecondConclusion]);
        await Expect(pane.Locator("[data-conclusions]")).ToHaveAttributeAsync("data-count", "2");
        await Expect(pane.Locator("[data-pad-text] mark")).ToHaveTextAsync([FirstConclusion, SecondConclusion]);
        Assert.Equal(MarkBackground, await pane.Locator("[data-pad-text] mark").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(26, 26, 26)", await pane.Locator("[data-conclusion] mark").First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        // The audience sees the same marks.
        await Expect(audience.Locator("[data-pad-text] mark")).ToHaveTextAsync([FirstConclusion, SecondConclusion]);

        // Pressed again inside a mark, the shortcut unmarks it: the dashboard follows.
        await editor.Keyboard.PressAsync("Control+Shift+H");
        await WaitSavedAsync(editor);
        await Expect(pane.Locator("[data-conclusion]")).ToHaveTextAsync([FirstConclusion]);
    }

    [Fact]
    public async Task NoteTaker_MarksHostileMarkup_EveryViewShowsItAsInertText()
    {
        var session = await Server.Services.GetRequiredService<IWorkshopService>().CreateSessionAsync(new CreateSessionRequest(
            "Outputs", null, [new GroupDefinition("Data commons", "How to share open data?", ["Ada"])]));
        output.WriteLine($"session {session.SessionId}: pad {session.Groups[0].PadId}");
        var dashboard = await OpenAsync(SessionRoutes.Dashboard(session.ModeratorToken), "Moderator");
        var audience = await OpenAsync(SessionRoutes.Audience(session.AudienceToken), null);
        var editor = await OpenAsync(SessionRoutes.EditPad(session.Groups[0].NoteTakerToken), "Note-taker");
        await WaitInteractiveAsync(editor);

        const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
        await CaretToEndAsync(editor);
        await editor.Keyboard.TypeAsync(Hostile);
        await editor.Keyboard.PressAsync("Shift+Home");
        await editor.Locator("[data-action=mark-conclusion]").ClickAsync();
        await Expect(editor.Locator(".cm-content .padhub-conclusion")).Not.ToHaveCountAsync(0);
        await WaitSavedAsync(editor);

        var pane = dashboard.Locator("[data-group-pane]");
        await Expect(pane.Locator("[data-conclusion] mark")).ToHaveTextAsync(Hostile);
        await Expect(pane.Locator("[data-pad-text] mark")).ToHaveTextAsync(Hostile);
        await Expect(audience.Locator("[data-pad-text] mark")).ToHaveTextAsync(Hostile);
        foreach (var page in new[] { dashboard, audience, editor })
        {
            await Expect(page.Locator(".padhub-live-markdown img, .padhub-live-markdown script, .cm-content img")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "markup inside a mark ran on " + page.Url);
        }
    }

    private async Task<IPage> OpenAsync(string path, string? name)
    {
        var browser = await NewBrowserAsync(name, new ViewportSize { Width = 1366, Height = 900 });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url(path));
        await Expect(page.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        return page;
    }
}
