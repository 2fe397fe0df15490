using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 15, section 2: axe-core on every page (home and its form, the editor, its History panel, <c>/v/</c>, the
/// dashboard, share, audience, a session pad, plenary, results and a results pad) in English and French, at 390 px and
/// 1366 px. One server, one browser context per language, the pages visited in sequence; every violation of every page
/// is reported at once, so one run says everything there is to fix.
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

                // The page really is in the language audited.
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language[..2]);

                foreach (var screen in Screens)
                {
                    if (screen != Screens[0])
                    {
                        await page.SetViewportSizeAsync(screen.Width, screen.Height);
                        // Resize observers run in the frame after the resize, and what they schedule in the next.
                        await page.EvaluateAsync(AnimationFrames);
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
        var pad = await Store.CreatePadAsync("# Notes\n\n- First point\n- ==A conclusion==\n");
        output.WriteLine($"session {session.SessionId}, pad {pad.PadId}");

        const string Editor = ".padhub-editor[data-interactive=true][data-sync-state=saved]";
        return
        [
            new("home", "/", ["[data-interactive=true]", "form"]),
            new("editor", SessionRoutes.EditPad(pad.EditToken), [Editor, ".cm-content"]),
            new("editor with history", SessionRoutes.EditPad(pad.EditToken) + "?history=true", [Editor, "[data-history-panel][data-loading=false] [data-history-text]"]),
            new("read-only pad", SessionRoutes.ViewPad(pad.ViewToken), [".padhub-viewer[data-interactive=true] mark"]),
            new("dashboard", SessionRoutes.Dashboard(session.ModeratorToken), [".padhub-dashboard[data-interactive=true]", "[data-group-pane] [data-pad-text] mark"]),
            new("share", SessionRoutes.Share(session.ModeratorToken), [".padhub-share[data-interactive=true]"]),
            new("audience", SessionRoutes.Audience(session.AudienceToken), [".padhub-audience[data-interactive=true]", "[data-group-pane] [data-pad-text] mark", "[data-question-id]"]),
            new("session pad", SessionRoutes.EditPad(session.Groups[0].NoteTakerToken), [Editor, ".padhub-session-banner"]),
            new("plenary", SessionRoutes.Plenary(session.ModeratorToken), ["[data-plenary][data-interactive=true]", "[data-plenary-group] mark"]),
            new("results", SessionRoutes.Results(session.ResultsToken), [".padhub-results[data-interactive=true]"]),
            new("results pad", SessionRoutes.Results(session.ResultsToken) + "/pads/1", ["[data-interactive=true] mark"]),
            new("questions projector", SessionRoutes.Questions(session.ModeratorToken), ["[data-interactive=true] [data-question-id]"]),
        ];
    }

    /// <param name="Ready">Selectors that are visible once the page is live and shows its content.</param>
    private sealed record AuditedPage(string Name, string Path, IReadOnlyList<string> Ready);
}
