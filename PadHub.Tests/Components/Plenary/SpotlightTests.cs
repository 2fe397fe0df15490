using Bunit;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Plenary;

/// <summary>The spotlight seen from the audience page, and set from the dashboard's panes.</summary>
public sealed class SpotlightTests : SessionComponentTest
{
    public SpotlightTests() => WatchEveryGroup(group => PlenaryViewTests.Pad(group.Number, 2));

    private IRenderedComponent<AudienceView> RenderAudience()
    {
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        return cut;
    }

    private IRenderedComponent<SessionDashboard> RenderDashboard()
    {
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        return cut;
    }

    private void WithRapporteur(string groupId, string rapporteur) =>
        Workshops.Publish(Workshops.State with { Groups = [.. Workshops.State.Groups.Select(g => g.GroupId == groupId ? g with { Rapporteur = rapporteur } : g)] });

    [Fact]
    public void Audience_NoSpotlight_ShowsNoCard()
    {
        var cut = RenderAudience();

        Assert.Empty(cut.FindAll("[data-spotlight]"));
    }

    [Fact]
    public void Audience_ConclusionSpotlit_ShownAtTheTopWithGroupAndRapporteurUntilCleared()
    {
        var cut = RenderAudience();
        WithRapporteur("g2", "Grace");

        Workshops.Publish(Workshops.State with { Spotlight = new Spotlight("g2", "Shared **vocabularies** across cities") });

        cut.WaitForAssertion(() => cut.Find("[data-spotlight]"));
        var card = cut.Find("[data-spotlight]");
        Assert.Equal("g2", card.GetAttribute("data-spotlight-group"));
        Assert.Equal("conclusion", card.GetAttribute("data-spotlight-kind"));
        Assert.Contains("Group 2: Group 2", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("Presented by Grace", card.QuerySelector("[data-rapporteur]")!.TextContent);
        Assert.Equal("vocabularies", card.QuerySelector("[data-spotlight-conclusion] strong")!.TextContent);
        // At the top: before the groups.
        Assert.Contains("data-spotlight", cut.Markup[..cut.Markup.IndexOf("data-group-pane", StringComparison.Ordinal)], StringComparison.Ordinal);

        Workshops.Publish(Workshops.State with { Spotlight = null });

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-spotlight]")));
    }

    [Fact]
    public async Task Audience_GroupSpotlit_ShowsTheGroupsConclusionsLive()
    {
        var cut = RenderAudience();

        Workshops.Publish(Workshops.State with { Spotlight = new Spotlight("g3", null) });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-spotlight] [data-conclusion]").Count));
        Assert.Equal("group", cut.Find("[data-spotlight]").GetAttribute("data-spotlight-kind"));

        await Watches.ChangeAsync("pad-3", PlenaryViewTests.Pad(3, 3));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-spotlight] [data-conclusion]").Count));
    }

    [Fact]
    public void Audience_HostileSpotlitConclusion_RenderedInert()
    {
        var cut = RenderAudience();

        Workshops.Publish(Workshops.State with { Spotlight = new Spotlight("g1", "<script>window.x=1</script><img src=x onerror=alert(1)>") });

        cut.WaitForAssertion(() => cut.Find("[data-spotlight-conclusion]"));
        var conclusion = cut.Find("[data-spotlight-conclusion]");
        Assert.Empty(conclusion.QuerySelectorAll("script, img, [onerror]"));
        Assert.Contains("<script>", conclusion.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Audience_SpotlightOnAnUnknownGroup_ShowsNothing()
    {
        var cut = RenderAudience();

        Workshops.Publish(Workshops.State with { Spotlight = new Spotlight("g9", "x") });

        cut.WaitForAssertion(() => Assert.Equal("Breakout groups", cut.Find("[data-phase]").GetAttribute("data-phase")));
        Assert.Empty(cut.FindAll("[data-spotlight]"));
    }

    [Fact]
    public void Dashboard_PlenaryLink_OpensThePlenaryPage()
    {
        var cut = RenderDashboard();

        Assert.Equal(SessionRoutes.Plenary(FakeWorkshopService.ModeratorToken), cut.Find("[data-plenary-link]").GetAttribute("href"));
    }

    [Fact]
    public void Dashboard_PaneSpotlightChoices_ListTheGroupAndEachConclusion()
    {
        var cut = RenderDashboard();
        var picker = () => cut.Find("[data-group-id=g2] [data-spotlight-picker]");
        Assert.Empty(picker().QuerySelectorAll("[data-spotlight-action]"));

        picker().QuerySelector("[data-spotlight-open]")!.Click();

        Assert.Equal("true", picker().QuerySelector("[data-spotlight-open]")!.GetAttribute("aria-expanded"));
        Assert.Equal(["group", "conclusion", "conclusion"], picker().QuerySelectorAll("[data-spotlight-action]").Select(b => b.GetAttribute("data-spotlight-action")));
        Assert.Contains("2. Conclusion 2 of group 2", picker().QuerySelector("[data-order='2']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_ConclusionChosen_SentAndShownThenCleared()
    {
        var cut = RenderDashboard();
        cut.Find("[data-group-id=g1] [data-spotlight-open]").Click();

        cut.Find("[data-group-id=g1] [data-spotlight-action=conclusion][data-order='1']").Click();

        Assert.Equal("spotlight g1: Conclusion 1 of group 1: open data needs shared stewardship.", Workshops.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-group-id=g1] [data-spotlight-picker]").GetAttribute("data-spotlit")));
        Assert.Equal("false", cut.Find("[data-group-id=g2] [data-spotlight-picker]").GetAttribute("data-spotlit"));
        Assert.Equal("true", cut.Find("[data-group-id=g1] [data-spotlight-action=conclusion][data-order='1']").GetAttribute("aria-pressed"));

        cut.Find("[data-group-id=g1] [data-spotlight-action=clear]").Click();

        Assert.Equal("spotlight clear", Workshops.Calls[^1]);
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-group-id=g1] [data-spotlight-picker]").GetAttribute("data-spotlit")));
    }

    [Fact]
    public void Dashboard_WholeGroupChosen_SentAsTheGroup()
    {
        var cut = RenderDashboard();
        cut.Find("[data-group-id=g3] [data-spotlight-open]").Click();

        cut.Find("[data-group-id=g3] [data-spotlight-action=group]").Click();

        Assert.Equal("spotlight g3: ", Workshops.Calls[^1]);
        Assert.Equal(new Spotlight("g3", null), Workshops.State.Spotlight);
    }
}
