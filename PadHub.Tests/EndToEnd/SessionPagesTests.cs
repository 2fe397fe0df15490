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
/// A workshop session in Chromium against the real server (sessions, authority, hub, EF Core on its own SQLite file):
/// the moderator's dashboard while three note-takers type, lock and unlock, announcements, the audience page on a
/// phone-sized screen, and conclusions marked in the editor (toolbar button, shortcut) showing live on every page. Also
/// produces the dashboard and audience screenshots for docs/screenshots when <c>PADHUB_SCREENSHOTS</c> names a folder.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class SessionPagesTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    /// <summary>Issue 4: "all three panes show the new text within 2 s".</summary>
    private const float PaneDeadlineMs = 2_000;

    /// <summary>The conclusions' background on every page (wwwroot/app.css, Editor/src/conclusions.js).</summary>
    private const string MarkBackground = "rgb(255, 229, 102)";

    private const string FirstConclusion = "Open data needs stewards";
    private const string SecondConclusion = "Fund the maintenance";

    private static readonly GroupDefinition[] Groups =
    [
        new("Data commons", "How to create favorable conditions for collecting and enriching open data from diverse origins?", ["Ada", "Grace"]),
        new("Local and European", "What benefits of Common Goods projects at local and European levels?", ["Linus"]),
        new("Everyday practice", "How to promote open data in day-to-day practices to contribute to a Common Goods project?", ["Margaret"]),
    ];

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Fact]
    public async Task Dashboard_WhileThreeNoteTakersType_EveryPaneShowsItsGroupsTextWithinTwoSeconds()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var noteTakers = await Task.WhenAll(session.Groups.Select((g, i) => OpenEditorAsync(g.NoteTakerToken, $"Note-taker {i + 1}")));

        var typed = session.Groups.Select((_, i) => $"Point from group {i + 1}: shared vocabularies {i + 1}{i + 1}{i + 1}").ToArray();
        await Task.WhenAll(noteTakers.Select(async (page, i) =>
        {
            await CaretToEndAsync(page);
            await page.Keyboard.TypeAsync(typed[i], new() { Delay = 15 });
            await WaitSavedAsync(page);
        }));

        for (var i = 0; i < session.Groups.Count; i++)
        {
            var pane = Pane(dashboard, session.Groups[i].GroupId);
            await Expect(pane.Locator("[data-pad-text]")).ToContainTextAsync(typed[i], new() { Timeout = PaneDeadlineMs });
            // Each pane shows its own group's pad only.
            for (var other = 0; other < typed.Length; other++)
            {
                if (other != i)
                {
                    await Expect(pane.Locator("[data-pad-text]")).Not.ToContainTextAsync(typed[other], new() { Timeout = 1 });
                }
            }

            Assert.Contains(typed[i], await StoredTextAsync(session.Groups[i].PadId), StringComparison.Ordinal);
        }

        // The pane knows who is in the pad: the note-taker's name is listed.
        await Expect(Pane(dashboard, session.Groups[0].GroupId)).ToContainTextAsync("Note-taker 1");
        await ScreenshotAsync(dashboard, "dashboard");
    }

    [Fact]
    public async Task Dashboard_LockAll_MakesEveryEditorReadOnly_AndUnlockRestoresWithoutReload()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var noteTakers = await Task.WhenAll(session.Groups.Select((g, i) => OpenEditorAsync(g.NoteTakerToken, $"Note-taker {i + 1}")));
        foreach (var page in noteTakers)
        {
            await Expect(Editor(page)).ToHaveAttributeAsync("data-can-write", "true");
        }

        var lockButton = dashboard.Locator("[data-action=lock]");
        await Expect(lockButton).ToHaveAttributeAsync("data-locked", "false");
        await lockButton.ClickAsync();
        await Expect(lockButton).ToHaveAttributeAsync("data-locked", "true");

        for (var i = 0; i < noteTakers.Length; i++)
        {
            var page = noteTakers[i];
            await Expect(Editor(page)).ToHaveAttributeAsync("data-can-write", "false");
            await Expect(page.Locator("[data-access=locked]")).ToBeVisibleAsync();
            var before = await StoredTextAsync(session.Groups[i].PadId);
            await CaretToEndAsync(page);
            await page.Keyboard.TypeAsync("typed while locked");
            await Expect(page.Locator(".cm-content")).Not.ToContainTextAsync("typed while locked", new() { Timeout = 1 });
            Assert.Equal(before, await StoredTextAsync(session.Groups[i].PadId));
        }

        await lockButton.ClickAsync();
        await Expect(lockButton).ToHaveAttributeAsync("data-locked", "false");
        for (var i = 0; i < noteTakers.Length; i++)
        {
            var page = noteTakers[i];
            await Expect(Editor(page)).ToHaveAttributeAsync("data-can-write", "true");
            await Expect(page.Locator("[data-access=locked]")).ToHaveCountAsync(0);
            await CaretToEndAsync(page);
            await page.Keyboard.TypeAsync($"after unlock {i + 1}");
            await WaitSavedAsync(page);
            Assert.EndsWith($"after unlock {i + 1}", await StoredTextAsync(session.Groups[i].PadId), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dashboard_Announcement_AppearsInEveryPad()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var noteTakers = await Task.WhenAll(session.Groups.Select((g, i) => OpenEditorAsync(g.NoteTakerToken, $"Note-taker {i + 1}")));
        const string message = "Ten minutes left: mark your conclusions.";

        await dashboard.Locator("#padhub-announcement").FillAsync(message);
        await dashboard.Locator("[data-action=announce]").ClickAsync();

        foreach (var page in noteTakers)
        {
            await Expect(page.Locator(".padhub-session-banner [data-announcement]")).ToContainTextAsync(message);
        }

        // To one group only: that group's pad shows it, the others do not.
        const string direct = "Group 2: please share your pad's link with the online audience.";
        await dashboard.Locator("#padhub-announce-to").SelectOptionAsync(session.Groups[1].GroupId);
        await dashboard.Locator("#padhub-announcement").FillAsync(direct);
        await dashboard.Locator("[data-action=announce]").ClickAsync();
        await Expect(noteTakers[1].Locator(".padhub-session-banner [data-announcement]").Filter(new() { HasText = direct })).ToHaveCountAsync(1);
        await Expect(dashboard.Locator(".padhub-facilitation-last")).ToContainTextAsync(direct);
        await Expect(noteTakers[0].Locator(".padhub-session-banner")).Not.ToContainTextAsync(direct, new() { Timeout = 1 });
        await Expect(noteTakers[2].Locator(".padhub-session-banner")).Not.ToContainTextAsync(direct, new() { Timeout = 1 });
    }

    [Fact]
    public async Task AudiencePage_OnAPhone_UpdatesLiveAndCannotWrite()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var phone = await NewBrowserAsync(rememberedName: null, new ViewportSize { Width = 390, Height = 844 });
        var audience = await phone.NewPageAsync();
        await audience.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(audience.Locator("[data-interactive=true]").First).ToBeVisibleAsync();

        var noteTaker = await OpenEditorAsync(session.Groups[0].NoteTakerToken, "Note-taker 1");
        await CaretToEndAsync(noteTaker);
        await noteTaker.Keyboard.TypeAsync(
            "- Open licences first.\n- Shared vocabularies across cities\n\nA *data steward* per dataset.\n\n<img src=x onerror=\"window.__pwned=1\">");
        await WaitSavedAsync(noteTaker);

        await Expect(audience.Locator("body")).ToContainTextAsync("Open licences first.");
        await Expect(audience.Locator("em").Filter(new() { HasText = "data steward" })).ToHaveCountAsync(1);
        await Expect(audience.Locator("body")).ToContainTextAsync("<img src=x onerror=");
        await Expect(audience.Locator("img")).ToHaveCountAsync(0);
        Assert.True(await audience.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        // Readable on a phone: nothing wider than the screen.
        Assert.True(await audience.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "the audience page scrolls sideways at 390 px");
        // No write path: no editor, no contributor button while the session does not allow audience edits.
        await Expect(audience.Locator(".cm-content")).ToHaveCountAsync(0);
        await Expect(audience.Locator("[contenteditable=true]")).ToHaveCountAsync(0);
        await ScreenshotAsync(audience, "audience");
    }

    [Fact]
    public async Task Conclusions_MarkedWithToolbarAndShortcut_DashboardAndAudienceShowThemLive()
    {
        var (padId, dashboard, audience, editor) = await OpenConclusionPagesAsync();
        var pane = dashboard.Locator("[data-group-pane]").First;
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

        var stored = (await StoredPads.LoadAsync(Store, padId)).Text;
        Assert.EndsWith("==" + FirstConclusion + "==\n\nSome discussion with `==code==` in it.\n\n- ==" + SecondConclusion + "==", stored, StringComparison.Ordinal);
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
        await Expect(audience.Locator("[data-group-pane]").First.Locator("[data-pad-text] mark")).ToHaveTextAsync([FirstConclusion, SecondConclusion]);

        // Pressed again inside a mark, the shortcut unmarks it: the dashboard follows.
        await editor.Keyboard.PressAsync("Control+Shift+H");
        await WaitSavedAsync(editor);
        await Expect(pane.Locator("[data-conclusion]")).ToHaveTextAsync([FirstConclusion]);
    }

    [Fact]
    public async Task Conclusions_HostileMarkupMarked_EveryViewShowsItAsInertText()
    {
        var (_, dashboard, audience, editor) = await OpenConclusionPagesAsync();

        const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
        await CaretToEndAsync(editor);
        await editor.Keyboard.TypeAsync(Hostile);
        await editor.Keyboard.PressAsync("Shift+Home");
        await editor.Locator("[data-action=mark-conclusion]").ClickAsync();
        await Expect(editor.Locator(".cm-content .padhub-conclusion")).Not.ToHaveCountAsync(0);
        await WaitSavedAsync(editor);

        var pane = dashboard.Locator("[data-group-pane]").First;
        await Expect(pane.Locator("[data-conclusion] mark")).ToHaveTextAsync(Hostile);
        await Expect(pane.Locator("[data-pad-text] mark")).ToHaveTextAsync(Hostile);
        await Expect(audience.Locator("[data-group-pane]").First.Locator("[data-pad-text] mark")).ToHaveTextAsync(Hostile);
        foreach (var page in new[] { dashboard, audience, editor })
        {
            await Expect(page.Locator(".padhub-live-markdown img, .padhub-live-markdown script, .cm-content img")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "markup inside a mark ran on " + page.Url);
        }
    }

    /// <summary>The moderator's dashboard (no conclusion yet), the audience page and group 1's note-taker's editor.</summary>
    private async Task<(string PadId, IPage Dashboard, IPage Audience, IPage Editor)> OpenConclusionPagesAsync()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        await Expect(Pane(dashboard, session.Groups[0].GroupId).Locator("[data-conclusions]")).ToContainTextAsync("No conclusions marked yet");
        var audience = await (await NewBrowserAsync()).NewPageAsync();
        await audience.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(audience.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        return (session.Groups[0].PadId, dashboard, audience, await OpenEditorAsync(session.Groups[0].NoteTakerToken, "Note-taker 1"));
    }

    [Fact]
    public async Task Dashboard_EndTheSession_NoteTakerSeesSessionEndedAndCannotType_ReopenBringsEditingBack()
    {
        var session = await CreateSessionAsync(audienceCanEdit: false);
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var noteTaker = await OpenEditorAsync(session.Groups[0].NoteTakerToken, "Note-taker 1");
        await CaretToEndAsync(noteTaker);
        await noteTaker.Keyboard.TypeAsync("Open data is a commons.");
        await WaitSavedAsync(noteTaker);

        await dashboard.Locator("[data-action=end-session]").ClickAsync();
        await dashboard.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();

        await Expect(dashboard.Locator(".padhub-session-end")).ToHaveAttributeAsync("data-session-ended", "true");
        await Expect(Editor(noteTaker)).ToHaveAttributeAsync("data-can-write", "false");
        await Expect(noteTaker.Locator("[data-access=ended]")).ToContainTextAsync("Session ended");
        await Expect(noteTaker.Locator("[data-access=locked]")).ToHaveCountAsync(0);
        await Expect(noteTaker.Locator(".padhub-session-banner")).ToHaveAttributeAsync("data-session-ended", "true");
        var recorded = await StoredTextAsync(session.Groups[0].PadId);
        await CaretToEndAsync(noteTaker);
        await noteTaker.Keyboard.TypeAsync("typed after the end");
        await Expect(noteTaker.Locator(".cm-content")).Not.ToContainTextAsync("typed after the end", new() { Timeout = 1 });
        Assert.Equal(recorded, await StoredTextAsync(session.Groups[0].PadId));
        await using (var watch = await Workshops.WatchAsync(session.ModeratorToken, _ => ValueTask.CompletedTask))
        {
            var result = Assert.Single(watch.Current.Ended!.Pads, p => p.PadId == session.Groups[0].PadId);
            Assert.Equal((await StoredPads.LoadAsync(Store, result.PadId)).Revision, result.Revision);
        }

        await dashboard.Locator("[data-action=reopen-session]").ClickAsync();

        await Expect(Editor(noteTaker)).ToHaveAttributeAsync("data-can-write", "true");
        await Expect(noteTaker.Locator("[data-access=ended]")).ToHaveCountAsync(0);
        await CaretToEndAsync(noteTaker);
        await noteTaker.Keyboard.TypeAsync(" Reopened.");
        await WaitSavedAsync(noteTaker);
        Assert.EndsWith("Open data is a commons. Reopened.", await StoredTextAsync(session.Groups[0].PadId), StringComparison.Ordinal);
    }

    private async Task<SessionCreated> CreateSessionAsync(bool audienceCanEdit)
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data: the case of social innovations",
            "Breakout groups on open data and digital commons.",
            Groups,
            AudienceCanEdit: audienceCanEdit));
        output.WriteLine($"session {session.SessionId}: {string.Join(", ", session.Groups.Select(g => g.PadId))}");
        return session;
    }

    private async Task<IPage> OpenDashboardAsync(string moderatorToken)
    {
        var browser = await NewBrowserAsync("Moderator", new ViewportSize { Width = 1366, Height = 900 });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url(SessionRoutes.Dashboard(moderatorToken)));
        await Expect(page.Locator("[data-group-pane]")).ToHaveCountAsync(Groups.Length);
        await Expect(page.Locator("[data-action=lock]")).ToBeEnabledAsync();
        return page;
    }

    private async Task<IPage> OpenEditorAsync(string token, string name)
    {
        var browser = await NewBrowserAsync(name);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url(SessionRoutes.EditPad(token)));
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".padhub-session-banner")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Pane(IPage dashboard, string groupId) => dashboard.Locator($"[data-group-pane][data-group-id='{groupId}']");

    private async Task<string> StoredTextAsync(string padId) => (await StoredPads.LoadAsync(Store, padId)).Text;

    private static Task ScreenshotAsync(IPage page, string name) => StoredPads.ScreenshotAsync(page, name);
}
