using Bunit;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class SessionDashboardTests : SessionComponentTest
{
    public SessionDashboardTests() => WatchEveryGroup(group => $"# {group.Name}\n\nNotes of {group.Name}.\n");

    private IRenderedComponent<SessionDashboard> RenderDashboard(string token = FakeWorkshopService.ModeratorToken)
    {
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, token));
        if (token == FakeWorkshopService.ModeratorToken)
        {
            cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-group-pane] [data-pad-text]").Count));
        }

        return cut;
    }

    [Fact]
    public void Render_Moderator_AllGroupsSideBySideWithPhaseAndCountdown()
    {
        var cut = RenderDashboard();

        Assert.Equal(["g1", "g2", "g3"], cut.FindAll("[data-group-pane]").Select(p => p.GetAttribute("data-group-id")));
        Assert.Equal("Breakout groups", cut.Find("[data-facilitation] [data-phase]").GetAttribute("data-phase"));
        Assert.Equal("12:05", cut.Find("[data-facilitation] [data-countdown]").TextContent);
        Assert.Equal(SessionRoutes.Share(FakeWorkshopService.ModeratorToken), cut.Find("[data-share-link]").GetAttribute("href"));
    }

    [Fact]
    public void Render_AudienceToken_SaysTheLinkCannotOpenTheDashboard()
    {
        var cut = RenderDashboard(FakeWorkshopService.AudienceToken);

        cut.WaitForAssertion(() => Assert.Contains("This link cannot open the dashboard", cut.Find(".padhub-not-moderator").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-group-pane]"));
        Assert.Equal(0, Workshops.SubscriptionCount);
    }

    [Fact]
    public void Render_UnknownToken_LinkNotValid()
    {
        var cut = RenderDashboard("revoked");

        cut.WaitForAssertion(() => cut.Find(".padhub-link-invalid"));
    }

    [Fact]
    public void Lock_Clicked_LocksEveryPadAndButtonTurnsToUnlock()
    {
        var cut = RenderDashboard();

        cut.Find("button[data-action=lock]").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("button[data-action=lock]").GetAttribute("data-locked")));
        Assert.Contains("Unlock all pads", cut.Find("button[data-action=lock]").TextContent, StringComparison.Ordinal);
        cut.Find("button[data-action=lock]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["lock", "unlock"], Workshops.Calls));
    }

    [Fact]
    public void TimerButtons_Clicked_CallTheServiceWithTheModeratorToken()
    {
        var cut = RenderDashboard();

        cut.Find("button[data-action=pause]").Click();
        cut.Find("button[data-action=extend-5]").Click();
        cut.Find("button[data-action=next]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["pause", "extend 5", "next"], Workshops.Calls));
    }

    [Fact]
    public void Announce_ToAllGroups_SentAndFieldCleared()
    {
        var cut = RenderDashboard();

        cut.Find("#padhub-announcement").Input("Ten minutes left");
        cut.Find("form.padhub-facilitation-announce").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["announce all: Ten minutes left"], Workshops.Calls));
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("#padhub-announcement").GetAttribute("value") ?? ""));
    }

    [Fact]
    public void Announce_ToOneGroup_SentToThatGroup()
    {
        var cut = RenderDashboard();

        cut.Find("#padhub-announcement").Input("Group 2, please wrap up");
        cut.Find("#padhub-announce-to").Change("g2");
        cut.Find("form.padhub-facilitation-announce").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["announce g2: Group 2, please wrap up"], Workshops.Calls));
    }

    [Fact]
    public void StateChange_PhaseMovedOnServer_BarFollowsLive()
    {
        var cut = RenderDashboard();

        Workshops.Publish(Workshops.State with { Timer = new PhaseTimer(2, false, null, TimeSpan.FromMinutes(20)) });

        cut.WaitForAssertion(() => Assert.Equal("Conclusions", cut.Find("[data-facilitation] [data-phase]").GetAttribute("data-phase")));
        Assert.Equal("20:00", cut.Find("[data-facilitation] [data-countdown]").TextContent);
        cut.Find("button[data-action=start]");
    }
}
