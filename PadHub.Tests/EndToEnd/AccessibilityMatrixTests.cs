using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 15, section 2: axe-core on every page (home and its form, the editor, its History panel and comments margin,
/// <c>/v/</c>, the dashboard with a help call, its spotlight menu and a dialog open, share, audience, a session pad,
/// plenary, results, a results pad, the questions projector, the not-found page and the invalid-link pages)
/// in English and French, at 390 px and 1366 px. One server, one browser context per language, the pages visited in
/// sequence; every violation of every page is reported at once, so one run says everything there is to fix.
/// </summary>
/// <remarks>
/// Each page is loaded once per language and audited at both widths: loaded at 390 px, then resized to 1366 px. That
/// audits what loading it at 1366 px would: PadHub's layouts follow the width through CSS media queries alone (no
/// breakpoint service, no width read at start-up), and the plenary page, which fits its text to the screen, refits on
/// resize (a ResizeObserver) before the next frames, which the audit waits for.
/// </remarks>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class AccessibilityMatrixTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private static readonly string[] Languages = ["en-GB", "fr-FR"];

    private const string AnimationFrames =
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))";

    private static readonly ViewportSize[] Screens = [new() { Width = 390, Height = 844 }, new() { Width = 1366, Height = 900 }];

    /// <summary>Every pad starts with a heading, a list, a link and a marked conclusion: each kind of rendered content gets audited.</summary>
    private const string PadTemplate =
        "# {group}\n\n{topic}\n\n- Open licences first\n- [Shared vocabularies](https://example.org/vocabularies)\n\n==Open data needs stewards==\n";

    [Fact]
    public async Task EveryPage_BothLanguagesOnPhoneAndLaptop_HasNoSeriousOrCriticalViolation()
    {
        var pages = await CreatePagesAsync();
        var failures = new List<string>();
        foreach (var language in Languages)
        {
            var browser = await NewBrowserAsync(new BrowserNewContextOptions { Locale = language, ViewportSize = Screens[0] }, rememberedName: "Ada");
            var page = await browser.NewPageAsync();
            foreach (var audited in pages)
            {
                await page.SetViewportSizeAsync(Screens[0].Width, Screens[0].Height);
                await page.GotoAsync(Url(audited.Path));
                foreach (var ready in audited.Ready)
                {
                    await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                }

                // A state that appears later: a dialog, a menu or a panel opened on the page.
                if (audited.Open is { } open)
                {
                    await page.Locator(open.Control).First.ClickAsync();
                    await Expect(page.Locator(open.Shown).First).ToBeVisibleAsync();
                }

                // The page really is in the language audited.
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language[..2]);

                foreach (var screen in Screens)
                {
                    if (screen != Screens[0])
                    {
                        await page.SetViewportSizeAsync(screen.Width, screen.Height);
                        // Resize observers run in the frame after the resize, and what they schedule in the next.
                        await page.EvaluateAsync(AnimationFrames);
                        if (audited.Open is { } stillOpen)
                        {
                            await Expect(page.Locator(stillOpen.Shown).First).ToBeVisibleAsync();
                        }
                    }

                    var what = $"{audited.Name}, {language}, {screen.Width} px";
                    try
                    {
                        await AxeAudit.AssertNoSeriousViolationsAsync(page, what);
                        output.WriteLine($"{what}: no serious violation");
                    }
                    catch (XunitException e)
                    {
                        failures.Add(e.Message);
                    }
                }
            }

            await browser.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private async Task<IReadOnlyList<AuditedPage>> CreatePagesAsync()
    {
        var workshops = Server.Services.GetRequiredService<IWorkshopService>();
        var session = await workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data",
            "Three breakout groups on open data and digital commons.",
            [
                new GroupDefinition("Data commons", "Favourable conditions for open data?", ["Ada", "Grace"]),
                new GroupDefinition("Local and European", "Benefits of Common Goods projects?", ["Linus"]),
                new GroupDefinition("Everyday practice", "Open data in day-to-day practice?", ["Margaret"]),
            ],
            AudienceCanEdit: true,
            PadTemplate: PadTemplate));
        await workshops.AnnounceAsync(session.ModeratorToken, "Ten minutes left: mark your conclusions.", null);
        var questions = Server.Services.GetRequiredService<IQuestionService>();
        var pinned = await questions.AddFromElsewhereAsync(session.ModeratorToken, "Who pays for open data infrastructure?", "Room, microphone 2");
        await questions.PinAsync(session.ModeratorToken, pinned.QuestionId, pinned: true);
        await questions.AddFromElsewhereAsync(session.ModeratorToken, "How do commons stay open?", "Mastodon, @grace@example.org", session.Groups[1].GroupId);
        // A help call waiting on the dashboard (its pane's alert).
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IParticipationService>().CallModeratorAsync(
                session.Groups[2].NoteTakerToken, session.Groups[2].PadId, "Our projector is off");
        }
        var pad = await Store.CreatePadAsync("# Notes\n\n- First point\n- ==A conclusion==\n");
        output.WriteLine($"session {session.SessionId}, pad {pad.PadId}");

        const string Editor = ".padhub-editor[data-interactive=true][data-sync-state=saved]";
        return
        [
            new("home", "/", ["[data-interactive=true]", "form"]),
            new("editor with comments", SessionRoutes.EditPad(pad.EditToken), [Editor, ".cm-content"], new("[data-action=comments]", "#padhub-editor-comments")),
            new("editor with history", SessionRoutes.EditPad(pad.EditToken) + "?history=true", [Editor, "[data-history-panel][data-loading=false] [data-history-text]"]),
            new("read-only pad", SessionRoutes.ViewPad(pad.ViewToken), [".padhub-viewer[data-interactive=true] mark"]),
            new("dashboard with a help call and the spotlight menu", SessionRoutes.Dashboard(session.ModeratorToken),
                [".padhub-dashboard[data-interactive=true]", "[data-group-pane] [data-pad-text] mark", "[data-help-call]"], new("[data-spotlight-open]", ".mud-popover-open [data-spotlight-action]")),
            new("dashboard, end-session dialog", SessionRoutes.Dashboard(session.ModeratorToken), [".padhub-dashboard[data-interactive=true]"], new("[data-action=end-session]", ".mud-dialog")),
            new("share", SessionRoutes.Share(session.ModeratorToken), [".padhub-share[data-interactive=true]"]),
            new("audience", SessionRoutes.Audience(session.AudienceToken), [".padhub-audience[data-interactive=true]", "[data-group-pane] [data-pad-text] mark", "[data-question-id]"]),
            new("session pad", SessionRoutes.EditPad(session.Groups[0].NoteTakerToken), [Editor, ".padhub-session-banner"]),
            new("plenary", SessionRoutes.Plenary(session.ModeratorToken), ["[data-plenary][data-interactive=true]", "[data-plenary-group] mark"]),
            new("results", SessionRoutes.Results(session.ResultsToken), [".padhub-results[data-interactive=true]"]),
            new("results pad", SessionRoutes.Results(session.ResultsToken) + "/pads/1", ["[data-interactive=true] mark"]),
            new("questions projector", SessionRoutes.Questions(session.ModeratorToken), ["[data-interactive=true] [data-question-id]"]),
            new("not found", "/no-such-page", ["h1"]),
            new("invalid audience link", SessionRoutes.Audience("not-a-valid-link"), [".padhub-link-invalid"]),
            new("invalid plenary link", SessionRoutes.Plenary("not-a-valid-link"), [".padhub-link-invalid"]),
        ];
    }

    /// <param name="Ready">Selectors that are visible once the page is live and shows its content.</param>
    /// <param name="Open">What to open before the audit, when the state audited appears later; none when null.</param>
    private sealed record AuditedPage(string Name, string Path, IReadOnlyList<string> Ready, Opening? Open = null);

    /// <param name="Control">The control clicked.</param>
    /// <param name="Shown">What is visible once it has opened.</param>
    private sealed record Opening(string Control, string Shown);
}
