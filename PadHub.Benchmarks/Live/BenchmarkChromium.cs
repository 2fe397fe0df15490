using Microsoft.Playwright;

namespace PadHub.Benchmarks.Live;

/// <summary>Debian's Chromium for the browser benchmarks, through Playwright; never downloaded.</summary>
internal static class BenchmarkChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Flags from STACK.md: without the background-networking ones Chromium floods the closed network.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>Whether the browser is there; when it is not, says on stderr what to install.</summary>
    public static bool IsInstalled()
    {
        if (File.Exists(ExecutablePath))
        {
            return true;
        }

        Console.Error.WriteLine($"{ExecutablePath} is missing: apt-get update && apt-get install -y chromium");
        return false;
    }

    /// <summary>A headless browser with the flags above.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
}
