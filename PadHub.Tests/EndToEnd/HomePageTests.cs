using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

[Collection(EndToEndCollectionDefinition.Name)]
public sealed class HomePageTests(ChromiumFixture chromium)
    : BrowserTest(chromium, new PadHubServerFactory(configureServices: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(ServerNow))))
{
    private static readonly DateTimeOffset ServerNow = new(2030, 5, 17, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckConnection_WhenClicked_ShowsServerStatusWithServerTime()
    {
        var page = await (await NewBrowserAsync()).NewPageAsync();
        await page.GotoAsync(Url("/"));
        // The page is prerendered first; a click before the circuit is live would be lost.
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        await page.Locator("#check-server").ClickAsync();

        var status = page.Locator("#server-status");
        await Expect(status).ToContainTextAsync("Connected to PadHub server");
        await Expect(status).ToContainTextAsync("2030-05-17 09:30:00 UTC");
    }
}
