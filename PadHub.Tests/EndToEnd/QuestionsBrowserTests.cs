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
/// Issue 13's questions in Chromium against the real server: an audience page asks, a second votes, the moderator
/// forwards the question to group 2 and it appears in group 2's open editor; the projector page shows it pinned.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class QuestionsBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private const string Question = "How do we keep # shared data ==open== for everyone?";

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Fact]
    public async Task AudienceAsks_SecondVotes_ModeratorForwardsToGroupTwo_ItAppearsInTheGroupsEditor()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data",
            "Three breakout groups on open data and digital commons.",
            [
                new GroupDefinition("Data commons", "Favourable conditions for open data?", ["Ada"]),
                new GroupDefinition("Local and European", "Benefits of Common Goods projects?", ["Linus"]),
                new GroupDefinition("Everyday practice", "Open data in day-to-day practice?", ["Margaret"]),
            ]));
        // A running timer: the paused banner's contrast is the accessibility package's to fix, not this test's subject.
        await Workshops.StartTimerAsync(session.ModeratorToken);
        var group2 = session.Groups[1];
        output.WriteLine($"session {session.SessionId}, group 2 pad {group2.PadId}");
        var editor = await OpenAsync(SessionRoutes.EditPad(group2.NoteTakerToken), null, "Note-taker 2");
        await WaitInteractiveAsync(editor);

        // A first audience member (on a phone) asks the speakers a question.
        var asker = await OpenAsync(SessionRoutes.Audience(session.AudienceToken), new ViewportSize { Width = 360, Height = 740 });
        await Expect(asker.Locator("[data-questions]")).ToHaveAttributeAsync("data-interactive", "true");
        await asker.Locator("#padhub-question-text").FillAsync(Question);
        await asker.Locator("#padhub-question-name").FillAsync("Grace");
        await asker.Locator("#padhub-ask").ClickAsync();
        await Expect(asker.Locator("[data-question-sent]")).ToBeVisibleAsync();
        var asked = asker.Locator("[data-question-id]");
        await Expect(asked).ToHaveCountAsync(1);
        await Expect(asked.Locator(".padhub-question-text")).ToHaveTextAsync(Question);

        // A second one (another browser: another participant id) votes; both pages show the vote live.
        var voter = await OpenAsync(SessionRoutes.Audience(session.AudienceToken), new ViewportSize { Width = 1280, Height = 900 });
        var vote = voter.Locator("[data-question-id] [data-action=vote]");
        await Expect(vote).ToBeEnabledAsync();
        await vote.ClickAsync();
        await Expect(vote).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(voter.Locator("[data-question-id]")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(asked).ToHaveAttributeAsync("data-votes", "1");
        await Expect(asker.Locator("[data-question-id] [data-action=vote]")).ToHaveAttributeAsync("aria-pressed", "false");
        await AxeAudit.AssertNoSeriousViolationsAsync(asker, "audience page with questions, 360 px");
        await AxeAudit.AssertNoSeriousViolationsAsync(voter, "audience page with a vote");

        // The moderator forwards it to group 2: it arrives in group 2's open editor as a bullet under "Questions".
        var dashboard = await OpenAsync(SessionRoutes.Dashboard(session.ModeratorToken), new ViewportSize { Width = 1366, Height = 900 });
        var panel = dashboard.Locator("[data-questions-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-interactive", "true");
        var item = panel.Locator("[data-question-id]");
        await Expect(item).ToHaveAttributeAsync("data-votes", "1");
        await item.Locator("[data-forward-target]").SelectOptionAsync(group2.GroupId);
        await item.Locator("[data-action=forward]").ClickAsync();
        await Expect(item.Locator("[data-state=forwarded]")).ToHaveAttributeAsync("data-forwarded-group", "2");
        await Expect(editor.Locator(".cm-content")).ToContainTextAsync(@"- How do we keep # shared data \=\=open\=\= for everyone?");
        Assert.Contains("## Questions\n\n- How do we keep", await TextAsync(editor), StringComparison.Ordinal);
        await Expect(asked.Locator("[data-state=forwarded]")).ToBeVisibleAsync();

        // Pinned, it is the large one on the projector page.
        await item.Locator("[data-action=pin]").ClickAsync();
        await Expect(item.Locator("[data-action=pin]")).ToHaveAttributeAsync("aria-pressed", "true");
        await ScreenshotAsync(panel, "questions-panel");
        var projector = await OpenAsync(SessionRoutes.Questions(session.ModeratorToken), new ViewportSize { Width = 1280, Height = 720 });
        await Expect(projector.Locator(".padhub-questions-projector-pinned-text")).ToHaveTextAsync(Question);
        await AxeAudit.AssertNoSeriousViolationsAsync(projector, "questions projector page");
    }

    private async Task<IPage> OpenAsync(string route, ViewportSize? viewport, string? name = null)
    {
        var page = await (await NewBrowserAsync(name, viewport)).NewPageAsync();
        await page.GotoAsync(Url(route));
        return page;
    }

    private static async Task ScreenshotAsync(ILocator element, string name)
    {
        if (Environment.GetEnvironmentVariable("PADHUB_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(dir, name + ".png") });
        }
    }
}
