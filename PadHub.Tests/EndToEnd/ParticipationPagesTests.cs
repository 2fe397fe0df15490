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
/// Issue 13's participation in Chromium against the real server: a help call reaches the dashboard and its
/// acknowledgement reaches the note-taker; an audience page choosing a group moves the dashboard's follower counts.
/// </summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class ParticipationPagesTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Fact]
    public async Task HelpCall_NoteTakerCallsTheModerator_DashboardShowsItUntilSeenAndTheNoteTakerSeesItWasSeen()
    {
        var session = await CreateSessionAsync();
        var group = session.Groups[1];
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var noteTaker = await (await NewBrowserAsync("Note-taker 2")).NewPageAsync();
        await noteTaker.GotoAsync(Url(SessionRoutes.EditPad(group.NoteTakerToken)));
        await WaitInteractiveAsync(noteTaker);

        await noteTaker.Locator("[data-action=call-moderator]").ClickAsync();
        await noteTaker.Locator("#padhub-help-message").FillAsync("Our projector is off");
        await AxeAudit.AssertNoSeriousViolationsAsync(noteTaker.Locator("[data-help-call-control]"), "session pad, help call form");
        await noteTaker.Locator("[data-action=send-help-call]").ClickAsync();
        await Expect(noteTaker.Locator("[data-help-call-control]")).ToHaveAttributeAsync("data-help-call-state", "open");

        var pane = dashboard.Locator($"[data-group-pane][data-group-id='{group.GroupId}']");
        var call = pane.Locator("[data-help-call]");
        await Expect(call).ToBeVisibleAsync();
        await Expect(call).ToContainTextAsync("Our projector is off");
        await Expect(pane.Locator("[data-help-call-region]")).ToHaveAttributeAsync("role", "alert");
        await Expect(dashboard.Locator("[data-help-call]")).ToHaveCountAsync(1);
        await AxeAudit.AssertNoSeriousViolationsAsync(pane.Locator("[data-help-call-region]"), "dashboard pane's help call");
        await AxeAudit.AssertNoSeriousViolationsAsync(pane.Locator("[data-pane-followers]"), "dashboard pane's followers");
        await AxeAudit.AssertNoSeriousViolationsAsync(dashboard.Locator(".padhub-participation-bar"), "dashboard participation bar");
        await StoredPads.ScreenshotAsync(dashboard, "dashboard-help-call");

        await pane.Locator("[data-action=help-seen]").ClickAsync();

        await Expect(call).ToHaveCountAsync(0);
        await Expect(noteTaker.Locator("[data-help-call-control]")).ToHaveAttributeAsync("data-help-call-state", "seen");
        await Expect(noteTaker.Locator("[data-help-call-status]")).ToContainTextAsync("The moderator has seen your call.");
        await AxeAudit.AssertNoSeriousViolationsAsync(noteTaker.Locator("[data-help-call-control]"), "session pad, call seen");
    }

    [Fact]
    public async Task Followers_AudiencePagesChooseAndLeave_DashboardCountsMoveAtOnce()
    {
        var session = await CreateSessionAsync();
        var dashboard = await OpenDashboardAsync(session.ModeratorToken);
        var pane1 = dashboard.Locator($"[data-group-pane][data-group-id='{session.Groups[0].GroupId}']");
        var pane2 = dashboard.Locator($"[data-group-pane][data-group-id='{session.Groups[1].GroupId}']");

        var phone = await NewBrowserAsync(viewport: new ViewportSize { Width = 360, Height = 740 });
        var audience = await phone.NewPageAsync();
        await audience.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(audience.Locator("[data-group-picker]")).ToBeVisibleAsync();
        await audience.Locator("button[data-group-filter='1']").ClickAsync();
        await Expect(pane1).ToHaveAttributeAsync("data-followers", "1");

        // The picker fits a 360 px phone: no sideways scrolling.
        Assert.True(await audience.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await AxeAudit.AssertNoSeriousViolationsAsync(audience.Locator("[data-group-picker]"), "audience group picker, 360 px");

        await audience.Locator("button[data-group-filter='2']").ClickAsync();
        await Expect(pane1).ToHaveAttributeAsync("data-followers", "0");
        await Expect(pane2).ToHaveAttributeAsync("data-followers", "1");

        // The choice is remembered: a new page of the same browser follows group 2 again.
        var again = await phone.NewPageAsync();
        await again.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(again.Locator("button[data-group-filter='2']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(pane2).ToHaveAttributeAsync("data-followers", "2");

        await audience.CloseAsync();
        await again.CloseAsync();
        await Expect(pane2).ToHaveAttributeAsync("data-followers", "0");
    }

    private async Task<SessionCreated> CreateSessionAsync()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "Participation",
            null,
            [new("Data commons", "Open data from diverse origins?", ["Ada"]), new("Local and European", "Common goods at every level?", ["Linus"])]));
        output.WriteLine($"session {session.SessionId}");
        return session;
    }

    private async Task<IPage> OpenDashboardAsync(string moderatorToken)
    {
        var page = await (await NewBrowserAsync("Moderator", new ViewportSize { Width = 1366, Height = 900 })).NewPageAsync();
        await page.GotoAsync(Url(SessionRoutes.Dashboard(moderatorToken)));
        await Expect(page.Locator("[data-group-pane]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-help-sound]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-action=lock]")).ToBeEnabledAsync();
        return page;
    }
}
