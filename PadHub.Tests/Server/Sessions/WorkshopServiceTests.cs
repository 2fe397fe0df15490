using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Sessions;

// IWorkshopService on the real server (its own SQLite file) with a fake clock.
public sealed class WorkshopServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly PadHubServerFactory _factory;

    public WorkshopServiceTests()
    {
        _factory = new PadHubServerFactory(configureServices: services => services.AddSingleton<TimeProvider>(_time));
    }

    public static TheoryData<string> ModeratorActions => ["links", "start", "pause", "extend", "next", "announce", "lock", "unlock", "regenerate"];

    public Task InitializeAsync()
    {
        _factory.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CreateSession_ValidRequest_CreatesEveryPadFromTheTemplateWithNoPadLevelTokens()
    {
        var created = await _factory.CreateSessionAsync(groups: 3);

        Assert.Equal(3, created.Groups.Count);
        var store = _factory.Services.GetRequiredService<IPadStore>();
        for (var i = 0; i < 3; i++)
        {
            var pad = await store.LoadAsync(created.Groups[i].PadId);
            Assert.NotNull(pad);
            Assert.StartsWith($"# Group {i + 1}: Topic {i + 1}?\n\n## Participants", pad.Snapshot.Text, StringComparison.Ordinal);
            Assert.Contains("## Conclusions", pad.Snapshot.Text, StringComparison.Ordinal);
        }

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        var padIds = created.Groups.Select(g => g.PadId).ToArray();
        Assert.Equal(0, await db.AccessTokens.CountAsync(t => padIds.Contains(t.PadId)));
        Assert.Equal(6, await db.SessionTokens.CountAsync(t => t.SessionId == created.SessionId));
    }

    [Fact]
    public async Task ResolveAsync_EachLink_GrantsItsRole()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();

        Assert.Equal(new SessionAccess(created.SessionId, SessionRole.Moderator, null), await workshops.ResolveAsync(created.ModeratorToken));
        Assert.Equal(new SessionAccess(created.SessionId, SessionRole.Audience, null), await workshops.ResolveAsync(created.AudienceToken));
        Assert.Equal(new SessionAccess(created.SessionId, SessionRole.NoteTaker, created.Groups[1].GroupId),
            await workshops.ResolveAsync(created.Groups[1].NoteTakerToken));
        Assert.Null(await workshops.ResolveAsync("unknown-token"));
    }

    [Fact]
    public async Task CreateSession_InvalidFields_ThrowsWithOneMessagePerFieldAndCreatesNothing()
    {
        var before = await _factory.CountRowsAsync();
        var request = new CreateSessionRequest(
            " ",
            null,
            [
                new GroupDefinition("A", "Topic", []),
                new GroupDefinition("B", "", []),
                new GroupDefinition("C", new string('t', SessionLimits.MaxTopicLength + 1), ["ok", ""]),
            ],
            [new SessionPhase("Intro", TimeSpan.Zero), new SessionPhase("", TimeSpan.FromMinutes(10))]);

        var refused = await Assert.ThrowsAsync<SessionValidationException>(() => _factory.Workshops().CreateSessionAsync(request));

        Assert.Equal(
            ["groups[1].topic", "groups[2].animators[1]", "groups[2].topic", "phases[0].duration", "phases[1].name", "title"],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await _factory.CountRowsAsync());
    }

    [Fact]
    public async Task CreateSession_TooManyGroups_NamesGroups()
    {
        var refused = await Assert.ThrowsAsync<SessionValidationException>(
            () => _factory.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: SessionLimits.MaxGroups + 1)));

        Assert.Contains("at most 12 groups", Assert.Single(refused.Errors["groups"]), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModeratorActions))]
    public async Task ModeratorAction_NoteTakerOrAudienceToken_IsForbiddenAndChangesNothing(string action)
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var before = (await _factory.Workshops().WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask)).Current;

        foreach (var token in new[] { created.Groups[0].NoteTakerToken, created.AudienceToken })
        {
            await SessionTestHelpers.RefusedAsync(() => Act(action, token, created), PadErrorCodes.Forbidden);
        }

        var after = (await _factory.Workshops().WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask)).Current;
        Assert.Equal(before.Version, after.Version);
        Assert.NotNull(await _factory.Workshops().ResolveAsync(created.Groups[1].NoteTakerToken));
    }

    [Theory]
    [MemberData(nameof(ModeratorActions))]
    public async Task ModeratorAction_UnknownToken_IsNotFound(string action)
    {
        var created = await _factory.CreateSessionAsync(groups: 2);

        await SessionTestHelpers.RefusedAsync(() => Act(action, "no-such-token-0123456789", created), PadErrorCodes.NotFound);
    }

    [Theory]
    [MemberData(nameof(ModeratorActions))]
    public async Task ModeratorAction_ModeratorToken_TakesEffect(string action)
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();
        if (action == "unlock")
        {
            await workshops.SetLockedAsync(created.ModeratorToken, true);
        }
        else if (action == "pause")
        {
            await workshops.StartTimerAsync(created.ModeratorToken);
        }

        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        var before = watch.Current;

        await Act(action, created.ModeratorToken, created);

        switch (action)
        {
            case "links":
                Assert.Equal(created.AudienceToken, (await workshops.GetLinksAsync(created.ModeratorToken)).AudienceToken);
                break;
            case "regenerate":
                Assert.Null(await workshops.ResolveAsync(created.Groups[1].NoteTakerToken));
                break;
            default:
                await Waits.UntilAsync(() => watch.Current.Version == before.Version + 1, Deadline, () => $"version {watch.Current.Version}");
                Assert.NotEqual(before with { Version = 0 }, watch.Current with { Version = 0 });
                break;
        }
    }

    [Fact]
    public async Task Timer_StartPauseExtendNext_FollowsTheServerClock()
    {
        var created = await _factory.CreateSessionAsync(phases: [new("Intro", TimeSpan.FromMinutes(15)), new("Groups", TimeSpan.FromMinutes(45))]);
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        Assert.Equal(new PhaseTimer(0, false, null, TimeSpan.FromMinutes(15)), watch.Current.Timer);

        await workshops.StartTimerAsync(created.ModeratorToken);
        await Waits.UntilAsync(() => watch.Current.Timer.Running, Deadline, () => $"{watch.Current.Timer}");
        Assert.Equal(Start + TimeSpan.FromMinutes(15), watch.Current.Timer.EndsAt);

        _time.Advance(TimeSpan.FromMinutes(5));
        await workshops.PauseTimerAsync(created.ModeratorToken);
        await Waits.UntilAsync(() => !watch.Current.Timer.Running, Deadline, () => $"{watch.Current.Timer}");
        Assert.Equal(new PhaseTimer(0, false, null, TimeSpan.FromMinutes(10)), watch.Current.Timer);

        await workshops.ExtendPhaseAsync(created.ModeratorToken, TimeSpan.FromMinutes(3));
        await Waits.UntilAsync(() => watch.Current.Timer.Remaining == TimeSpan.FromMinutes(13), Deadline, () => $"{watch.Current.Timer}");

        await workshops.StartTimerAsync(created.ModeratorToken);
        await workshops.ExtendPhaseAsync(created.ModeratorToken, TimeSpan.FromMinutes(2));
        await Waits.UntilAsync(() => watch.Current.Timer.EndsAt == Start + TimeSpan.FromMinutes(5 + 13 + 2), Deadline, () => $"{watch.Current.Timer}");
        Assert.Equal(TimeSpan.FromMinutes(15), watch.Current.Timer.RemainingAt(_time.GetUtcNow()));

        await workshops.NextPhaseAsync(created.ModeratorToken);
        await Waits.UntilAsync(() => watch.Current.Timer.PhaseIndex == 1, Deadline, () => $"{watch.Current.Timer}");
        Assert.Equal(new PhaseTimer(1, true, Start + TimeSpan.FromMinutes(5 + 45), TimeSpan.FromMinutes(45)), watch.Current.Timer);

        await SessionTestHelpers.RefusedAsync(() => workshops.NextPhaseAsync(created.ModeratorToken), PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(() => workshops.ExtendPhaseAsync(created.ModeratorToken, TimeSpan.Zero), PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(() => workshops.ExtendPhaseAsync(created.ModeratorToken, TimeSpan.FromHours(3)), PadErrorCodes.InvalidOp);
    }

    [Fact]
    public async Task Watch_EveryChange_DeliversNewerVersionsInOrder()
    {
        var created = await _factory.CreateSessionAsync();
        var versions = new List<long>();
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.Groups[0].NoteTakerToken, s =>
        {
            lock (versions)
            {
                versions.Add(s.Version);
            }

            return ValueTask.CompletedTask;
        });
        var first = watch.Current.Version;

        await workshops.SetLockedAsync(created.ModeratorToken, true);
        await workshops.AnnounceAsync(created.ModeratorToken, "Ten minutes left", null);
        await workshops.SetLockedAsync(created.ModeratorToken, false);

        await Waits.UntilAsync(() => watch.Current.Version == first + 3, Deadline, () => $"version {watch.Current.Version}");
        lock (versions)
        {
            Assert.Equal(versions.Order(), versions);
            Assert.All(versions, v => Assert.True(v > first));
        }

        Assert.False(watch.Current.Locked);
        Assert.Equal("Ten minutes left", Assert.Single(watch.Current.Announcements).Text);
    }

    [Fact]
    public async Task Watch_SlowWatcher_DoesNotHoldUpTheModeratorOrOthers()
    {
        var created = await _factory.CreateSessionAsync();
        var workshops = _factory.Workshops();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stuck = await workshops.WatchAsync(created.AudienceToken, async _ => await release.Task);
        await using var other = await workshops.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        var first = other.Current.Version;

        for (var i = 0; i < 5; i++)
        {
            await workshops.AnnounceAsync(created.ModeratorToken, $"Message {i}", null);
        }

        await Waits.UntilAsync(() => other.Current.Version == first + 5, Deadline, () => $"version {other.Current.Version}");
        release.SetResult();
        await Waits.UntilAsync(() => stuck.Current.Version == first + 5, Deadline, () => $"stuck watcher at {stuck.Current.Version}");
    }

    [Fact]
    public async Task Announce_TextIsTrimmedAndCleanedAndGroupMustBelongToTheSession()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var other = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);

        await workshops.AnnounceAsync(created.ModeratorToken, "  <b>Break</b>\u0007 in\r\n5 min  ", created.Groups[1].GroupId);

        await Waits.UntilAsync(() => watch.Current.Announcements.Count == 1, Deadline, () => "the announcement");
        var announcement = watch.Current.Announcements[0];
        Assert.Equal("<b>Break</b> in\n5 min", announcement.Text);
        Assert.Equal(created.Groups[1].GroupId, announcement.GroupId);
        await SessionTestHelpers.RefusedAsync(() => workshops.AnnounceAsync(created.ModeratorToken, "   ", null), PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(
            () => workshops.AnnounceAsync(created.ModeratorToken, new string('x', SessionLimits.MaxAnnouncementLength + 1), null), PadErrorCodes.TooLarge);
        await SessionTestHelpers.RefusedAsync(
            () => workshops.AnnounceAsync(created.ModeratorToken, "hi", other.Groups[0].GroupId), PadErrorCodes.InvalidOp);
    }

    [Fact]
    public async Task Announce_ManyMessages_KeepsTheLatestTwentyInTheState()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        for (var i = 0; i < 25; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await workshops.AnnounceAsync(created.ModeratorToken, $"Message {i}", null);
        }

        await using var watch = await workshops.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(20, watch.Current.Announcements.Count);
        Assert.Equal("Message 24", watch.Current.Announcements[^1].Text);
        Assert.Equal("Message 5", watch.Current.Announcements[0].Text);
    }

    [Fact]
    public async Task RegenerateLink_EachKind_OldTokenStopsAtOnceNewOneWorksAndLinksListIt()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();

        var audience = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Audience, null);
        var noteTaker = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.NoteTaker, created.Groups[1].GroupId);
        var moderator = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Moderator, null);

        Assert.Null(await workshops.ResolveAsync(created.AudienceToken));
        Assert.Null(await workshops.ResolveAsync(created.Groups[1].NoteTakerToken));
        Assert.Null(await workshops.ResolveAsync(created.ModeratorToken));
        Assert.Equal(SessionRole.Audience, (await workshops.ResolveAsync(audience))?.Role);
        Assert.Equal(SessionRole.NoteTaker, (await workshops.ResolveAsync(noteTaker))?.Role);
        Assert.Equal(SessionRole.Moderator, (await workshops.ResolveAsync(moderator))?.Role);
        Assert.Equal(SessionRole.NoteTaker, (await workshops.ResolveAsync(created.Groups[0].NoteTakerToken))?.Role);
        await SessionTestHelpers.RefusedAsync(() => workshops.GetLinksAsync(created.ModeratorToken), PadErrorCodes.NotFound);

        var links = await workshops.GetLinksAsync(moderator);
        Assert.Equal(moderator, links.ModeratorToken);
        Assert.Equal(audience, links.AudienceToken);
        Assert.Equal([created.Groups[0].NoteTakerToken, noteTaker], links.Groups.Select(g => g.NoteTakerToken));
    }

    [Fact]
    public async Task RegenerateLink_NoteTakerWithoutGroup_IsInvalid()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);

        await SessionTestHelpers.RefusedAsync(
            () => _factory.Workshops().RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.NoteTaker, null), PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(
            () => _factory.Workshops().RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Audience, created.Groups[0].GroupId), PadErrorCodes.InvalidOp);
    }

    [Fact]
    public async Task GetLinks_Moderator_ListsTheTokensCreated()
    {
        var created = await _factory.CreateSessionAsync(groups: 3);

        var links = await _factory.Workshops().GetLinksAsync(created.ModeratorToken);

        Assert.Equal(created.AudienceToken, links.AudienceToken);
        Assert.Equal(created.Groups, links.Groups);
        Assert.All(links.Groups, g => Assert.Equal(43, g.NoteTakerToken.Length));
    }

    private Task Act(string action, string token, SessionCreated created)
    {
        var workshops = _factory.Workshops();
        return action switch
        {
            "links" => workshops.GetLinksAsync(token),
            "start" => workshops.StartTimerAsync(token),
            "pause" => workshops.PauseTimerAsync(token),
            "extend" => workshops.ExtendPhaseAsync(token, TimeSpan.FromMinutes(5)),
            "next" => workshops.NextPhaseAsync(token),
            "announce" => workshops.AnnounceAsync(token, "Hello", null),
            "lock" => workshops.SetLockedAsync(token, true),
            "unlock" => workshops.SetLockedAsync(token, false),
            "regenerate" => workshops.RegenerateLinkAsync(token, SessionLinkKind.NoteTaker, created.Groups[1].GroupId),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
