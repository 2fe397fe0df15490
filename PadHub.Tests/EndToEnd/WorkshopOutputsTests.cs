using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Results;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Issue 12's whole path in Chromium against the real server: a note-taker marks a conclusion with the toolbar, the
/// dashboard and the plenary page show it live with the rapporteur the moderator named, the moderator ends the session,
/// the pads lock, and the results page shows the recorded result and downloads export.zip.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class WorkshopOutputsTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private const string Conclusion = "Shared vocabularies make open data reusable";

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Fact]
    public async Task MarkedConclusion_ReachesDashboardAndPlenary_EndingLocksThePads_ResultsPageDownloadsTheZip()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data",
            "Three breakout groups on open data and digital commons.",
            [
                new GroupDefinition("Data commons", "Favourable conditions for open data?", ["Ada"]),
                new GroupDefinition("Local and European", "Benefits of Common Goods projects?", ["Linus"]),
                new GroupDefinition("Everyday practice", "Open data in day-to-day practice?", ["Margaret"]),
            ]));
        var group = session.Groups[0];
        output.WriteLine($"session {session.SessionId}, pad {group.PadId}");
        var dashboard = await OpenAsync(SessionRoutes.Dashboard(session.ModeratorToken), new ViewportSize { Width = 1366, Height = 900 });
        await Expect(dashboard.Locator("[data-group-pane]")).ToHaveCountAsync(3);
        var plenary = await OpenAsync(SessionRoutes.Plenary(session.ModeratorToken), new ViewportSize { Width = 1280, Height = 720 });
        await Expect(plenary.Locator("[data-plenary-group]")).ToHaveCountAsync(3);
        var editor = await OpenAsync(SessionRoutes.EditPad(group.NoteTakerToken), null, "Note-taker 1");
        await WaitInteractiveAsync(editor);

        // The note-taker marks a passage with the toolbar button.
        await CaretToEndAsync(editor);
        await editor.Keyboard.TypeAsync(Conclusion);
        await editor.Keyboard.PressAsync("Shift+Home");
        await editor.Locator("[data-action=mark-conclusion]").ClickAsync();
        await Expect(editor.Locator(".cm-content .padhub-conclusion")).Not.ToHaveCountAsync(0);
        await WaitSavedAsync(editor);

        // The moderator names the rapporteur on the dashboard; the dashboard and the plenary show the conclusion live.
        var pane = dashboard.Locator($"[data-group-pane][data-group-id='{group.GroupId}']");
        await Expect(pane.Locator("[data-conclusion]")).ToHaveTextAsync([Conclusion]);
        var rapporteur = dashboard.Locator($"#padhub-rapporteur-{group.GroupId}");
        await rapporteur.FillAsync("Ada Lovelace");
        await rapporteur.PressAsync("Enter");
        var plenaryGroup = plenary.Locator($"[data-plenary-group][data-group-id='{group.GroupId}']");
        await Expect(plenaryGroup.Locator("[data-conclusion] mark")).ToHaveTextAsync([Conclusion]);
        await Expect(plenaryGroup.Locator("[data-rapporteur]")).ToContainTextAsync("Ada Lovelace");

        // Ending the session locks the pad live.
        await dashboard.Locator("[data-action=end-session]").ClickAsync();
        await dashboard.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();
        await Expect(Editor(editor)).ToHaveAttributeAsync("data-can-write", "false");
        await Expect(editor.Locator("[data-access=ended]")).ToContainTextAsync("Session ended");

        // The results page shows the recorded result and downloads the archive.
        var results = await OpenAsync(SessionRoutes.Results(session.ResultsToken), new ViewportSize { Width = 1366, Height = 900 });
        await Expect(results.Locator(".padhub-results")).ToHaveAttributeAsync("data-results-state", "ended");
        await Expect(results.Locator("[data-results-group='1'] [data-results-conclusion]")).ToHaveTextAsync([Conclusion]);
        await Expect(results.Locator("[data-results-rapporteur='1']")).ToHaveTextAsync("Ada Lovelace");
        var download = await results.RunAndWaitForDownloadAsync(() =>
            results.Locator($"[data-results-download='{ResultsFiles.Archive}']").First.ClickAsync());
        Assert.Equal(ResultsFiles.Archive, download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"padhub-export-{Guid.NewGuid():N}.zip");
        try
        {
            await download.SaveAsAsync(path);
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains(ResultsFiles.DataPackage, names);
            Assert.Contains(ResultsFiles.ConclusionsCsv, names);
            Assert.Contains(ResultsFiles.Pad(1, "md"), names);
            using var reader = new StreamReader(zip.GetEntry(ResultsFiles.ConclusionsMarkdown)!.Open());
            var conclusions = await reader.ReadToEndAsync();
            Assert.Contains(Conclusion, conclusions, StringComparison.Ordinal);
            Assert.Contains("Ada Lovelace", conclusions, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<IPage> OpenAsync(string route, ViewportSize? viewport, string? name = null)
    {
        var page = await (await NewBrowserAsync(name, viewport)).NewPageAsync();
        await page.GotoAsync(Url(route));
        return page;
    }
}
