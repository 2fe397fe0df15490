using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Server.Persistence;
using PadHub.Tests.Server;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The set-up every browser test shares: the real server (Kestrel on 127.0.0.1, its own SQLite file) started for the
/// test (<see cref="ServerTest"/>), and browser contexts from the collection's one Chromium (<see cref="ChromiumFixture"/>,
/// which fails, never skips, when the browser is missing), each closed before the server stops.
/// </summary>
/// <remarks>
/// Each test class still names <see cref="EndToEndCollectionDefinition"/> itself: xunit reads the attribute off the
/// class it runs, not off its base.
/// </remarks>
public abstract class BrowserTest(ChromiumFixture chromium, PadHubServerFactory server) : ServerTest(server)
{
    private readonly List<IBrowserContext> _browsers = [];

    /// <summary>The server's pad store: the durable truth the tests compare pages with.</summary>
    protected IPadStore Store => Server.Services.GetRequiredService<IPadStore>();

    public override async Task DisposeAsync()
    {
        foreach (var browser in _browsers)
        {
            await browser.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>A new participant: a browser context of its own, closed with the test.</summary>
    /// <param name="rememberedName">The display name the page finds in local storage, as if typed on an earlier visit; none when null.</param>
    /// <param name="viewport">The window size; Playwright's default when null.</param>
    /// <param name="locale">The browser's language (<c>fr-FR</c> opens French pages); Playwright's default when null.</param>
    protected Task<IBrowserContext> NewBrowserAsync(string? rememberedName = null, ViewportSize? viewport = null, string? locale = null) =>
        NewBrowserAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = locale }, rememberedName);

    /// <summary>A new participant whose browser has <paramref name="options"/> (language, reduced motion, viewport...).</summary>
    /// <param name="rememberedName">The display name the page finds in local storage; none when null.</param>
    protected async Task<IBrowserContext> NewBrowserAsync(BrowserNewContextOptions options, string? rememberedName = null)
    {
        var browser = await chromium.NewContextAsync(options);
        _browsers.Add(browser);
        if (rememberedName is not null)
        {
            await browser.AddInitScriptAsync($"localStorage.setItem('padhub.name', '{rememberedName}')");
        }

        return browser;
    }

    /// <summary>The absolute address of <paramref name="path"/> (e.g. <c>/p/token</c>) on <paramref name="on"/>, this test's server by default.</summary>
    protected string Url(string path, PadHubServerFactory? on = null) =>
        new Uri((on ?? Server).ServerAddress, path.TrimStart('/')).ToString();
}
