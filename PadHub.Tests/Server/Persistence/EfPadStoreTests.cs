using System.Text;
using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// EfPadStore against a real SQLite file, through the server's own registration and start-up migration.
public sealed class EfPadStoreTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private IPadStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreatePadAsync_Always_TokensResolveToEditorAndViewer()
    {
        var created = await _store.CreatePadAsync("hello");

        var edit = await _store.ResolveTokenAsync(created.EditToken);
        var view = await _store.ResolveTokenAsync(created.ViewToken);

        Assert.Equal(new PadAccess(created.PadId, PadRole.Editor), edit);
        Assert.Equal(new PadAccess(created.PadId, PadRole.Viewer), view);
    }

    [Fact]
    public async Task CreatePadAsync_Always_ReturnsDistinct256BitBase64UrlTokens()
    {
        var first = await _store.CreatePadAsync("");
        var second = await _store.CreatePadAsync("");

        string[] tokens = [first.EditToken, first.ViewToken, second.EditToken, second.ViewToken];
        Assert.All(tokens, token => Assert.Matches("^[A-Za-z0-9_-]{43}$", token));
        Assert.Equal(4, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(first.PadId, second.PadId);
        Assert.Matches("^[0-9a-f]{32}$", first.PadId);
    }

    [Fact]
    public async Task CreatePadAsync_Always_StoresOnlyTokenHashes()
    {
        var created = await _store.CreatePadAsync("secret keeper");

        await using var db = await _database.CreateContextAsync();
        var hashes = await db.AccessTokens.AsNoTracking().Where(t => t.PadId == created.PadId).Select(t => t.TokenHash).ToListAsync();
        var fileBytes = ReadDatabaseFiles();

        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, hash => Assert.Equal(32, hash.Length));
        Assert.Contains(hashes, h => h.AsSpan().SequenceEqual(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(created.EditToken))));
        Assert.Equal(-1, fileBytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(created.EditToken)));
        Assert.Equal(-1, fileBytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(created.ViewToken)));
        Assert.NotEqual(-1, fileBytes.AsSpan().IndexOf("secret keeper"u8));
    }

    [Fact]
    public async Task CreatePadAsync_Always_StoresRolesByName()
    {
        await _store.CreatePadAsync("x");

        await using var db = await _database.CreateContextAsync();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT Role AS Value FROM AccessTokens").ToListAsync();

        Assert.Equal(["Editor", "Viewer"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ResolveTokenAsync_UnknownOrEmptyToken_ReturnsNull()
    {
        await _store.CreatePadAsync("x");

        Assert.Null(await _store.ResolveTokenAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Null(await _store.ResolveTokenAsync(""));
        Assert.Null(await _store.ResolveTokenAsync(new string('a', 10_000)));
    }

    [Fact]
    public async Task ResolveTokenAsync_RevokedToken_ReturnsNull()
    {
        var created = await _store.CreatePadAsync("x");
        await using (var db = await _database.CreateContextAsync())
        {
            var hash = System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(created.ViewToken));
            await db.AccessTokens.Where(t => t.TokenHash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, _database.Time.GetUtcNow()));
        }

        var view = await _store.ResolveTokenAsync(created.ViewToken);

        Assert.Null(view);
        Assert.NotNull(await _store.ResolveTokenAsync(created.EditToken));
    }

    [Fact]
    public async Task LoadAsync_NewPadWithText_ReturnsRevisionZeroSnapshotBySystemAuthor()
    {
        var created = await _store.CreatePadAsync("héllo 👋\nworld");

        var state = await _store.LoadAsync(created.PadId);

        Assert.NotNull(state);
        Assert.Equal(created.PadId, state.PadId);
        Assert.Equal(0, state.Snapshot.Revision);
        Assert.Equal("héllo 👋\nworld", state.Snapshot.Text);
        Assert.Equal([new AuthorRun(SystemAuthor.Id, "héllo 👋\nworld".Length)], state.Snapshot.Authorship);
        Assert.Empty(state.Revisions);
    }

    [Fact]
    public async Task LoadAsync_NewEmptyPad_SnapshotHasNoAuthorship()
    {
        var created = await _store.CreatePadAsync("");

        var state = await _store.LoadAsync(created.PadId);

        Assert.NotNull(state);
        Assert.Equal("", state.Snapshot.Text);
        Assert.Empty(state.Snapshot.Authorship);
    }

    [Fact]
    public async Task LoadAsync_UnknownPad_ReturnsNull()
    {
        var state = await _store.LoadAsync("0123456789abcdef0123456789abcdef");

        Assert.Null(state);
    }

    [Fact]
    public async Task LoadAsync_AfterLaterSnapshot_ReturnsLatestSnapshotAndOnlyLaterRevisions()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 2, "[1,\"b\"]")));
        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(2, "ab", [new AuthorRun("alice", 2)]));
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(3, ("c1", 3, "[2,\"c\"]")));

        var state = await _store.LoadAsync(created.PadId);

        Assert.NotNull(state);
        Assert.Equal(2, state.Snapshot.Revision);
        Assert.Equal("ab", state.Snapshot.Text);
        Assert.Equal([new AuthorRun("alice", 2)], state.Snapshot.Authorship);
        Assert.Equal([3], state.Revisions.Select(r => r.Operation.Revision));
    }

    [Fact]
    public async Task SaveSnapshotAsync_ExistingRevision_KeepsTheFirst()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(1, ("c1", 1, "[\"a\"]")));
        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(1, "a", [new AuthorRun("alice", 1)]));

        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(1, "other", [new AuthorRun("bob", 5)]));

        var state = await _store.LoadAsync(created.PadId);
        Assert.NotNull(state);
        Assert.Equal("a", state.Snapshot.Text);
        Assert.Equal([new AuthorRun("alice", 1)], state.Snapshot.Authorship);
    }

    [Fact]
    public async Task SaveAuthorAsync_NewThenRenamed_GetAuthorsReturnsLatest()
    {
        await _store.SaveAuthorAsync(new PadAuthor("alice", "Alice", "#e53935"));
        await _store.SaveAuthorAsync(new PadAuthor("bob", "Bob", "#1e88e5"));

        await _store.SaveAuthorAsync(new PadAuthor("alice", "Alice B.", "#43a047"));

        var authors = await _store.GetAuthorsAsync(["alice", "bob", "nobody", "alice"]);
        Assert.Equal(
            [new PadAuthor("alice", "Alice B.", "#43a047"), new PadAuthor("bob", "Bob", "#1e88e5")],
            authors.OrderBy(a => a.AuthorId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAuthorsAsync_SystemAuthor_IsSeeded()
    {
        var authors = await _store.GetAuthorsAsync([SystemAuthor.Id]);

        Assert.Equal([SystemAuthor.Author], authors);
    }

    [Fact]
    public async Task GetAuthorsAsync_NoIds_ReturnsEmpty()
    {
        Assert.Empty(await _store.GetAuthorsAsync([]));
    }

    [Fact]
    public async Task SaveAuthorAsync_IdOverColumnSize_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _store.SaveAuthorAsync(new PadAuthor(new string('a', StoreLimits.MaxAuthorIdLength + 1), "A", "#000000")));
    }

    [Fact]
    public async Task OpenAsync_SecondProviderOnSameFile_SeesEverything()
    {
        var created = await _store.CreatePadAsync("start");
        var batch = _database.Revisions(1, ("c1", 1, "[5,\"!\"]"), ("c1", 2, "[6,\"?\"]"));
        await _store.AppendRevisionsAsync(created.PadId, batch);
        await _store.SaveAuthorAsync(new PadAuthor("alice", "Alice", "#e53935"));

        var restarted = await _database.OpenStoreAsync();

        Assert.Equal(new PadAccess(created.PadId, PadRole.Editor), await restarted.ResolveTokenAsync(created.EditToken));
        Assert.Equal(new PadAccess(created.PadId, PadRole.Viewer), await restarted.ResolveTokenAsync(created.ViewToken));
        var state = await restarted.LoadAsync(created.PadId);
        Assert.NotNull(state);
        Assert.Equal("start", state.Snapshot.Text);
        Assert.Equal(batch, state.Revisions);
        Assert.Equal(2, await restarted.FindRevisionAsync(created.PadId, "c1", 2));
        Assert.Equal([new PadAuthor("alice", "Alice", "#e53935")], await restarted.GetAuthorsAsync(["alice"]));
    }

    private byte[] ReadDatabaseFiles()
    {
        using var all = new MemoryStream();
        foreach (var path in Directory.EnumerateFiles(_database.Directory, "padhub.db*"))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.CopyTo(all);
        }

        return all.ToArray();
    }
}
