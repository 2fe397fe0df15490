using Bunit;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Sessions;
using PadHub.Components.Sessions.Participation;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions.Participation;

/// <summary>Group follows on the audience page, follower counts and help calls on the dashboard, "Call the moderator" in a pad.</summary>
public sealed class ParticipationViewsTests : SessionComponentTest
{
    private static readonly DateTimeOffset CalledAt = new(2030, 5, 17, 9, 29, 0, TimeSpan.Zero);

    public ParticipationViewsTests() => WatchEveryGroup(group => $"# {group.Name}\n");

    [Fact]
    public async Task AudiencePicker_ChoosingGroups_FollowsOnceAndMovesTheFollowThenLetsGoOnDispose()
    {
        var module = Context.JSInterop.SetupModule(GroupPicker.ModulePath);
        module.Setup<int?>("followedGroup", _ => true).SetResult(null);
        module.SetupVoid("rememberGroup", _ => true).SetVoidResult();
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));
        cut.WaitForAssertion(() => Assert.Null(Assert.Single(Participation.Follows).GroupId));

        cut.Find("button[data-group-filter='2']").Click();
        cut.WaitForAssertion(() => Assert.Equal("g2", Assert.Single(Participation.Follows).GroupId));
        Assert.Equal("true", cut.Find("button[data-group-filter='2']").GetAttribute("aria-pressed"));
        module.VerifyInvoke("rememberGroup");

        cut.Find("button[data-group-filter=all]").Click();
        cut.WaitForAssertion(() => Assert.Null(Assert.Single(Participation.Follows).GroupId));

        await Context.DisposeComponentsAsync();
        Assert.Empty(Participation.Follows);
    }

    [Fact]
    public void AudiencePicker_RememberedGroup_IsFollowedAndShownWhenTheAddressNamesNone()
    {
        var module = Context.JSInterop.SetupModule(GroupPicker.ModulePath);
        module.Setup<int?>("followedGroup", _ => true).SetResult(3);

        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));

        cut.WaitForAssertion(() => Assert.Equal("g3", Assert.Single(Participation.Follows).GroupId));
        cut.WaitForAssertion(() => Assert.Equal(["g3"], cut.FindAll("[data-group-pane]").Select(p => p.GetAttribute("data-group-id"))));
        Assert.Equal("Topic 3", cut.Find("button[data-group-filter='3'] .padhub-group-card-topic").TextContent);
    }

    [Fact]
    public async Task Dashboard_ParticipationChanges_PanesShowFollowersAndOpenCallsUntilSeen()
    {
        var sound = Context.JSInterop.SetupModule(ParticipationScope.ModulePath);
        sound.Setup<bool>("soundOn", _ => true).SetResult(true);
        sound.SetupVoid("beep", _ => true).SetVoidResult();
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.Equal(1, Participation.WatchCount));

        await cut.InvokeAsync(() => Participation.Publish(new ParticipationState(
            1,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["g1"] = 2, ["g3"] = 1 },
            [new HelpCall("call-1", "g2", "Need <b>markers</b>", CalledAt)])));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-group-id=g1]").GetAttribute("data-followers")));
        Assert.Equal("0", cut.Find("[data-group-id=g2]").GetAttribute("data-followers"));
        Assert.Equal("2 audience members follow this group", cut.Find("[data-group-id=g1] [data-pane-followers]").TextContent.Trim());
        var alert = cut.Find("[data-group-id=g2] [data-help-call-region]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("call-1", alert.QuerySelector("[data-help-call]")!.GetAttribute("data-help-call"));
        Assert.Equal("Need <b>markers</b>", alert.QuerySelector("[data-help-call-message]")!.TextContent);
        Assert.Empty(cut.FindAll("[data-group-id=g1] [data-help-call]"));
        Assert.Equal("1", cut.Find("[data-help-calls-open]").GetAttribute("data-help-calls-open"));
        sound.VerifyInvoke("beep");

        cut.Find("[data-group-id=g2] [data-action=help-seen]").Click();
        cut.WaitForAssertion(() => Assert.Equal((FakeWorkshopService.ModeratorToken, "g2"), Assert.Single(Participation.Acknowledged)));

        await cut.InvokeAsync(() => Participation.Publish(new ParticipationState(
            2, new Dictionary<string, int>(StringComparer.Ordinal), [new HelpCall("call-1", "g2", null, CalledAt, CalledAt.AddMinutes(1))])));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-help-call]")));
        Assert.Equal("seen", cut.Find("[data-group-id=g2]").GetAttribute("data-help-call-state"));
        sound.VerifyInvoke("beep", calledTimes: 1);
    }

    [Fact]
    public void Dashboard_SoundSwitchedOff_NewCallDoesNotBeepAndTheChoiceIsRemembered()
    {
        var sound = Context.JSInterop.SetupModule(ParticipationScope.ModulePath);
        sound.Setup<bool>("soundOn", _ => true).SetResult(false);
        sound.SetupVoid("setSound", _ => true).SetVoidResult();
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.Equal("off", cut.Find("[data-help-sound]").GetAttribute("data-help-sound")));

        cut.InvokeAsync(() => Participation.Publish(new ParticipationState(
            1, new Dictionary<string, int>(StringComparer.Ordinal), [new HelpCall("call-9", "g1", null, CalledAt)])));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-help-call]")));
        Assert.DoesNotContain(sound.Invocations, i => i.Identifier == "beep");
        cut.Find(".padhub-participation-bar input").Change(true);
        sound.VerifyInvoke("setSound");
        Assert.Equal("on", cut.Find("[data-help-sound]").GetAttribute("data-help-sound"));
    }

    [Fact]
    public async Task HelpCallControl_NoteTakerCalls_SendsTheMessageThenShowsWaitingAndSeen()
    {
        var cut = Render<HelpCallControl>(p => p.Add(x => x.Token, "note-token-1").Add(x => x.PadId, "pad-1").Add(x => x.GroupId, "g1"));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-action=call-moderator]").HasAttribute("disabled")));

        cut.Find("[data-action=call-moderator]").Click();
        cut.Find("#padhub-help-message").Input("Two people stuck on the login");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(("note-token-1", "pad-1", "Two people stuck on the login"), Assert.Single(Participation.Calls)));
        await cut.InvokeAsync(() => Participation.Publish(new ParticipationState(1, new Dictionary<string, int>(), [new HelpCall("c", "g1", null, CalledAt)])));
        cut.WaitForAssertion(() => Assert.Equal("open", cut.Find("[data-help-call-control]").GetAttribute("data-help-call-state")));
        Assert.Contains("will come by", cut.Find("[data-help-call-status]").TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => Participation.Publish(new ParticipationState(2, new Dictionary<string, int>(), [new HelpCall("c", "g1", null, CalledAt, CalledAt)])));
        cut.WaitForAssertion(() => Assert.Equal("seen", cut.Find("[data-help-call-control]").GetAttribute("data-help-call-state")));
        Assert.Equal("polite", cut.Find("[data-help-call-status]").GetAttribute("aria-live"));
        Assert.Contains("has seen your call", cut.Find("[data-help-call-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpCallControl_RateLimited_SaysWhyAndKeepsTheForm()
    {
        Participation.RefuseNextCallWith = PadHub.Components.Contracts.Pads.PadErrorCodes.RateLimited;
        var cut = Render<HelpCallControl>(p => p.Add(x => x.Token, "note-token-1").Add(x => x.PadId, "pad-1").Add(x => x.GroupId, "g1"));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-action=call-moderator]").HasAttribute("disabled")));

        cut.Find("[data-action=call-moderator]").Click();
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Wait a few seconds", cut.Find("[data-help-call-status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Participation.Calls);
        Assert.Single(cut.FindAll("[data-action=send-help-call]"));
    }
}
