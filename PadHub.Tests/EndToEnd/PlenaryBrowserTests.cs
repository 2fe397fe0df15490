using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Server;
using PadHub.Tests.Server.Hubs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// The plenary page in Chromium against the real server: projector mode fits 1920x1080 and 1280x720 without scrolling
/// for three groups of five conclusions (and scales its type down for more), and the spotlight set there reaches an
/// audience page live. Produces docs/screenshots/plenary.png when <c>PADHUB_SCREENSHOTS</c> names a folder.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PlenaryBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    // Every visible element of the plenary inside the window, none with content past its own box, and a document
    // that does not scroll either way: the list of offenders, empty when it fits.
    private const string Overflows = """
        () => {
          const bad = [];
          const doc = document.scrollingElement;
          if (doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth) {
            bad.push(`document ${doc.scrollWidth}x${doc.scrollHeight} in ${window.innerWidth}x${window.innerHeight}`);
          }
          const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
          for (const el of document.querySelectorAll('[data-plenary], [data-plenary] *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.top < -1 || r.left < -1 || r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1) {
              bad.push(`${name(el)} outside the window`);
            }
            if (el.clientHeight > 0 && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
              bad.push(`${name(el)} overflows ${el.scrollWidth}x${el.scrollHeight} > ${el.clientWidth}x${el.clientHeight}`);
            }
          }
          return bad;
        }
        """;

    private static readonly GroupDefinition[] Groups =
    [
        new("Data commons", "How to create favorable conditions for collecting and enriching open data from diverse origins?", ["Ada", "Grace"]),
        new("Local and European", "What benefits of Common Goods projects at local and European levels?", ["Linus"]),
        new("Everyday practice", "How to promote open data in day-to-day practices to contribute to a Common Goods project?", ["Margaret"]),
    ];

    private static readonly string[] Rapporteurs = ["Ada Lovelace", "Linus Pauling", "Margaret Hamilton"];

    private static readonly string[] Points =
    [
        "Publish under an open licence from the first day, not after the project ends.",
        "Shared vocabularies across cities make local datasets comparable and reusable.",
        "Name a data steward for each dataset, with time budgeted for the role.",
        "Citizens contribute corrections when they can see how their data is used.",
        "Fund the maintenance of commons, not only their creation.",
        "Document provenance so that enriched data keeps the trust of its sources.",
        "Start with the data people already ask for, then widen the catalogue.",
    ];

    private IWorkshopService Workshops => Server.Services.GetRequiredService<IWorkshopService>();

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task Plenary_ThreeGroupsOfFiveConclusions_FitsTheScreenWithoutScrolling(int width, int height)
    {
        var session = await CreateSessionAsync();
        for (var i = 0; i < session.Groups.Count; i++)
        {
            await AppendAsync(session.Groups[i], Conclusions(i, 5));
            await Workshops.SetRapporteurAsync(session.ModeratorToken, session.Groups[i].GroupId, Rapporteurs[i]);
        }

        await Workshops.SetSpotlightAsync(session.ModeratorToken, new Spotlight(session.Groups[1].GroupId, Points[2]));
        var plenary = await OpenPlenaryAsync(session.ModeratorToken, width, height);

        await Expect(plenary.Locator("[data-plenary-group] [data-conclusion]")).ToHaveCountAsync(15);
        await Expect(plenary.Locator("[data-rapporteur]")).ToHaveCountAsync(3);
        await Expect(plenary.Locator("[data-conclusion][data-spotlit=true]")).ToHaveCountAsync(1);
        await AssertFitsAsync(plenary);
        var fontSize = await plenary.Locator(".padhub-conclusion-text").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        output.WriteLine($"{width}x{height}: conclusions at {fontSize:0.#} px");
        await Expect(plenary.Locator("[data-results-qr] svg")).ToBeVisibleAsync();
        await Expect(plenary.Locator("[data-results-link]")).ToHaveTextAsync(Url(SessionRoutes.Results(session.ResultsToken)));
        if (width == 1920)
        {
            await StoredPads.ScreenshotAsync(plenary, "plenary");
        }

        // Twice as much, live: the type scales down again rather than scrolling.
        for (var i = 0; i < session.Groups.Count; i++)
        {
            await AppendAsync(session.Groups[i], Conclusions(i + 1, 7));
        }

        await Expect(plenary.Locator("[data-plenary-group] [data-conclusion]")).ToHaveCountAsync(36);
        await AssertFitsAsync(plenary);
        var smaller = await plenary.Locator(".padhub-conclusion-text").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        output.WriteLine($"{width}x{height}: 12 conclusions a group at {smaller:0.#} px");
        Assert.True(smaller < fontSize, $"{smaller} px is not smaller than {fontSize} px");

        // One group full-screen with the arrow keys, back to all with Escape; still no scrolling.
        await plenary.Keyboard.PressAsync("ArrowRight");
        await Expect(plenary.Locator("[data-plenary]")).ToHaveAttributeAsync("data-focused-group", "1");
        await Expect(plenary.Locator("[data-plenary-group]:visible")).ToHaveCountAsync(1);
        await AssertFitsAsync(plenary);
        await plenary.Keyboard.PressAsync("Escape");
        await Expect(plenary.Locator("[data-plenary]")).ToHaveAttributeAsync("data-mode", "all");
    }

    [Fact]
    public async Task Plenary_OtherLinks_InvalidLinkView()
    {
        var session = await CreateSessionAsync();
        var browser = await NewBrowserAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(Url(SessionRoutes.Plenary(session.AudienceToken)));

        await Expect(page.Locator(".padhub-link-invalid")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-plenary]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Spotlight_SetOnThePlenary_ShownOnTheAudiencePageUntilCleared()
    {
        var session = await CreateSessionAsync();
        await AppendAsync(session.Groups[1], Conclusions(1, 3));
        var plenary = await OpenPlenaryAsync(session.ModeratorToken, 1280, 720);
        var phone = await NewBrowserAsync(viewport: new ViewportSize { Width = 390, Height = 844 });
        var audience = await phone.NewPageAsync();
        await audience.GotoAsync(Url(SessionRoutes.Audience(session.AudienceToken)));
        await Expect(audience.Locator("[data-interactive=true]").First).ToBeVisibleAsync();
        await Expect(audience.Locator("[data-spotlight]")).ToHaveCountAsync(0);

        var group = plenary.Locator($"[data-plenary-group][data-group-id='{session.Groups[1].GroupId}']");
        await group.Locator("[data-conclusion][data-order='2'] [data-spotlight-action=conclusion]").ClickAsync();

        var card = audience.Locator("[data-spotlight]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToHaveAttributeAsync("data-spotlight-group", session.Groups[1].GroupId);
        await Expect(card.Locator("[data-spotlight-conclusion]")).ToHaveTextAsync(Points[2]);
        await Expect(card).ToContainTextAsync(Groups[1].Name);
        await Expect(group.Locator("[data-conclusion][data-order='2']")).ToHaveAttributeAsync("data-spotlit", "true");

        await plenary.Locator("[data-spotlight-action=clear]").ClickAsync();

        await Expect(audience.Locator("[data-spotlight]")).ToHaveCountAsync(0);
        await Expect(group.Locator("[data-conclusion][data-spotlit=true]")).ToHaveCountAsync(0);
    }

    private static string Conclusions(int offset, int count) =>
        "\n" + string.Concat(Enumerable.Range(0, count).Select(n => $"- =={Points[(offset + n) % Points.Length]}==\n"));

    private static async Task AssertFitsAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => ({Overflows})().length === 0", null, new() { Timeout = ChromiumFixture.TimeoutMs });
        }
        catch (TimeoutException)
        {
            var offenders = await page.EvaluateAsync<string[]>(Overflows);
            Assert.Fail("The plenary does not fit: " + string.Join("; ", offenders.Take(20)));
        }
    }

    private async Task<SessionCreated> CreateSessionAsync()
    {
        var session = await Workshops.CreateSessionAsync(new CreateSessionRequest(
            "IGF 2018 WS #42 - From commons to open data: the case of social innovations",
            "Breakout groups on open data and digital commons.",
            Groups,
            AudienceCanEdit: false));
        output.WriteLine($"session {session.SessionId}: {string.Join(", ", session.Groups.Select(g => g.PadId))}");
        return session;
    }

    private async Task<IPage> OpenPlenaryAsync(string moderatorToken, int width, int height)
    {
        var browser = await NewBrowserAsync("Moderator", new ViewportSize { Width = width, Height = height });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url(SessionRoutes.Plenary(moderatorToken)));
        await Expect(page.Locator("[data-plenary][data-interactive=true]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-plenary-group]")).ToHaveCountAsync(Groups.Length);
        return page;
    }

    /// <summary>Appends <paramref name="text"/> to the group's pad as its note-taker would, through the real hub.</summary>
    private async Task AppendAsync(GroupLinks group, string text)
    {
        await using var client = await HubPadClient.ConnectAsync(Server.ServerAddress);
        var joined = await client.JoinAsync(group.PadId, group.NoteTakerToken, "Note-taker");
        var length = joined.GetProperty("text").GetString()!.Length;
        var ops = JsonNode.Parse($"[{length},{JsonSerializer.Serialize(text)}]");
        await client.InvokeAsync("Submit", new
        {
            padId = group.PadId, clientId = client.ClientId, seq = 1, baseRevision = joined.GetProperty("revision").GetInt32(), ops,
        });
    }
}
