using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Sessions;

// The workshop's outputs on the real service (its own SQLite file, a fake clock): licence and credit setting, the results
// link, rapporteurs, the spotlight, ending and reopening.
public sealed class WorkshopServiceOutputsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly PadHubServerFactory _factory;

    public WorkshopServiceOutputsTests()
    {
        _factory = new PadHubServerFactory(configureServices: services => services.AddSingleton<TimeProvider>(_time));
    }

    public static TheoryData<string> OutputActions => ["rapporteur", "spotlight", "end", "reopen"];

    public Task InitializeAsync()
    {
        _factory.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CreateSession_LicenceAndCredit_AreInTheStateWithTheCreationTime()
    {
        var created = await _factory.Workshops().CreateSessionAsync(
            SessionTestHelpers.Request(groups: 1) with { Licence = "ODbL-1.0", CreditContributors = true });

        var state = await CurrentAsync(created);

        Assert.Equal(("ODbL-1.0", true, Start), (state.Licence, state.CreditContributors, state.CreatedAt));
        Assert.Null(state.Ended);
        Assert.Null(state.Spotlight);
    }

    [Fact]
    public async Task CreateSession_NoLicence_TakesTheDefaultAndPseudonymises()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);

        var state = await CurrentAsync(created);

        Assert.Equal((SessionLicences.Default, false), (state.Licence, state.CreditContributors));
    }

    [Theory]
    [InlineData("MIT")]
    [InlineData("cc-by-4.0")]
    public async Task CreateSession_UnknownLicence_NamesTheAllowedIdsAndCreatesNothing(string licence)
    {
        var before = await _factory.CountRowsAsync();

        var refused = await Assert.ThrowsAsync<SessionValidationException>(
            () => _factory.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 1) with { Licence = licence }));

        var message = Assert.Single(refused.Errors["licence"]);
        Assert.All(SessionLicences.All, l => Assert.Contains(l.Id, message, StringComparison.Ordinal));
        Assert.Equal(before, await _factory.CountRowsAsync());
    }

    [Fact]
    public async Task ResultsLink_CreatedWithTheSession_ResolvesToResultsAndIsListed()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();

        Assert.Equal(43, created.ResultsToken.Length);
        Assert.Equal(new SessionAccess(created.SessionId, SessionRole.Results, null), await workshops.ResolveAsync(created.ResultsToken));
        Assert.Equal(created.ResultsToken, (await workshops.GetLinksAsync(created.ModeratorToken)).ResultsToken);
        await using var watch = await workshops.WatchAsync(created.ResultsToken, _ => ValueTask.CompletedTask);
        Assert.Equal(SessionRole.Results, watch.Access.Role);
    }

    [Fact]
    public async Task ResultsLink_Regenerated_OldOneIsUnknownAtOnceAndTheNewOneListed()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.ResultsToken, _ => ValueTask.CompletedTask);

        var fresh = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Results, null);

        Assert.NotEqual(created.ResultsToken, fresh);
        Assert.Null(await workshops.ResolveAsync(created.ResultsToken));
        await SessionTestHelpers.RefusedAsync(() => workshops.WatchAsync(created.ResultsToken, _ => ValueTask.CompletedTask), PadErrorCodes.NotFound);
        Assert.Equal(SessionRole.Results, (await workshops.ResolveAsync(fresh))?.Role);
        var links = await workshops.GetLinksAsync(created.ModeratorToken);
        Assert.Equal((fresh, created.AudienceToken), (links.ResultsToken, links.AudienceToken));
        await SessionTestHelpers.RefusedAsync(
            () => workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Results, created.Groups[0].GroupId), PadErrorCodes.InvalidOp);
    }

    [Theory]
    [MemberData(nameof(OutputActions))]
    public async Task OutputAction_OtherLinks_AreForbiddenAndChangeNothing(string action)
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var before = await CurrentAsync(created);

        foreach (var token in new[] { created.Groups[0].NoteTakerToken, created.AudienceToken, created.ResultsToken })
        {
            await SessionTestHelpers.RefusedAsync(() => Act(action, token, created), PadErrorCodes.Forbidden);
        }

        await SessionTestHelpers.RefusedAsync(() => Act(action, "no-such-token-0123456789", created), PadErrorCodes.NotFound);
        Assert.Equal(before.Version, (await CurrentAsync(created)).Version);
    }

    [Fact]
    public async Task SetRapporteur_TrimmedTextIsPublishedAndBlankClears()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);

        await workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[1].GroupId, "  Ada Lovelace ");

        await Waits.UntilAsync(() => watch.Current.Groups[1].Rapporteur is not null, Deadline, () => "the rapporteur");
        Assert.Equal([null, "Ada Lovelace"], watch.Current.Groups.Select(g => g.Rapporteur));
        var version = watch.Current.Version;

        await workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[1].GroupId, "Ada Lovelace");
        await workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[1].GroupId, "   ");

        await Waits.UntilAsync(() => watch.Current.Groups[1].Rapporteur is null, Deadline, () => "the rapporteur cleared");
        Assert.Equal(version + 1, watch.Current.Version);
    }

    [Theory]
    [InlineData("Ada\u0007", "rapporteur")]
    [InlineData("Ada\nLovelace", "rapporteur")]
    public async Task SetRapporteur_BadText_IsRefusedAndChangesNothing(string rapporteur, string field)
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var before = await CurrentAsync(created);

        var refused = await Assert.ThrowsAsync<SessionValidationException>(
            () => _factory.Workshops().SetRapporteurAsync(created.ModeratorToken, created.Groups[0].GroupId, rapporteur));

        Assert.True(refused.Errors.ContainsKey(field));
        Assert.Equal(before.Version, (await CurrentAsync(created)).Version);
    }

    [Fact]
    public async Task SetRapporteur_TooLongOrUnknownGroup_IsRefused()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var other = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();

        var refused = await Assert.ThrowsAsync<SessionValidationException>(() => workshops.SetRapporteurAsync(
            created.ModeratorToken, created.Groups[0].GroupId, new string('r', SessionLimits.MaxRapporteurLength + 1)));
        Assert.Contains("At most 100", Assert.Single(refused.Errors["rapporteur"]), StringComparison.Ordinal);
        await Assert.ThrowsAsync<SessionValidationException>(() => workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[0].GroupId, "x" + '\ud800'));
        await SessionTestHelpers.RefusedAsync(() => workshops.SetRapporteurAsync(created.ModeratorToken, other.Groups[0].GroupId, "Ada"), PadErrorCodes.InvalidOp);
        await workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[0].GroupId, new string('r', SessionLimits.MaxRapporteurLength));
    }

    [Fact]
    public async Task SetSpotlight_GroupOrConclusion_IsPublishedAndNullClears()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();
        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);

        await workshops.SetSpotlightAsync(created.ModeratorToken, new Spotlight(created.Groups[0].GroupId, null));
        await Waits.UntilAsync(() => watch.Current.Spotlight is not null, Deadline, () => "the spotlight");
        Assert.Equal(new Spotlight(created.Groups[0].GroupId, null), watch.Current.Spotlight);

        await workshops.SetSpotlightAsync(created.ModeratorToken, new Spotlight(created.Groups[1].GroupId, "  Open data\r\nfor all\u0007 "));
        await Waits.UntilAsync(() => watch.Current.Spotlight?.Conclusion is not null, Deadline, () => "the conclusion");
        Assert.Equal(new Spotlight(created.Groups[1].GroupId, "Open data\nfor all"), watch.Current.Spotlight);

        await workshops.SetSpotlightAsync(created.ModeratorToken, null);
        await Waits.UntilAsync(() => watch.Current.Spotlight is null, Deadline, () => "the spotlight cleared");
    }

    [Fact]
    public async Task SetSpotlight_UnknownGroupOrTooLongConclusion_IsRefusedAndChangesNothing()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var other = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        var before = await CurrentAsync(created);

        await SessionTestHelpers.RefusedAsync(
            () => workshops.SetSpotlightAsync(created.ModeratorToken, new Spotlight(other.Groups[0].GroupId, null)), PadErrorCodes.InvalidOp);
        var refused = await Assert.ThrowsAsync<SessionValidationException>(() => workshops.SetSpotlightAsync(
            created.ModeratorToken, new Spotlight(created.Groups[0].GroupId, new string('c', SessionLimits.MaxSpotlightConclusionLength + 1))));

        Assert.True(refused.Errors.ContainsKey("conclusion"));
        Assert.Equal(before.Version, (await CurrentAsync(created)).Version);
    }

    [Fact]
    public async Task EndSession_LocksRecordsEveryPadsRevisionAndMovesTheTimerToItsEnd()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();
        await workshops.StartTimerAsync(created.ModeratorToken);
        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        _time.Advance(TimeSpan.FromMinutes(3));

        await workshops.EndSessionAsync(created.ModeratorToken);

        await Waits.UntilAsync(() => watch.Current.Ended is not null, Deadline, () => "the end");
        var state = watch.Current;
        Assert.True(state.Locked);
        Assert.Equal(new PhaseTimer(state.Phases.Count - 1, false, null, TimeSpan.Zero), state.Timer);
        Assert.Equal(Start + TimeSpan.FromMinutes(3), state.Ended!.EndedAt);
        Assert.Equal(created.Groups.Select(g => new SessionPadResult(g.GroupId, g.PadId, 0)), state.Ended.Pads);
    }

    [Fact]
    public async Task EndSession_Twice_ChangesNothingTheSecondTime()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        await workshops.EndSessionAsync(created.ModeratorToken);
        var ended = await CurrentAsync(created);
        _time.Advance(TimeSpan.FromMinutes(1));

        await workshops.EndSessionAsync(created.ModeratorToken);

        var again = await CurrentAsync(created);
        Assert.Equal((ended.Version, ended.Ended!.EndedAt), (again.Version, again.Ended?.EndedAt));
    }

    [Fact]
    public async Task ReopenSession_UnlocksClearsTheResultAndKeepsTheTimerEnded()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        await workshops.SetLockedAsync(created.ModeratorToken, true);
        await workshops.EndSessionAsync(created.ModeratorToken);
        var ended = await CurrentAsync(created);

        await workshops.ReopenSessionAsync(created.ModeratorToken);

        var reopened = await CurrentAsync(created);
        Assert.False(reopened.Locked);
        Assert.Null(reopened.Ended);
        Assert.Equal(ended.Timer, reopened.Timer);
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync())
        {
            Assert.All(await db.SessionGroups.Where(g => g.SessionId == created.SessionId).ToListAsync(), g => Assert.Null(g.FinalRevision));
            Assert.Null((await db.Sessions.SingleAsync(s => s.Id == created.SessionId)).EndedAt);
        }

        // Reopening an open session changes nothing; ending again records afresh.
        await workshops.ReopenSessionAsync(created.ModeratorToken);
        Assert.Equal(reopened.Version, (await CurrentAsync(created)).Version);
        _time.Advance(TimeSpan.FromMinutes(2));
        await workshops.EndSessionAsync(created.ModeratorToken);
        Assert.Equal(Start + TimeSpan.FromMinutes(2), (await CurrentAsync(created)).Ended?.EndedAt);
    }

    private async Task<SessionState> CurrentAsync(SessionCreated created)
    {
        await using var watch = await _factory.Workshops().WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        return watch.Current;
    }

    private Task Act(string action, string token, SessionCreated created)
    {
        var workshops = _factory.Workshops();
        return action switch
        {
            "rapporteur" => workshops.SetRapporteurAsync(token, created.Groups[0].GroupId, "Ada"),
            "spotlight" => workshops.SetSpotlightAsync(token, new Spotlight(created.Groups[0].GroupId, null)),
            "end" => workshops.EndSessionAsync(token),
            "reopen" => workshops.ReopenSessionAsync(token),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
