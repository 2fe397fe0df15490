using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Tests.Server.Sessions;

// A session's state and links survive a restart: the runtime is rebuilt from the database alone.
public sealed class SessionPersistenceTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("padhub-sessions-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Restart_AfterFacilitationAndRegeneration_RestoresStateAndOnlyTheLiveLinks()
    {
        SessionCreated created;
        string audience;
        SessionState before;
        await using (var first = Server())
        {
            first.Start();
            created = await first.CreateSessionAsync(groups: 2);
            var workshops = first.Workshops();
            await workshops.SetLockedAsync(created.ModeratorToken, true);
            await workshops.StartTimerAsync(created.ModeratorToken);
            await workshops.AnnounceAsync(created.ModeratorToken, "Five minutes left", created.Groups[1].GroupId);
            audience = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Audience, null);
            await using var watch = await workshops.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
            before = watch.Current;
        }

        await using var second = Server();
        second.Start();
        var restarted = second.Workshops();

        await using var after = await restarted.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.True(after.Current.Locked);
        Assert.Equal(before.Timer, after.Current.Timer);
        Assert.Equal(before.Phases, after.Current.Phases);
        Assert.Equal(before.Groups.Select(g => (g.GroupId, g.Number, g.Name, g.Topic, g.PadId)), after.Current.Groups.Select(g => (g.GroupId, g.Number, g.Name, g.Topic, g.PadId)));
        Assert.Equal(before.Groups[0].Animators, after.Current.Groups[0].Animators);
        var announcement = Assert.Single(after.Current.Announcements);
        Assert.Equal(("Five minutes left", created.Groups[1].GroupId), (announcement.Text, announcement.GroupId));
        Assert.Null(await restarted.ResolveAsync(created.AudienceToken));
        Assert.Equal(SessionRole.Audience, (await restarted.ResolveAsync(audience))?.Role);
        var links = await restarted.GetLinksAsync(created.ModeratorToken);
        Assert.Equal(audience, links.AudienceToken);
        Assert.Equal(created.Groups, links.Groups);
        await SessionTestHelpers.RefusedAsync(() => restarted.NextPhaseAsync(created.AudienceToken), PadErrorCodes.NotFound);
    }

    [Fact]
    public async Task Restart_AfterOutputs_RestoresLicenceRapporteursSpotlightAndTheEnd()
    {
        SessionCreated created;
        SessionState before;
        await using (var first = Server())
        {
            first.Start();
            created = await first.Workshops().CreateSessionAsync(SessionTestHelpers.Request(groups: 2) with { Licence = "CC0-1.0", CreditContributors = true });
            var workshops = first.Workshops();
            await workshops.SetRapporteurAsync(created.ModeratorToken, created.Groups[1].GroupId, "Grace");
            await workshops.SetSpotlightAsync(created.ModeratorToken, new Spotlight(created.Groups[1].GroupId, "Share the data"));
            await workshops.EndSessionAsync(created.ModeratorToken);
            await using var watch = await workshops.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
            before = watch.Current;
        }

        await using var second = Server();
        second.Start();
        await using var after = await second.Workshops().WatchAsync(created.ResultsToken, _ => ValueTask.CompletedTask);

        Assert.Equal(before.Groups.Select(g => (g.GroupId, g.PadId, g.Rapporteur)), after.Current.Groups.Select(g => (g.GroupId, g.PadId, g.Rapporteur)));
        Assert.Equal((before.Spotlight, before.Locked, before.Timer, before.CreatedAt), (after.Current.Spotlight, after.Current.Locked, after.Current.Timer, after.Current.CreatedAt));
        Assert.Equal(before.Ended!.EndedAt, after.Current.Ended?.EndedAt);
        Assert.Equal(("CC0-1.0", true, "Grace"), (after.Current.Licence, after.Current.CreditContributors, after.Current.Groups[1].Rapporteur));
        Assert.NotNull(after.Current.Ended);
        Assert.Equal(before.Ended!.Pads, after.Current.Ended!.Pads);
        Assert.NotEqual(default, after.Current.CreatedAt);
    }

    [Fact]
    public async Task Restart_SessionWithoutAResultsLink_ListsNoneUntilReplacedThenItWorks()
    {
        SessionCreated created;
        await using (var first = Server())
        {
            first.Start();
            created = await first.CreateSessionAsync(groups: 1);
        }

        // As a session created before results links existed: no token row for it.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "padhub.db")}"))
        {
            await db.OpenAsync();
            await using var delete = db.CreateCommand();
            delete.CommandText = "DELETE FROM SessionTokens WHERE Role = 'Results'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        await using var second = Server();
        second.Start();
        var restarted = second.Workshops();

        Assert.Equal("", (await restarted.GetLinksAsync(created.ModeratorToken)).ResultsToken);
        Assert.Null(await restarted.ResolveAsync(created.ResultsToken));
        var results = await restarted.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Results, null);
        Assert.Equal(SessionRole.Results, (await restarted.ResolveAsync(results))?.Role);
        Assert.Equal(results, (await restarted.GetLinksAsync(created.ModeratorToken)).ResultsToken);
    }

    private PadHubServerFactory Server() => new(new Dictionary<string, string?>
    {
        ["PadHub:DataDirectory"] = _dataDirectory,
        ["Database:SqliteFile"] = Path.Combine(_dataDirectory, "padhub.db"),
    });
}
