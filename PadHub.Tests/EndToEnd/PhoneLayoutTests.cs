using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 15, phones: the audience page (its group picker, the contributor form), the editor and its toolbar at 360 px
/// wide: nothing scrolls sideways and every control is at least 44 x 44 px to the touch. Also the screen-reader side of
/// the editor (its accessible name, remote carets hidden from the accessibility tree) and reduced motion.
/// </summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class PhoneLayoutTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    /// <summary>WCAG 2.5.5's size; a half pixel for sub-pixel layout.</summary>
    private const double MinTarget = 43.5;

    // Every control a finger may hit, with its box, except links inside text (WCAG 2.5.5 exempts inline targets: the
    // rendered pad) and the editor's text itself; menus' and lists' items too, as they open over the page. A native
    // checkbox drawn inside a larger label (MudBlazor's switch) counts as the label's box.
    private const string SmallTargets = """
        () => {
          const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=switch], [role=tab], [role=menuitem], [role=option], [tabindex]:not([tabindex="-1"])';
          const small = [];
          for (const e of document.querySelectorAll(selector)) {
            if (e.closest('.padhub-block, .cm-editor, .padhub-skip-link, #components-reconnect-modal')) continue;
            const target = e.matches('input[type=checkbox], input[type=radio]') ? (e.closest('label') ?? e) : e;
            const r = target.getBoundingClientRect();
            const s = getComputedStyle(target);
            if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || s.display === 'none') continue;
            if (r.width < 43.5 || r.height < 43.5) {
              const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
              small.push(`${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')} '${name}' ${Math.round(r.width)}x${Math.round(r.height)}`);
            }
          }
          return small;
        }
        """;

    // Against the phone's width, not window.innerWidth: an emulated phone (IsMobile) zooms out to fit a page that is too
    // wide, and innerWidth grows with it, so comparing with it could never fail.
    private const string ScrollsSideways = "width => document.scrollingElement.scrollWidth > width";

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    /// <summary>The audience page and a session pad at 360 px in both languages (French strings are longer), with what opens on them.</summary>
    [Fact]
    public async Task AudienceAndEditor_At360PxInBothLanguages_NoSidewaysScrollAndEveryTargetAtLeast44Px()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data: the case of social innovations",
            "Breakout groups on open data and digital commons.",
            [
                new GroupDefinition("Data commons and shared vocabularies", "How to create favorable conditions for open data?", ["Ada"]),
                new GroupDefinition("Local and European levels", "What benefits of Common Goods projects?", ["Linus"]),
                new GroupDefinition("Everyday practice", "How to promote open data day to day?", ["Margaret"]),
            ],
            AudienceCanEdit: true));
        await Workshops.AnnounceAsync(session.ModeratorToken, "Ten minutes left: mark your conclusions.", null);
        var question = await Server.Services.GetRequiredService<IQuestionService>().AddFromElsewhereAsync(
            session.ModeratorToken, "How do small cities publish open data without a data team?", "Mastodon, @ada@example.org");
        var failures = new List<string>();
        foreach (var (language, locked) in new[] { ("en-GB", "Pads locked by the moderator."), ("fr-FR", "Pads verrouillés par le modérateur.") })
        {
            var phone = await NewBrowserAsync(new BrowserNewContextOptions { ViewportSize = Phone, HasTouch = true, IsMobile = true, Locale = language }, rememberedName: "Ada");
            var page = await phone.NewPageAsync();

            await page.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
            await Expect(page.Locator(".padhub-audience[data-interactive=true]")).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language[..2]);
            await Expect(page.Locator("[data-group-pane] [data-pad-text]")).ToHaveCountAsync(3);
            await CheckAsync(page, $"audience page, {language}", failures);

            // The contributor form, as a phone shows it after "Join as contributor".
            await page.Locator("[data-contribute]").First.TapAsync();
            await Expect(page.Locator("#padhub-contributor-name")).ToBeVisibleAsync();
            await CheckAsync(page, $"audience page, contributor form, {language}", failures);

            // The questions on a phone: the form and a question in the list with its vote button.
            await Expect(page.Locator("#padhub-question-text")).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-question-id='{question.QuestionId}'] [data-action=vote]")).ToBeVisibleAsync();
            await page.Locator("[data-ask-form]").ScrollIntoViewIfNeededAsync();
            await CheckAsync(page, $"audience page, questions, {language}", failures);

            // Screen readers on the phone hear the lock in the page's language, through the session's live region.
            await Workshops.SetLockedAsync(session.ModeratorToken, locked: true);
            await Expect(page.Locator("[data-session-announcer]")).ToContainTextAsync(locked);
            await Expect(page.Locator("[data-session-announcer]")).ToHaveAttributeAsync("aria-live", "polite");
            await Workshops.SetLockedAsync(session.ModeratorToken, locked: false);

            // The moderator's questions are on the dashboard: on a phone too.
            await page.GotoAsync(Url(SessionRoutes.Dashboard(session.ModeratorToken)));
            await Expect(page.Locator(".padhub-dashboard[data-interactive=true]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-questions-panel]")).ToContainTextAsync(question.Text);
            await CheckAsync(page, $"dashboard and its questions, {language}", failures);

            await page.GotoAsync(Url(SessionRoutes.EditPad(session.Groups[0].NoteTakerToken)));
            await WaitInteractiveAsync(page);
            await Expect(page.Locator(".padhub-session-banner [data-announcement]")).ToBeVisibleAsync();
            await CheckAsync(page, $"session pad, {language}", failures);

            await page.Locator("[data-action=call-moderator]").TapAsync();
            await Expect(page.Locator("#padhub-help-message")).ToBeVisibleAsync();
            await CheckAsync(page, $"session pad, help call form, {language}", failures);

            await page.Locator("[data-action=comments]").TapAsync();
            await Expect(page.Locator("[data-action=comments]")).ToHaveAttributeAsync("aria-pressed", "true");
            await CheckAsync(page, $"session pad with comments, {language}", failures);

            await page.Locator("[data-action=history]").TapAsync();
            await Expect(page.Locator("[data-history-panel][data-loading=false]")).ToBeVisibleAsync();
            await CheckAsync(page, $"session pad with history, {language}", failures);

            // The replay speed's menu, open over the page.
            await page.Locator("[data-action=history-speed]").TapAsync();
            await Expect(page.Locator(".mud-popover-open [role=option]").First).ToBeVisibleAsync();
            await CheckAsync(page, $"session pad, history speed menu, {language}", failures);
            await phone.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Editor_TwoWriters_HasAnAccessibleNameAndRemoteCaretsAreHiddenFromScreenReaders()
    {
        var pad = await Store.CreatePadAsync("Shared notes\n");
        var ada = await OpenEditorAsync(pad.EditToken, "Ada");
        var grace = await OpenEditorAsync(pad.EditToken, "Grace");

        await CaretToEndAsync(grace);
        await grace.Keyboard.TypeAsync("Grace writes");
        await WaitSavedAsync(grace);

        var content = ada.Locator(".cm-content");
        await Expect(content).ToHaveAttributeAsync("role", "textbox");
        await Expect(content).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex(".+"));
        var caret = ada.Locator(".padhub-remote-caret[data-name='Grace']");
        await Expect(caret).ToHaveCountAsync(1);
        await Expect(caret).ToHaveAttributeAsync("aria-hidden", "true");
        // The label is drawn by CSS, so Grace's name is not in the pad's text for a screen reader either.
        await Expect(content).Not.ToContainTextAsync("Grace" + "Grace writes");
        Assert.DoesNotContain("Grace\n", await TextAsync(ada) ?? "", StringComparison.Ordinal);

        // The sync line is not a live region (it changes at every keystroke); the hidden one speaks only when it matters.
        await Expect(ada.Locator(".padhub-sync")).Not.ToHaveAttributeAsync("aria-live", "polite");
        await Expect(ada.Locator(".padhub-sync-announce")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(ada.Locator(".padhub-sync-announce")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task ReducedMotion_FreshBlockAndRipple_NoAnimation()
    {
        var pad = await Store.CreatePadAsync("First block\n");
        var writer = await OpenEditorAsync(pad.EditToken, "Ada");
        var reader = await (await NewBrowserAsync(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce })).NewPageAsync();
        var moving = await (await NewBrowserAsync(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.NoPreference })).NewPageAsync();
        foreach (var page in new[] { reader, moving })
        {
            await page.GotoAsync(Url(SessionRoutes.ViewPad(pad.ViewToken)));
            await Expect(page.Locator(".padhub-viewer[data-interactive=true]")).ToBeVisibleAsync();
        }

        await CaretToEndAsync(writer);
        await writer.Keyboard.TypeAsync("\nA new paragraph arrives");
        await WaitSavedAsync(writer);

        const string Animation = "e => getComputedStyle(e).animationName";
        const string Transition = "e => getComputedStyle(e).transitionDuration";
        var fresh = ".padhub-block-fresh";
        await Expect(moving.Locator(fresh)).ToContainTextAsync("A new paragraph arrives");
        await Expect(reader.Locator(fresh)).ToContainTextAsync("A new paragraph arrives");
        // CSS isolation suffixes the keyframes' name (padhub-arrive-b-xxxx).
        Assert.StartsWith("padhub-arrive", await moving.Locator(fresh).EvaluateAsync<string>(Animation), StringComparison.Ordinal);
        Assert.Equal("none", await reader.Locator(fresh).EvaluateAsync<string>(Animation));
        // MudBlazor's buttons: their transitions and the ripple's are off.
        var button = "[data-action=history]";
        Assert.NotEqual("0s", await moving.Locator(button).EvaluateAsync<string>(Transition));
        Assert.Equal("0s", await reader.Locator(button).EvaluateAsync<string>(Transition));
        // The ripple MudBlazor's script adds under the pointer is not drawn.
        const string Ripple = "e => { const r = document.createElement('span'); r.className = 'mud-ripple-effect'; e.append(r); const d = getComputedStyle(r).display; r.remove(); return d; }";
        Assert.NotEqual("none", await moving.Locator(button).EvaluateAsync<string>(Ripple));
        Assert.Equal("none", await reader.Locator(button).EvaluateAsync<string>(Ripple));
    }

    private async Task CheckAsync(IPage page, string what, List<string> failures)
    {
        if (await page.EvaluateAsync<bool>(ScrollsSideways, Phone.Width))
        {
            var wide = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            failures.Add($"{what}: scrolls sideways ({wide} px wide in {Phone.Width} px)");
        }

        foreach (var small in await page.EvaluateAsync<string[]>(SmallTargets))
        {
            failures.Add($"{what}: {small} is under 44 x 44 px");
        }

        output.WriteLine($"{what}: checked");
    }

    private async Task<IPage> OpenEditorAsync(string token, string name)
    {
        var page = await (await NewBrowserAsync(name)).NewPageAsync();
        await page.GotoAsync(Url(SessionRoutes.EditPad(token)));
        await WaitInteractiveAsync(page);
        return page;
    }
}
