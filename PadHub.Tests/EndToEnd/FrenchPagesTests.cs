using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using static Microsoft.Playwright.Assertions;
using static PadHub.Tests.EndToEnd.EditorPage;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The main pages in French, as a browser asking for French opens them: each says <c>&lt;html lang="fr"&gt;</c>, shows
/// French text once interactive (the circuit kept the request's culture) and passes the axe audit. Also produces the
/// French audience and dashboard screenshots for docs/screenshots when <c>PADHUB_SCREENSHOTS</c> names a folder.
/// </summary>
[Collection(PageAuditCollectionDefinition.Name)]
public sealed class FrenchPagesTests(ChromiumFixture chromium)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private const string French = "fr-FR";

    // Axe findings are gathered page by page and reported at the end, so that one page's finding does not hide
    // whether the next pages are French.
    private readonly List<string> _axeFindings = [];

    // English left on a French page (EnglishSentinels), gathered likewise.
    private readonly List<string> _englishFindings = [];

    [Fact]
    public async Task MainPages_FrenchBrowser_FrenchTextLangAndNoSeriousAxeViolation()
    {
        var browser = await NewBrowserAsync("Ada", new ViewportSize { Width = 1366, Height = 900 }, French);
        var page = await browser.NewPageAsync();

        // Home and the form: create a French session through the form.
        await page.GotoAsync(Url("/"));
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await AssertFrenchAsync(page, "h2", "Créer une session d’atelier", "home and form");
        await page.Locator("#session-title").FillAsync("Atelier données ouvertes");
        for (var i = 0; i < 3; i++)
        {
            await page.Locator($"#group-{i}-topic").FillAsync($"Question {i + 1} ?");
        }
        await page.Locator("#create-session").ClickAsync();

        // Share page.
        await Expect(page.Locator(".padhub-share")).ToBeVisibleAsync();
        await AssertFrenchAsync(page, ".padhub-share-hint", "Les liens sont des clés", "share page");
        var moderator = new Uri(page.Url).AbsolutePath.Split('/')[2];
        var audienceUrl = await page.Locator("[data-share-link=audience] [data-url]").TextContentAsync();
        var noteTakerUrl = await page.Locator("[data-share-link^=group-] [data-url]").First.TextContentAsync();
        var resultsUrl = await page.Locator("[data-share-link=results] [data-url]").TextContentAsync();
        var audienceToken = new Uri(audienceUrl!).AbsolutePath.Split('/')[2];
        var questions = Server.Services.GetRequiredService<PadHub.Components.Contracts.Questions.IQuestionService>();
        await questions.AskAsync(audienceToken, new PadHub.Components.Contracts.Questions.QuestionAsk(new string('p', 40), "Une question ?"));

        // A pad: the French template and the French editor.
        var editor = await browser.NewPageAsync();
        await editor.GotoAsync(noteTakerUrl!);
        await WaitInteractiveAsync(editor);
        await Expect(editor.Locator(".cm-content")).ToContainTextAsync("## Points clés");
        await Expect(editor.Locator(".padhub-sync")).ToHaveTextAsync("Enregistré");
        await Expect(editor.Locator(".cm-content")).ToHaveAttributeAsync("aria-label", "Texte du pad");
        await AssertFrenchAsync(editor, "[data-action=mark-conclusion]", "Marquer comme conclusion", "pad editor");
        await editor.Locator(".cm-content").ClickAsync();
        await editor.Keyboard.TypeAsync("Texte ajouté. ");
        await Expect(editor.Locator(".padhub-sync")).ToHaveTextAsync("Enregistré");
        await editor.Locator("[data-action=history]").ClickAsync();
        await Expect(editor.Locator("[data-history-panel]")).ToBeVisibleAsync();
        await AssertFrenchAsync(editor, "[data-action=history]", "Historique", "pad editor's history");

        // Dashboard.
        await page.GotoAsync(Url(SessionRoutes.Dashboard(moderator)));
        await Expect(page.Locator("[data-group-pane]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-action=lock]")).ToBeEnabledAsync();
        await AssertFrenchAsync(page, "[data-action=lock]", "Verrouiller tous les pads", "dashboard");
        await Expect(page.Locator("[data-phase]").First).ToHaveTextAsync("Introduction");
        await StoredPads.ScreenshotAsync(page, "dashboard-fr");

        // The questions on the projector.
        await page.GotoAsync(Url(SessionRoutes.Questions(moderator)));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("[data-interactive]").First).ToHaveAttributeAsync("data-interactive", "true");
        await AssertFrenchAsync(page, "body", "Une question ?", "questions projector");

        // Results (the session in progress).
        await page.GotoAsync(resultsUrl!);
        await Expect(page.Locator("[data-results-pad-text]").First).ToBeVisibleAsync();
        await AssertFrenchAsync(page, "h1", "Atelier données ouvertes", "results");

        // Plenary.
        await page.GotoAsync(Url(SessionRoutes.Plenary(moderator)));
        await Expect(page.Locator("[data-plenary]")).ToBeVisibleAsync();
        await AssertFrenchAsync(page, "[data-results]", "Résultats, pads et données ouvertes", "plenary");

        // Audience, on a phone.
        var phone = await NewBrowserAsync(viewport: new ViewportSize { Width = 390, Height = 844 }, locale: French);
        var audience = await phone.NewPageAsync();
        await audience.GotoAsync(audienceUrl!);
        await Expect(audience.Locator("[data-group-pane]")).ToHaveCountAsync(3);
        await AssertFrenchAsync(audience, "[data-group-filter=all]", "Tous les groupes", "audience page");
        await Expect(audience.Locator("[data-pad-text]").First).ToContainTextAsync("Points clés");
        await StoredPads.ScreenshotAsync(audience, "audience-fr");
        AssertNoFindings();
    }

    [Fact]
    public async Task ViewLink_FrenchBrowser_FrenchLiveView()
    {
        var pad = await Store.CreatePadAsync("# Bonjour\n");
        var page = await (await NewBrowserAsync(locale: French)).NewPageAsync();

        await page.GotoAsync(Url(SessionRoutes.ViewPad(pad.ViewToken)));

        await Expect(page.Locator(".padhub-viewer")).ToHaveAttributeAsync("data-interactive", "true");
        await AssertFrenchAsync(page, "[data-action=history]", "Historique", "/v/ live view");
        AssertNoFindings();
    }

    [Fact]
    public async Task InvalidLink_FrenchBrowser_FrenchExplanation()
    {
        var page = await (await NewBrowserAsync(locale: French)).NewPageAsync();

        await page.GotoAsync(Url(SessionRoutes.Audience("not-a-token")));

        await AssertFrenchAsync(page, ".padhub-link-invalid h1", "Ce lien n’est pas valide", "invalid link");
        await page.GotoAsync(Url("/no/such/page"));
        await AssertFrenchAsync(page, "h1", "Introuvable", "not-found page");
        AssertNoFindings();
    }

    private async Task AssertFrenchAsync(IPage page, string selector, string text, string what)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator(selector).First).ToContainTextAsync(text);
        foreach (var finding in await EnglishSentinels.FindAsync(page))
        {
            _englishFindings.Add($"{what}: {finding}");
        }

        try
        {
            await AxeAudit.AssertNoSeriousViolationsAsync(page, what + " in French");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            _axeFindings.Add(e.Message);
        }
    }

    // Both kinds at once: an axe finding does not hide English left on the page, nor the other way round.
    private void AssertNoFindings() =>
        Assert.True(_axeFindings.Count == 0 && _englishFindings.Count == 0, string.Join(Environment.NewLine,
            [.. _axeFindings, .. _englishFindings.Count == 0 ? [] : new[] { "English on French pages:" }, .. _englishFindings]));
}
