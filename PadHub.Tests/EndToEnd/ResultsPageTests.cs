using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Results;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using PadHub.Tests.Server.Results;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The results page in Chromium against the real server: an ended session's results with conclusions, rapporteurs and
/// named versions, export.zip downloaded with its progress shown, and a pad's live read-only view. Produces
/// docs/screenshots/results.png when <c>PADHUB_SCREENSHOTS</c> names a folder.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class ResultsPageTests(ChromiumFixture chromium)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    private async Task<SessionCreated> EndedSessionAsync()
    {
        var created = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data",
            "Gathering the conclusions of three breakout groups as open data.",
            [
                new GroupDefinition("Data commons", "Favourable conditions for open data from diverse origins?", ["Ada", "Grace"]),
                new GroupDefinition("Local and European", "Benefits of Common Goods projects?", ["Linus"]),
                new GroupDefinition("Everyday practice", "Open data in day-to-day practice?", ["Margaret"]),
            ],
            null,
            false));
        string[][] conclusions =
        [
            ["Shared vocabularies make data from many origins reusable", "Fund the maintainers of the commons"],
            ["Local projects need a European registry"],
            ["Publish by default, under an open licence"],
        ];
        for (var i = 0; i < created.Groups.Count; i++)
        {
            var group = created.Groups[i];
            var text = "\n## Notes\n\n" + string.Concat(conclusions[i].Select(c => $"- ==" + c + "==\n"));
            await ResultsSessionWriter.AppendAsync(Server, group.NoteTakerToken, group.PadId, $"Note-taker {i + 1}", text, i == 0 ? "first draft" : null);
            await Workshops.SetRapporteurAsync(created.ModeratorToken, group.GroupId, $"Rapporteur {i + 1}");
        }

        await Workshops.EndSessionAsync(created.ModeratorToken);
        return created;
    }

    [Fact]
    public async Task ResultsPage_EndedSession_ShowsTheResultsAndDownloadsTheZipWithProgress()
    {
        var created = await EndedSessionAsync();
        var browser = await NewBrowserAsync(viewport: new ViewportSize { Width = 1366, Height = 900 });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(Url(SessionRoutes.Results(created.ResultsToken)));

        var root = page.Locator(".padhub-results");
        await Expect(root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(root).ToHaveAttributeAsync("data-results-state", "ended");
        await Expect(page.Locator("[data-results-group='1'] [data-results-conclusion]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-results-rapporteur='3']")).ToHaveTextAsync("Rapporteur 3");
        await Expect(page.Locator("[data-results-group='1'] [data-results-named-revision]")).ToContainTextAsync("first draft");
        await StoredPads.ScreenshotAsync(page, "results");

        await page.Locator($"[data-results-download='{ResultsFiles.Archive}']").First.ClickAsync();

        var progress = page.Locator("[data-results-progress]");
        await Expect(progress).ToHaveAttributeAsync("data-state", "done");
        Assert.True(int.Parse(await progress.GetAttributeAsync("data-bytes") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 1000);
    }

    [Fact]
    public async Task LivePad_ResultsLink_ShowsThePadReadOnly()
    {
        var created = await EndedSessionAsync();
        var browser = await NewBrowserAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(Url(ResultsFiles.LivePad(created.ResultsToken, 2)));

        var view = page.Locator("[data-results-live-pad='2']");
        await Expect(view).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(view.Locator("mark")).ToHaveTextAsync("Local projects need a European registry");
        await Expect(page.Locator(".cm-editor, textarea, [contenteditable='true']")).ToHaveCountAsync(0);
    }
}
