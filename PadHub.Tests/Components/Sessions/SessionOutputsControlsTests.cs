using Bunit;
using Bunit.Rendering;
using MudBlazor;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

// The moderator's controls for the session's outputs: ending and reopening, rapporteurs, and "Session ended" everywhere.
public sealed class SessionOutputsControlsTests : SessionComponentTest
{
    public SessionOutputsControlsTests() => WatchEveryGroup(group => $"# {group.Name}\n");

    [Fact]
    public void EndTheSession_Confirmed_EndsAndOffersReopen()
    {
        var cut = RenderDashboardWithDialogs();

        cut.Find("button[data-action=end-session]").Click();
        cut.WaitForAssertion(() => ClickDialogButton(cut, "End the session"));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-session-end").GetAttribute("data-session-ended")));
        Assert.Equal(["end"], Workshops.Calls);
        Assert.Contains("Session ended", cut.Find(".padhub-session-end").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button[data-action=end-session]"));
        Assert.True(cut.Find("button[data-action=lock]").HasAttribute("disabled"));

        cut.Find("button[data-action=reopen-session]").Click();

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".padhub-session-end").GetAttribute("data-session-ended")));
        Assert.Equal(["end", "reopen"], Workshops.Calls);
        Assert.False(cut.Find("button[data-action=lock]").HasAttribute("disabled"));
    }

    [Fact]
    public void EndTheSession_Cancelled_NothingHappens()
    {
        var cut = RenderDashboardWithDialogs();

        cut.Find("button[data-action=end-session]").Click();
        cut.WaitForAssertion(() => ClickDialogButton(cut, "Cancel"));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Empty(Workshops.Calls);
        Assert.Equal("false", cut.Find(".padhub-session-end").GetAttribute("data-session-ended"));
    }

    [Fact]
    public void Rapporteur_TypedThenBlurred_IsSavedForItsGroup()
    {
        var cut = RenderDashboardWithDialogs();
        var input = cut.Find("#padhub-rapporteur-g2");

        input.Input("  Ada Lovelace ");
        input.Blur();

        cut.WaitForAssertion(() => Assert.Equal(["rapporteur g2: Ada Lovelace"], Workshops.Calls));
        cut.WaitForAssertion(() => Assert.Equal("Ada Lovelace", cut.Find("[data-group-id=g2] [data-rapporteur]").GetAttribute("data-rapporteur")));
    }

    [Fact]
    public void Rapporteur_Enter_SavesOnceAndBlankClears()
    {
        var cut = RenderDashboardWithDialogs();

        cut.Find("#padhub-rapporteur-g1").Input("Grace");
        cut.Find("[data-group-id=g1] form.padhub-rapporteur").Submit();
        cut.WaitForAssertion(() => Assert.Equal(["rapporteur g1: Grace"], Workshops.Calls));
        cut.Find("#padhub-rapporteur-g1").Blur();

        cut.Find("#padhub-rapporteur-g1").Input("  ");
        cut.Find("#padhub-rapporteur-g1").Blur();

        cut.WaitForAssertion(() => Assert.Equal(["rapporteur g1: Grace", "rapporteur g1: "], Workshops.Calls));
    }

    [Fact]
    public void Rapporteur_PublishedFromElsewhere_ShowsInTheField()
    {
        var cut = RenderDashboardWithDialogs();

        Workshops.Publish(Workshops.State with { Groups = [.. Workshops.State.Groups.Select(g => g.GroupId == "g3" ? g with { Rapporteur = "Hedy" } : g)] });

        cut.WaitForAssertion(() => Assert.Equal("Hedy", cut.Find("#padhub-rapporteur-g3").GetAttribute("value")));
    }

    [Fact]
    public void Banner_SessionEnded_SaysSoInsteadOfLocked()
    {
        var state = Workshops.State with
        {
            Locked = true,
            Ended = new SessionEnd(Now, [new SessionPadResult("g1", "pad-1", 4)]),
        };

        var cut = Render<SessionBannerView>(p => p.Add(x => x.State, state));

        Assert.Equal("true", cut.Find(".padhub-session-banner").GetAttribute("data-session-ended"));
        Assert.Contains("Session ended", cut.Find(".padhub-ended-chip").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".padhub-locked-chip"));
    }

    [Fact]
    public async Task AudiencePage_SessionEnds_ShowsSessionEndedLive()
    {
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(".padhub-session-banner").GetAttribute("data-session-ended")));

        await Workshops.EndSessionAsync(FakeWorkshopService.ModeratorToken);

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-session-banner").GetAttribute("data-session-ended")));
    }

    private IRenderedComponent<ContainerFragment> RenderDashboardWithDialogs()
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SessionDashboard>(1);
            builder.AddAttribute(2, nameof(SessionDashboard.Token), FakeWorkshopService.ModeratorToken);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        return cut;
    }

    private static void ClickDialogButton(IRenderedComponent<ContainerFragment> cut, string text) =>
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains(text, StringComparison.Ordinal)).Click();
}
