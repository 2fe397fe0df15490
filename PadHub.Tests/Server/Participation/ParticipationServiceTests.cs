using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Participation;
using PadHub.Tests.Server.Sessions;
using static PadHub.Tests.Server.Sessions.SessionTestHelpers;

namespace PadHub.Tests.Server.Participation;

/// <summary>The participation service on the real server (sessions on their own SQLite file), with a fake clock.</summary>
public sealed class ParticipationServiceTests : ServerTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time;

    public ParticipationServiceTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)))
    {
    }

    private ParticipationServiceTests(FakeTimeProvider time)
        : base(new PadHubServerFactory(
            new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" },
            services => services.AddSingleton<TimeProvider>(time))) =>
        _time = time;

    private ParticipationService Participation => Server.Services.GetRequiredService<ParticipationService>();

    [Fact]
    public async Task Follow_PagesChooseSwitchAndLeave_CountsFollowAtOnce()
    {
        var session = await Server.CreateSessionAsync(groups: 3);
        var (g1, g2) = (session.Groups[0].GroupId, session.Groups[1].GroupId);
        var states = new Watched<ParticipationState>();
        await using var watch = await Participation.WatchAsync(session.ModeratorToken, states.OnChanged);

        var first = await Participation.FollowAsync(session.AudienceToken, g1);
        var second = await Participation.FollowAsync(session.AudienceToken, g1);
        await using var third = await Participation.FollowAsync(session.AudienceToken, null);
        await states.WaitAsync(s => s.FollowersOf(g1) == 2 && s.FollowersOf(g2) == 0, Deadline);

        await second.ChangeAsync(g2);
        await states.WaitAsync(s => s.FollowersOf(g1) == 1 && s.FollowersOf(g2) == 1, Deadline);

        await first.DisposeAsync();
        await first.DisposeAsync();
        await states.WaitAsync(s => s.FollowersOf(g1) == 0 && s.FollowersOf(g2) == 1, Deadline);
        await second.DisposeAsync();
        await states.WaitAsync(s => s.FollowersOf(g2) == 0, Deadline);
        Assert.Equal(0, watch.Current.Followers.Values.Sum());
    }

    [Fact]
    public async Task CircuitFollow_ConnectionDownThenUp_StopsCountingAtOnceThenCountsAgain()
    {
        var session = await Server.CreateSessionAsync(groups: 2);
        var g1 = session.Groups[0].GroupId;
        var states = new Watched<ParticipationState>();
        await using var watch = await Participation.WatchAsync(session.ModeratorToken, states.OnChanged);
        using var circuit = new CircuitParticipationService(Server.Services.GetRequiredService<ParticipationService>());
        var follow = await circuit.FollowAsync(session.AudienceToken, g1);
        await states.WaitAsync(s => s.FollowersOf(g1) == 1, Deadline);

        await circuit.ConnectionDownAsync();
        await states.WaitAsync(s => s.FollowersOf(g1) == 0, Deadline);
        await follow.ChangeAsync(session.Groups[1].GroupId);
        await circuit.ConnectionUpAsync();
        await states.WaitAsync(s => s.FollowersOf(session.Groups[1].GroupId) == 1 && s.FollowersOf(g1) == 0, Deadline);

        await follow.DisposeAsync();
        await states.WaitAsync(s => s.Followers.Count == 0, Deadline);
    }

    [Fact]
    public async Task Follow_UnknownGroupOrRevokedLink_IsRefusedAndCountsNothing()
    {
        var session = await Server.CreateSessionAsync(groups: 2);
        await RefusedAsync(() => Participation.FollowAsync(session.AudienceToken, "no-such-group"), PadErrorCodes.InvalidOp);
        await RefusedAsync(() => Participation.FollowAsync("not-a-token", null), PadErrorCodes.NotFound);

        var follow = await Participation.FollowAsync(session.AudienceToken, session.Groups[0].GroupId);
        await Server.Workshops().RegenerateLinkAsync(session.ModeratorToken, SessionLinkKind.Audience, null);
        await RefusedAsync(() => follow.ChangeAsync(session.Groups[1].GroupId), PadErrorCodes.NotFound);

        await using var watch = await Participation.WatchAsync(session.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(1, watch.Current.FollowersOf(session.Groups[0].GroupId));
        Assert.Equal(0, watch.Current.FollowersOf(session.Groups[1].GroupId));
        await follow.DisposeAsync();
    }

    [Fact]
    public async Task HelpCall_NoteTakerCallsModeratorAcknowledges_BothSeeEachStep()
    {
        var session = await Server.CreateSessionAsync(groups: 2);
        var group = session.Groups[1];
        var moderator = new Watched<ParticipationState>();
        var noteTaker = new Watched<ParticipationState>();
        await using var moderatorWatch = await Participation.WatchAsync(session.ModeratorToken, moderator.OnChanged);
        await using var noteTakerWatch = await Participation.WatchAsync(group.NoteTakerToken, noteTaker.OnChanged);

        var call = await Participation.CallModeratorAsync(group.NoteTakerToken, group.PadId, "  We need a marker  ");

        Assert.Equal("We need a marker", call.Message);
        Assert.Equal(_time.GetUtcNow(), call.CalledAt);
        await moderator.WaitAsync(s => s.CallOf(group.GroupId) is { IsOpen: true, Message: "We need a marker" }, Deadline);
        await noteTaker.WaitAsync(s => s.CallOf(group.GroupId) is { IsOpen: true }, Deadline);

        _time.Advance(TimeSpan.FromSeconds(40));
        await Participation.AcknowledgeHelpCallAsync(session.ModeratorToken, group.GroupId);

        await moderator.WaitAsync(s => s.CallOf(group.GroupId) is { IsOpen: false }, Deadline);
        await noteTaker.WaitAsync(s => s.CallOf(group.GroupId)?.SeenAt == _time.GetUtcNow(), Deadline);
    }

    [Fact]
    public async Task HelpCall_OtherGroupsNoteTakerAudienceOrForeignPad_IsRefused()
    {
        var session = await Server.CreateSessionAsync(groups: 2, audienceCanEdit: true);
        var other = await Server.CreateSessionAsync(groups: 1);
        var pad = session.Groups[0].PadId;

        await RefusedAsync(() => Participation.CallModeratorAsync(session.Groups[1].NoteTakerToken, pad, null), PadErrorCodes.Forbidden);
        await RefusedAsync(() => Participation.CallModeratorAsync(session.AudienceToken, pad, null), PadErrorCodes.Forbidden);
        await RefusedAsync(() => Participation.CallModeratorAsync(session.Groups[0].NoteTakerToken, other.Groups[0].PadId, null), PadErrorCodes.NotFound);
        await RefusedAsync(() => Participation.CallModeratorAsync("not-a-token", pad, null), PadErrorCodes.NotFound);
        await RefusedAsync(() => Participation.AcknowledgeHelpCallAsync(session.Groups[0].NoteTakerToken, session.Groups[0].GroupId), PadErrorCodes.Forbidden);
        await RefusedAsync(() => Participation.WatchAsync(session.AudienceToken, _ => ValueTask.CompletedTask), PadErrorCodes.Forbidden);

        await using var watch = await Participation.WatchAsync(session.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Empty(watch.Current.HelpCalls);
    }

    [Fact]
    public async Task HelpCall_TooLongMultiLineOrTooSoon_IsRefusedAndChangesNothing()
    {
        var session = await Server.CreateSessionAsync(groups: 1);
        var group = session.Groups[0];
        await RefusedAsync(() => Participation.CallModeratorAsync(group.NoteTakerToken, group.PadId, new string('x', ParticipationLimits.MaxHelpMessageLength + 1)), PadErrorCodes.InvalidOp);
        await RefusedAsync(() => Participation.CallModeratorAsync(group.NoteTakerToken, group.PadId, "two\nlines"), PadErrorCodes.InvalidOp);

        var first = await Participation.CallModeratorAsync(group.NoteTakerToken, group.PadId, null);
        _time.Advance(ParticipationLimits.HelpCallInterval - TimeSpan.FromSeconds(1));
        await RefusedAsync(() => Participation.CallModeratorAsync(session.ModeratorToken, group.PadId, "again"), PadErrorCodes.RateLimited);

        await using var watch = await Participation.WatchAsync(session.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(first, Assert.Single(watch.Current.HelpCalls));

        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await Participation.CallModeratorAsync(session.ModeratorToken, group.PadId, "again");
        Assert.NotEqual(first.CallId, second.CallId);
    }

    [Fact]
    public async Task Watch_NoteTaker_SeesOnlyItsOwnGroupsCall()
    {
        var session = await Server.CreateSessionAsync(groups: 2);
        var (mine, theirs) = (session.Groups[0], session.Groups[1]);
        await Participation.CallModeratorAsync(theirs.NoteTakerToken, theirs.PadId, "theirs");
        await Participation.CallModeratorAsync(mine.NoteTakerToken, mine.PadId, "mine");

        await using var watch = await Participation.WatchAsync(mine.NoteTakerToken, _ => ValueTask.CompletedTask);

        Assert.Equal("mine", Assert.Single(watch.Current.HelpCalls).Message);
    }
}
