using System.Globalization;
using Microsoft.Playwright;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 15, "Keyboard only": a whole workshop with <c>page.Keyboard</c> alone (no click, no focus call, no fill):
/// create a session from the home form, open the dashboard, run the timer, lock and unlock, send an announcement, open
/// a pad, type and mark a conclusion, ask a question from the audience page; the focus ring visible on the way. The page is only read (which element has the
/// focus, its computed outline), never acted on.
/// </summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class KeyboardOnlyTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    /// <summary>Enough presses to cross the longest page (the home form) from top to bottom.</summary>
    private const int MaxTabs = 120;

    private const string Title = "Keyboard workshop";
    private const string Announcement = "Five minutes left, mark your conclusions.";
    private const string Conclusion = "Open data needs stewards";
    private const string Question = "Who maintains the shared vocabularies?";

    // What the focused element is, for the failure messages.
    private const string DescribeFocus =
        "() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} '${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}'` : 'nothing'; }";

    // The focus ring as drawn: the outline's style, width and colour, and the colour behind the element.
    private const string FocusRing = """
        () => {
          const e = document.activeElement;
          const s = getComputedStyle(e);
          let back = 'rgba(0, 0, 0, 0)';
          for (let n = e.parentElement; n && /rgba\(.*, 0\)|transparent/.test(back); n = n.parentElement) back = getComputedStyle(n).backgroundColor;
          return [s.outlineStyle, s.outlineWidth, s.outlineColor, back];
        }
        """;

    [Fact]
    public async Task Workshop_WithTheKeyboardAlone_CreateRunLockAnnounceAndMarkAConclusion()
    {
        var browser = await NewBrowserAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/"));
        await Expect(page.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#create-session")).ToBeEnabledAsync();

        // The first Tab reaches "Skip to content", which moves the focus past the app bar.
        await page.Keyboard.PressAsync("Tab");
        await ExpectFocusAsync(page, "[data-skip-link]");
        await Expect(page.Locator("[data-skip-link]")).ToBeInViewportAsync();
        await AssertFocusRingAsync(page, "the skip link");
        await page.Keyboard.PressAsync("Enter");
        await ExpectFocusAsync(page, "#padhub-main");

        // The session form: a title and the three default groups' topics, then Enter on "Create the session".
        await TabToAsync(page, "#session-title");
        await AssertFocusRingAsync(page, "the title field");
        await page.Keyboard.TypeAsync(Title);
        for (var i = 0; i < 3; i++)
        {
            await TabToAsync(page, $"#group-{i}-topic");
            await page.Keyboard.TypeAsync($"Topic {i + 1}");
        }

        await TabToAsync(page, "#create-session");
        await AssertFocusRingAsync(page, "the create button");
        await page.Keyboard.PressAsync("Enter");

        // The share page opens; its first action opens the dashboard.
        await Expect(page.Locator(".padhub-share[data-interactive=true]")).ToBeVisibleAsync();
        output.WriteLine($"share page {page.Url}");
        await TabToAsync(page, "a[href^='/m/']:not([href*='/share']):not([href*='/plenary'])");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".padhub-dashboard[data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-group-pane]")).ToHaveCountAsync(3);

        // The timer: Start, which becomes Pause under the focus, then Start again.
        await TabToAsync(page, "[data-action=start]");
        await AssertFocusRingAsync(page, "the timer's start button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-action=pause]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-countdown]").First).ToHaveAttributeAsync("data-running", "true");
        await ExpectFocusAsync(page, "[data-action=pause]");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("[data-action=start]")).ToBeVisibleAsync();
        await ExpectFocusAsync(page, "[data-action=start]");

        // Lock and unlock every pad, the focus staying on the button.
        await TabToAsync(page, "[data-action=lock]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-action=lock]")).ToHaveAttributeAsync("data-locked", "true");
        await ExpectFocusAsync(page, "[data-action=lock]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-action=lock]")).ToHaveAttributeAsync("data-locked", "false");

        // An announcement: typed, sent with Enter.
        await TabToAsync(page, "#padhub-announcement");
        await AssertFocusRingAsync(page, "the announcement field");
        await page.Keyboard.TypeAsync(Announcement);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".padhub-facilitation-last")).ToContainTextAsync(Announcement);

        // Open group 1's pad (a new tab), give a name, type and mark a conclusion with Ctrl+Shift+H.
        var opened = browser.WaitForPageAsync();
        await TabToAsync(page, "[data-group-pane] [data-open-pad]");
        await AssertFocusRingAsync(page, "the open-pad link");
        await page.Keyboard.PressAsync("Enter");
        var pad = await opened;
        await Expect(pad.Locator("#padhub-name")).ToBeFocusedAsync();
        await pad.Keyboard.TypeAsync("Moderator");
        await pad.Keyboard.PressAsync("Enter");
        await WaitInteractiveAsync(pad);
        await Expect(pad.Locator(".padhub-session-banner [data-announcement]")).ToContainTextAsync(Announcement);
        await TabToAsync(pad, ".cm-content");
        await Expect(pad.Locator(".cm-content")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(".+"));
        await pad.Keyboard.PressAsync("Control+End");
        await pad.Keyboard.PressAsync("Enter");
        await pad.Keyboard.TypeAsync(Conclusion);
        await pad.Keyboard.PressAsync("Shift+Home");
        await pad.Keyboard.PressAsync("Control+Shift+H");
        await Expect(pad.Locator(".cm-content .padhub-conclusion").Filter(new() { HasText = Conclusion })).Not.ToHaveCountAsync(0);
        await WaitSavedAsync(pad);
        await Expect(page.Locator("[data-group-pane] [data-conclusion]").First).ToHaveTextAsync(Conclusion);

        // An audience member asks a question with the keyboard alone; it reaches the moderator's questions panel.
        var audienceLink = await page.Locator("a[href^='/a/']").First.GetAttributeAsync("href");
        var audience = await browser.NewPageAsync();
        await audience.GotoAsync(Url(audienceLink!));
        await Expect(audience.Locator(".padhub-audience[data-interactive=true]")).ToBeVisibleAsync();
        await TabToAsync(audience, "#padhub-question-text");
        await AssertFocusRingAsync(audience, "the question field");
        await audience.Keyboard.TypeAsync(Question);
        await Expect(audience.Locator("#padhub-ask")).ToBeEnabledAsync();
        await TabToAsync(audience, "#padhub-ask");
        await audience.Keyboard.PressAsync("Enter");
        await Expect(audience.Locator("[data-question-sent]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-questions-panel]")).ToContainTextAsync(Question);
    }

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>; fails when it never gets there.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector}; the focus is on {await page.EvaluateAsync<string>(DescribeFocus)}");
    }

    private static async Task ExpectFocusAsync(IPage page, string selector)
    {
        try
        {
            await Expect(page.Locator(selector).First).ToBeFocusedAsync();
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"the focus is on {await page.EvaluateAsync<string>(DescribeFocus)}, not {selector}", e);
        }
    }

    /// <summary>The focused control shows a solid ring at least 2 px wide that stands out 3:1 from what is behind it.</summary>
    private static async Task AssertFocusRingAsync(IPage page, string what)
    {
        var ring = await page.EvaluateAsync<string[]>(FocusRing);
        var (style, width, color, back) = (ring[0], ring[1], ring[2], ring[3]);
        Assert.True(style is "solid" or "auto" or "double", $"{what}: the focus outline is {style}");
        Assert.True(float.Parse(width.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 2, $"{what}: the focus outline is {width} wide");
        var contrast = Wcag.Contrast(ParseCss(color), ParseCss(back));
        Assert.True(contrast >= 3, $"{what}: the focus outline {color} on {back} is {contrast:0.00}:1, below 3:1");
    }

    private static Wcag.Rgb ParseCss(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture))
            .ToArray();
        // A transparent backdrop is the page's white.
        return parts.Length == 4 && parts[3] == 0 ? Wcag.White : Wcag.Over(new Wcag.Rgb(parts[0], parts[1], parts[2]), parts.Length == 4 ? parts[3] : 1, Wcag.White);
    }
}
