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
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("[data-language-link=fr]").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Des pads en direct pour vos ateliers");
        Assert.EndsWith("/?from=test", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-language-current]")).ToHaveAttributeAsync("data-language-current", "fr");
        // The new circuit took the new culture (rendered by the circuit, not the prerender).
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await page.Locator("#check-server").ClickAsync();
        await Expect(page.Locator("#server-status")).ToContainTextAsync("Connecté au serveur PadHub");

        var other = await browser.NewPageAsync();
        await other.GotoAsync(Url("/nothing-here"));
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(other.Locator("h1")).ToHaveTextAsync("Introuvable");
    }

    [Fact]
    public async Task Switcher_BeforeThePageIsInteractive_SwitchesAndIsRemembered()
    {
        var browser = await NewBrowserAsync(locale: "en-GB");
        var page = await browser.NewPageAsync();
        // No Blazor script: the page stays as first painted (prerendered), as on a slow phone before the circuit starts.
        await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await page.GotoAsync(Url("/?from=first-paint"));
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "false");

        await page.Locator("[data-language-link=fr]").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Des pads en direct pour vos ateliers");
        Assert.EndsWith("/?from=first-paint", page.Url, StringComparison.Ordinal);
        var cookies = await browser.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("fr", StringComparison.Ordinal) && c.Path == "/");
    }

    [Fact]
    public async Task Switcher_OnTheNotFoundPage_StaysOnTheAddressAskedFor()
    {
        var page = await (await NewBrowserAsync(locale: "en-GB")).NewPageAsync();
        await page.GotoAsync(Url("/no/such/page?x=1"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");

        await page.Locator("[data-language-link=fr]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Introuvable");
        Assert.EndsWith("/no/such/page?x=1", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switcher_KeyboardOnly_SwitchesToEnglish()
    {
        var page = await (await NewBrowserAsync(locale: "fr-FR")).NewPageAsync();
        await page.GotoAsync(Url("/"));
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("[data-language-link=en]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live pads for workshops");
    }
}
