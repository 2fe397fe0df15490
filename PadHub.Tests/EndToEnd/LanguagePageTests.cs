using Microsoft.Playwright;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>The language follows the browser, the switch on every page remembers a choice, and circuits keep it.</summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class LanguagePageTests(ChromiumFixture chromium) : BrowserTest(chromium, new PadHubServerFactory())
{
    [Fact]
    public async Task Home_FrenchBrowser_FrenchPageThatStaysFrenchOnceInteractive()
    {
        var page = await (await NewBrowserAsync(locale: "fr-FR")).NewPageAsync();

        await page.GotoAsync(Url("/"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Des pads en direct pour vos ateliers");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "home page in French");
        // Rendered by the circuit, not the prerender: the circuit took the request's culture.
        await page.Locator("#check-server").ClickAsync();
        await Expect(page.Locator("#server-status")).ToContainTextAsync("Connecté au serveur PadHub");
    }

    [Fact]
    public async Task Switcher_EnglishBrowserChoosesFrench_ReloadsTheSamePageInFrenchAndRemembersIt()
    {
        var browser = await NewBrowserAsync(locale: "en-GB");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/?from=test"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // The circuit renders the switch again when it starts: a choice made before would be reset.
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("[data-language-select]").SelectOptionAsync("fr");
        await page.Locator("[data-language-apply]").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Des pads en direct pour vos ateliers");
        Assert.EndsWith("/?from=test", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-language-select]")).ToHaveValueAsync("fr");

        var other = await browser.NewPageAsync();
        await other.GotoAsync(Url("/nothing-here"));
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(other.Locator("h1")).ToHaveTextAsync("Introuvable");
    }

    [Fact]
    public async Task Switcher_KeyboardOnly_SwitchesToEnglish()
    {
        var page = await (await NewBrowserAsync(locale: "fr-FR")).NewPageAsync();
        await page.GotoAsync(Url("/"));
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("[data-language-select]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live pads for workshops");
    }
}
