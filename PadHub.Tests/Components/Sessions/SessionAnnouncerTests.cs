using System.Globalization;
using Bunit;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

/// <summary>
/// Issue 15, screen readers: what a pad's session banner says through its polite live region (lock, phase change, the
/// last minute, announcements), and what it never says (the countdown's ticks, the state the page opened with).
/// </summary>
public sealed class SessionAnnouncerTests : SessionComponentTest
{
    private IRenderedComponent<SessionBanner> RenderBanner()
    {
        var cut = Render<SessionBanner>(p => p.Add(x => x.Token, FakeWorkshopService.NoteTakerToken).Add(x => x.PadId, "pad-1"));
        cut.WaitForAssertion(() => cut.Find("[data-session-announcer]"));
        return cut;
    }

    private static string Spoken(IRenderedComponent<SessionBanner> cut) => cut.Find("[data-session-announcer]").TextContent.TrimEnd('\u00a0');

    [Fact]
    public void Render_OpeningState_LiveRegionIsPoliteAndSilent()
    {
        var cut = RenderBanner();

        var region = cut.Find("[data-session-announcer]");
        Assert.Equal("status", region.GetAttribute("role"));
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal("", Spoken(cut));
    }

    [Fact]
    public void Lock_PublishedLive_SaysLockedThenUnlocked()
    {
        var cut = RenderBanner();

        Workshops.Publish(Workshops.State with { Locked = true });
        cut.WaitForAssertion(() => Assert.Equal("Pads locked by the moderator.", Spoken(cut)));

        Workshops.Publish(Workshops.State with { Locked = false });
        cut.WaitForAssertion(() => Assert.Equal("Pads unlocked: you can write again.", Spoken(cut)));
    }

    [Fact]
    public void NextPhase_PublishedLive_SaysThePhase()
    {
        var cut = RenderBanner();

        Workshops.Publish(Workshops.State with { Timer = new PhaseTimer(2, false, null, TimeSpan.FromMinutes(20)) });

        cut.WaitForAssertion(() => Assert.Equal($"Phase 3 of 4: {SessionDefaults.Phases[2].Name}.", Spoken(cut)));
    }

    [Fact]
    public void Countdown_Ticking_IsATimerThatIsNeverSpoken()
    {
        var cut = RenderBanner();

        Time.Advance(TimeSpan.FromSeconds(30));

        cut.WaitForAssertion(() => Assert.Equal("11:35", cut.Find("[data-countdown]").TextContent));
        var countdown = cut.Find("[data-countdown]");
        Assert.Equal("timer", countdown.GetAttribute("role"));
        Assert.Null(countdown.GetAttribute("aria-live"));
        Assert.Equal("", Spoken(cut));
    }

    [Fact]
    public void Countdown_LastMinuteAndEnd_EachSpokenOnce()
    {
        var cut = RenderBanner();
        var phase = SessionDefaults.Phases[1].Name;

        // The phase ends at 12:05 from now: its last minute starts at 11:05.
        Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("", Spoken(cut));
        Time.Advance(TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal($"One minute left in {phase}.", Spoken(cut)));

        Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal($"One minute left in {phase}.", Spoken(cut));
        Time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal($"Time is up for {phase}.", Spoken(cut)));
    }

    [Fact]
    public void Announcement_ToThisGroupOrEveryone_IsSpoken_ToAnotherGroupIsNot()
    {
        var cut = RenderBanner();

        Workshops.Publish(Workshops.State with { Announcements = [new Announcement("a1", "g2", "Group 2 only", Now)] });
        Workshops.Publish(Workshops.State with { Locked = true });
        cut.WaitForAssertion(() => Assert.Equal("Pads locked by the moderator.", Spoken(cut)));

        Workshops.Publish(Workshops.State with { Announcements = [.. Workshops.State.Announcements, new Announcement("a2", "g1", "Group 1: wrap up", Now)] });
        cut.WaitForAssertion(() => Assert.Equal("Announcement: Group 1: wrap up", Spoken(cut)));
    }

    [Fact]
    public void Lock_InFrench_SaidInFrench()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        try
        {
            var cut = RenderBanner();

            Workshops.Publish(Workshops.State with { Locked = true });

            cut.WaitForAssertion(() => Assert.Equal("Pads verrouillés par le modérateur.", Spoken(cut)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
