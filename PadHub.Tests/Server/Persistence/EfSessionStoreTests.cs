using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Sessions;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// EfSessionStore against a real SQLite file, through the server's own registration and start-up migration.
public sealed class EfSessionStoreTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private ISessionStore _store = null!;
    private IPadStore _pads = null!;

    public async Task InitializeAsync()
    {
        var services = await _database.OpenAsync();
        _store = services.GetRequiredService<ISessionStore>();
        _pads = services.GetRequiredService<IPadStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task LoadAsync_CreatedSession_ReturnsWhatWasCreated()
    {
        var session = NewSession("s1", "Open data", "Commons");

        await _store.CreateSessionAsync(session, ["first notes", ""]);
        var loaded = await _store.LoadAsync("s1", 20);

        Assert.NotNull(loaded);
        Assert.Equal(("s1", "Workshop", "About data", true, false), (loaded.SessionId, loaded.Title, loaded.Description, loaded.AudienceCanEdit, loaded.Locked));
        Assert.Equal(session.Phases, loaded.Phases);
        Assert.Equal(session.Timer, loaded.Timer);
        Assert.Equal(session.SealedLinkSecret, loaded.SealedLinkSecret);
        Assert.Equal(3, loaded.AudienceLinkGeneration);
        Assert.Equal(session.CreatedAt, loaded.CreatedAt);
        Assert.Equal(
            session.Groups.Select(Describe),
            loaded.Groups.Select(Describe));
        Assert.Equal(
            session.Tokens.Select(Describe).Order(StringComparer.Ordinal),
            loaded.Tokens.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Empty(loaded.Announcements);
    }

    [Fact]
    public async Task CreateSessionAsync_Always_CreatesEachGroupsPadWithItsTextAndNoPadLinks()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data", "Commons"), ["first notes", ""]);

        var first = await _pads.LoadAsync("s1-pad-1");
        var second = await _pads.LoadAsync("s1-pad-2");

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal((0, "first notes"), (first.Snapshot.Revision, first.Snapshot.Text));
        Assert.Equal([new AuthorRun(SystemAuthor.Id, 11)], first.Snapshot.Authorship);
        Assert.Equal("", second.Snapshot.Text);
        Assert.Empty(second.Snapshot.Authorship);
        await using var db = await _database.CreateContextAsync();
        Assert.Equal("Open data", (await db.Pads.SingleAsync(p => p.Id == "s1-pad-1")).Title);
        Assert.Equal(0, await db.AccessTokens.CountAsync());
    }

    [Fact]
    public async Task CreateSessionAsync_Always_StoresRolesByName()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data"), ["x"]);

        await using var db = await _database.CreateContextAsync();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT Role AS Value FROM SessionTokens").ToListAsync();

        Assert.Equal(["Audience", "Moderator", "NoteTaker"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindSessionIdAsync_LiveAndUnknownToken_ReturnsSessionOrNull()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data"), ["x"]);

        Assert.Equal("s1", await _store.FindSessionIdAsync(Hash("moderator-s1")));
        Assert.Null(await _store.FindSessionIdAsync(Hash("nobody")));
        Assert.True(await _store.AnySessionAsync());
    }

    [Fact]
    public async Task ReplaceTokenAsync_NoteTakerLink_RevokesOldAndBumpsTheGroupsGeneration()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data", "Commons"), ["x", "y"]);
        var replacedAt = _database.Time.GetUtcNow().AddMinutes(5);
        var fresh = new StoredSessionToken(Hash("note-taker-2-new"), SessionRole.NoteTaker, "s1-g2", replacedAt);

        await _store.ReplaceTokenAsync(new SessionLinkReplacement("s1", Hash("note-taker-s1-g2"), fresh, null, 1, null));
        var loaded = await _store.LoadAsync("s1", 20);

        Assert.NotNull(loaded);
        Assert.Null(await _store.FindSessionIdAsync(Hash("note-taker-s1-g2")));
        Assert.Equal("s1", await _store.FindSessionIdAsync(Hash("note-taker-2-new")));
        Assert.Equal([0, 1], loaded.Groups.Select(g => g.NoteTakerLinkGeneration));
        Assert.Equal(3, loaded.AudienceLinkGeneration);
        Assert.Contains(loaded.Tokens, t => Describe(t) == Describe(fresh));
    }

    [Fact]
    public async Task ReplaceTokenAsync_ModeratorAndAudienceLinks_StoreTheNewSecretAndGeneration()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data"), ["x"]);
        var now = _database.Time.GetUtcNow();
        byte[] resealed = [.. Enumerable.Repeat((byte)7, 60)];

        await _store.ReplaceTokenAsync(new SessionLinkReplacement("s1", Hash("moderator-s1"),
            new StoredSessionToken(Hash("moderator-new"), SessionRole.Moderator, null, now), null, null, resealed));
        await _store.ReplaceTokenAsync(new SessionLinkReplacement("s1", Hash("audience-s1"),
            new StoredSessionToken(Hash("audience-new"), SessionRole.Audience, null, now), 4, null, null));
        var loaded = await _store.LoadAsync("s1", 20);

        Assert.NotNull(loaded);
        Assert.Equal(resealed, loaded.SealedLinkSecret);
        Assert.Equal(4, loaded.AudienceLinkGeneration);
        Assert.Equal(3, loaded.Tokens.Count);
        Assert.Null(await _store.FindSessionIdAsync(Hash("moderator-s1")));
    }

    [Fact]
    public async Task SaveTimerAsync_RunningThenPaused_LoadsWhatWasSaved()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data"), ["x"]);
        var endsAt = _database.Time.GetUtcNow().AddMinutes(44);
        var running = new PhaseTimer(1, true, endsAt, TimeSpan.FromMinutes(45));
        var paused = new PhaseTimer(1, false, null, TimeSpan.FromMilliseconds(1_234_567));

        await _store.SaveTimerAsync("s1", running);
        var whileRunning = (await _store.LoadAsync("s1", 20))?.Timer;
        await _store.SaveTimerAsync("s1", paused);
        var whilePaused = (await _store.LoadAsync("s1", 20))?.Timer;

        Assert.Equal(running, whileRunning);
        Assert.Equal(paused, whilePaused);
    }

    [Fact]
    public async Task LoadAsync_MoreAnnouncementsThanAsked_ReturnsTheLatestOldestFirst()
    {
        await _store.CreateSessionAsync(NewSession("s1", "Open data"), ["x"]);
        await _store.SaveLockedAsync("s1", true);
        var now = _database.Time.GetUtcNow();
        for (var i = 1; i <= 4; i++)
        {
            await _store.AddAnnouncementAsync("s1", new Announcement($"a{i}", i == 2 ? "s1-g1" : null, $"note {i}", now.AddSeconds(i)));
        }

        var loaded = await _store.LoadAsync("s1", 3);

        Assert.NotNull(loaded);
        Assert.True(loaded.Locked);
        Assert.Equal(
            [new Announcement("a2", "s1-g1", "note 2", now.AddSeconds(2)), new Announcement("a3", null, "note 3", now.AddSeconds(3)), new Announcement("a4", null, "note 4", now.AddSeconds(4))],
            loaded.Announcements);
    }

    [Fact]
    public async Task LoadAsync_UnknownSession_ReturnsNull()
    {
        Assert.Null(await _store.LoadAsync("nope", 20));
        Assert.False(await _store.AnySessionAsync());
    }

    private StoredSession NewSession(string id, params string[] groupNames)
    {
        var now = _database.Time.GetUtcNow();
        var groups = groupNames.Select((name, i) => new StoredSessionGroup(
            new SessionGroup($"{id}-g{i + 1}", i + 1, name, $"Topic {i + 1}", ["Ann", "Bé \"B\""], $"{id}-pad-{i + 1}"), 0)).ToList();
        List<StoredSessionToken> tokens =
        [
            new(Hash($"moderator-{id}"), SessionRole.Moderator, null, now),
            new(Hash($"audience-{id}"), SessionRole.Audience, null, now),
            .. groups.Select(g => new StoredSessionToken(Hash($"note-taker-{g.Group.GroupId}"), SessionRole.NoteTaker, g.Group.GroupId, now)),
        ];
        return new StoredSession(
            id,
            "Workshop",
            "About data",
            AudienceCanEdit: true,
            Locked: false,
            [new SessionPhase("Introduction", TimeSpan.FromMinutes(15)), new SessionPhase("Work", TimeSpan.FromMinutes(45))],
            new PhaseTimer(0, false, null, TimeSpan.FromMinutes(15)),
            [.. Enumerable.Range(0, 60).Select(i => (byte)i)],
            AudienceLinkGeneration: 3,
            now,
            groups,
            tokens,
            []);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Describe(StoredSessionGroup g) =>
        $"{g.Group.GroupId}|{g.Group.Number}|{g.Group.Name}|{g.Group.Topic}|{string.Join(",", g.Group.Animators)}|{g.Group.PadId}|{g.NoteTakerLinkGeneration}";

    private static string Describe(StoredSessionToken t) => $"{Convert.ToHexString(t.TokenHash)}|{t.Role}|{t.GroupId}|{t.CreatedAt:O}";
}
