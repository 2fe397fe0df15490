using Microsoft.Playwright;
using PadHub.Server.Persistence;

namespace PadHub.Tests.EndToEnd;

/// <summary>What the end-to-end tests compare pages with, and their opt-in screenshots.</summary>
internal static class StoredPads
{
    /// <summary>The pad as the store holds it: the latest snapshot with every later revision applied.</summary>
    public static async Task<(string Text, int Revision)> LoadAsync(IPadStore store, string padId)
    {
        var state = await store.LoadAsync(padId) ?? throw new InvalidOperationException($"Pad {padId} is not in the store.");
        var text = state.Snapshot.Text;
        var revision = state.Snapshot.Revision;
        foreach (var stored in state.Revisions)
        {
            Assert.Equal(revision + 1, stored.Operation.Revision);
            text = stored.Operation.Operation.Apply(text);
            revision = stored.Operation.Revision;
        }

        return (text, revision);
    }

    /// <summary>Opt-in, for the docs: <c>PADHUB_SCREENSHOTS=$PWD/docs/screenshots ./test.sh</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PADHUB_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }
}
