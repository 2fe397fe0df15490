using Bunit;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class SessionBannerTests : SessionComponentTest
{
    private IRenderedComponent<SessionBanner> RenderBanner(string token = FakeWorkshopService.NoteTakerToken, string? padId = "pad-1")
    {
        var cut = Render<SessionBanner>(p => p.Add(x => x.Token, token).Add(x => x.PadId, padId));
        cut.WaitForAssertion(() => cut.Find(".padhub-session-banner"));
        return cut;
    }

    [Fact]
    public void Render_RunningPhase_ShowsPhaseNameAndCountdownFromServerClock()
    {
        var cut = RenderBanner();

        Assert.Equal("Breakout groups", cut.Find("[data-phase]").GetAttribute("data-phase"));
        Assert.Equal("12:05", cut.Find("[data-countdown]").TextContent);
    }

    [Fact]
    public void Countdown_ServerClockAdvances_TicksDown()
    {
        var cut = RenderBanner();

        Time.Advance(TimeSpan.FromSeconds(65));

        cut.WaitForAssertion(() => Assert.Equal("11:00", cut.Find("[data-countdown]").TextContent));
    }

    [Fact]
    public void Countdown_PhaseOverrun_ShowsNegativeTime()
    {
        var cut = RenderBanner();

        Time.Advance(TimeSpan.FromMinutes(13));

        cut.WaitForAssertion(() => Assert.Equal("-0:55", cut.Find("[data-countdown]").TextContent));
    }

    [Fact]
    public void Countdown_Paused_ShowsRemainingAndPausedWithoutTicking()
    {
        Workshops.Publish(Workshops.State with { Timer = new PhaseTimer(1, false, null, TimeSpan.FromMinutes(7)) });
        var cut = RenderBanner();

        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("7:00", cut.Find("[data-countdown]").TextContent);
        Assert.Contains("paused", cut.Find(".padhub-session-banner").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Announcement_ToEveryoneArrivesLive_ShownAsBanner()
    {
        var cut = RenderBanner();
        Assert.Empty(cut.FindAll("[data-announcement]"));

        Workshops.Publish(Workshops.State with { Announcements = [new Announcement("a1", null, "Five minutes left!", Now)] });

        cut.WaitForAssertion(() => Assert.Contains("Five minutes left!", cut.Find("[data-announcement]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Announcement_ToAnotherGroup_NotShown()
    {
        Workshops.Publish(Workshops.State with { Announcements = [new Announcement("a1", "g2", "Group 2 only", Now)] });

        var cut = RenderBanner();

        Assert.Empty(cut.FindAll("[data-announcement]"));
    }

    [Fact]
    public void Announcement_Several_ShowsNewestForThisGroup()
    {
        Workshops.Publish(Workshops.State with
        {
            Announcements = [new Announcement("a1", null, "Welcome", Now), new Announcement("a2", "g1", "Group 1: wrap up", Now), new Announcement("a3", "g3", "Group 3", Now)],
        });

        var cut = RenderBanner();

        Assert.Equal("a2", cut.Find("[data-announcement]").GetAttribute("data-announcement"));
    }

    [Fact]
    public void Dismiss_Announcement_ShowsPreviousOne()
    {
        Workshops.Publish(Workshops.State with { Announcements = [new Announcement("a1", null, "Welcome", Now), new Announcement("a2", null, "Break", Now)] });
        var cut = RenderBanner();

        cut.Find("[data-announcement] button").Click();

        cut.WaitForAssertion(() => Assert.Equal("a1", cut.Find("[data-announcement]").GetAttribute("data-announcement")));
    }

    [Fact]
    public void Lock_PublishedLive_MarksBannerLocked()
    {
        var cut = RenderBanner();
        Assert.Equal("false", cut.Find("[data-locked]").GetAttribute("data-locked"));

        Workshops.Publish(Workshops.State with { Locked = true });

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-locked]").GetAttribute("data-locked")));
        Assert.Contains("locked by the moderator", cut.Find(".padhub-session-banner").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownToken_RendersNothing()
    {
        var cut = Render<SessionBanner>(p => p.Add(x => x.Token, "revoked").Add(x => x.PadId, "pad-1"));

        Assert.Empty(cut.FindAll(".padhub-session-banner"));
    }

    [Fact]
    public async Task DisposeAsync_Subscribed_StopsWatching()
    {
        var cut = RenderBanner();
        Assert.Equal(1, Workshops.SubscriptionCount);

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());

        Assert.Equal(0, Workshops.SubscriptionCount);
    }
}
