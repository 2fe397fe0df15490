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

    private PadHubServerFactory Server() => new(new Dictionary<string, string?>
    {
        ["PadHub:DataDirectory"] = _dataDirectory,
        ["Database:SqliteFile"] = Path.Combine(_dataDirectory, "padhub.db"),
    });
}
