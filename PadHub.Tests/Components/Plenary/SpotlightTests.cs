using Bunit;
using Bunit.Rendering;
using MudBlazor;
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

    // With the popover provider: the pane's spotlight choices are a menu, rendered there.
    private IRenderedComponent<ContainerFragment> RenderDashboard()
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SessionDashboard>(1);
            builder.AddAttribute(2, nameof(SessionDashboard.Token), FakeWorkshopService.ModeratorToken);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        return cut;
    }

    private static void OpenPicker(IRenderedComponent<ContainerFragment> cut, string groupId) =>
        cut.Find($"[data-group-id={groupId}] [data-spotlight-picker] button").Click();

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
    public void Dashboard_PaneSpotlightMenu_ListsTheGroupAndEachConclusion()
    {
        var cut = RenderDashboard();
        Assert.Empty(cut.FindAll("[data-spotlight-action]"));

        OpenPicker(cut, "g2");

        cut.WaitForAssertion(() => Assert.Equal(["group", "conclusion", "conclusion"],
            cut.FindAll("[data-spotlight-action]").Select(b => b.GetAttribute("data-spotlight-action"))));
        Assert.Contains("2. Conclusion 2 of group 2", cut.Find("[data-spotlight-action=conclusion][data-order='2']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_ConclusionChosen_SentAndShownThenCleared()
    {
        var cut = RenderDashboard();
        OpenPicker(cut, "g1");

        cut.Find("[data-spotlight-action=conclusion][data-order='1']").Click();

        // A menu item closes its menu before it calls back: wait for the call.
        cut.WaitForAssertion(() => Assert.Equal("spotlight g1: Conclusion 1 of group 1: open data needs shared stewardship.", Workshops.Calls[^1]));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-group-id=g1] [data-spotlight-picker]").GetAttribute("data-spotlit")));
        Assert.Equal("false", cut.Find("[data-group-id=g2] [data-spotlight-picker]").GetAttribute("data-spotlit"));
        Assert.Contains("In the spotlight", cut.Find("[data-group-id=g1] [data-spotlight-picker]").TextContent, StringComparison.Ordinal);

        OpenPicker(cut, "g1");
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-spotlight-action=conclusion][data-order='1']").GetAttribute("data-current")));
        cut.Find("[data-spotlight-action=clear]").Click();

        cut.WaitForAssertion(() => Assert.Equal("spotlight clear", Workshops.Calls[^1]));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-group-id=g1] [data-spotlight-picker]").GetAttribute("data-spotlit")));
    }

    [Fact]
    public void Dashboard_WholeGroupChosen_SentAsTheGroup()
    {
        var cut = RenderDashboard();
        OpenPicker(cut, "g3");

        cut.Find("[data-spotlight-action=group]").Click();

        cut.WaitForAssertion(() => Assert.Equal("spotlight g3: ", Workshops.Calls[^1]));
        Assert.Equal(new Spotlight("g3", null), Workshops.State.Spotlight);
    }
}
