using Microsoft.Playwright;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// One headless Debian Chromium per test run, driven by Playwright. Tests open their own
/// <see cref="IBrowserContext"/> (a separate cookie jar: one per simulated participant).
/// </summary>
/// <remarks>
/// Playwright never downloads a browser here: it launches /usr/bin/chromium, which ./test.sh installs with apt-get.
/// A missing browser fails every end-to-end test with a message saying what to install; it never skips them.
/// Playwright's Launch gives the browser a fresh temporary user-data directory of its own and deletes it on close.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Deadline for one navigation, action or assertion: generous, because two browser collections run at once on
    /// two-core machines (a page that never gets there still fails, only later).
    /// </summary>
    public const float TimeoutMs = 40_000;

    // Without the background-networking flags Chromium floods the closed network with refused connections.
    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}; the end-to-end tests need Debian's chromium package. " +
                "Run ./test.sh as root (it installs it) or: apt-get update && apt-get install -y chromium");
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>A new isolated browser context (own cookies and storage) whose actions time out after <see cref="TimeoutMs"/>.</summary>
    /// <param name="viewport">The window size (e.g. a phone's 390 x 844); Playwright's default 1280 x 720 when null.</param>
    /// <param name="locale">The browser's language (e.g. <c>fr-FR</c>, sent as <c>Accept-Language</c>); Playwright's default when null.</param>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, string? locale = null) =>
        NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = locale });

    /// <summary>A new isolated browser context with <paramref name="options"/> (language, reduced motion, viewport...).</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var browser = _browser ?? throw new InvalidOperationException("The Chromium fixture has not been initialised.");
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
