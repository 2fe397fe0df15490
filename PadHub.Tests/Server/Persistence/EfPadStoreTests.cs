using System.Text;
using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
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
    public async Task AppendRevisionsAsync_Batch_LoadReturnsRevisionsInOrder()
    {
        var created = await _store.CreatePadAsync("ab");
        var batch = Revisions(1, ("c1", 1, "[2,\"x\"]"), ("c1", 2, "[3,\"y\"]"), ("c2", 1, "[-1,3]"));

        await _store.AppendRevisionsAsync(created.PadId, batch);
        var state = await _store.LoadAsync(created.PadId);

        Assert.NotNull(state);
        Assert.Equal(0, state.Snapshot.Revision);
        Assert.Equal(batch, state.Revisions);
        Assert.Equal("[2,\"x\"]", state.Revisions[0].Operation.Operation.ToJson());
    }

    [Fact]
    public async Task AppendRevisionsAsync_BatchWithStoredClientSeq_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, Revisions(1, ("c1", 1, "[\"a\"]")));
        var batch = Revisions(2, ("c2", 1, "[1,\"b\"]"), ("c2", 2, "[2,\"c\"]"), ("c1", 1, "[3,\"d\"]"));

        await Assert.ThrowsAsync<PadStoreConflictException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal([1], stored.Select(r => r.Operation.Revision));
        Assert.Null(await _store.FindRevisionAsync(created.PadId, "c2", 1));
    }

    [Fact]
    public async Task AppendRevisionsAsync_DuplicateClientSeqWithinBatch_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        var batch = Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 1, "[1,\"b\"]"));

        await Assert.ThrowsAsync<PadStoreConflictException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        Assert.Empty(await _store.GetRevisionsAsync(created.PadId, 0, 100));
    }

    [Fact]
    public async Task AppendRevisionsAsync_StoredRevisionNumber_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 2, "[1,\"b\"]")));

        await Assert.ThrowsAsync<PadStoreConflictException>(
            () => _store.AppendRevisionsAsync(created.PadId, Revisions(2, ("c2", 1, "[2,\"c\"]"), ("c2", 2, "[3,\"d\"]"))));

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal(["c1", "c1"], stored.Select(r => r.Operation.ClientId));
    }

    [Fact]
    public async Task AppendRevisionsUnsyncedAsync_ThenSync_ARestartedStoreLoadsTheBatchAndConnectionsStayFull()
    {
        var created = await _store.CreatePadAsync("ab");
        var first = Revisions(1, ("c1", 1, "[2,\"x\"]"));
        var second = Revisions(2, ("c1", 2, "[3,\"y\"]"), ("c2", 1, "[-1,3]"));

        // Written without an fsync: readable at once (by another connection, as after a crash of the process: the
        // frames are in the WAL file), durable after SyncAsync.
        await _store.AppendRevisionsUnsyncedAsync(created.PadId, first);
        await _store.AppendRevisionsUnsyncedAsync(created.PadId, second);
        var restarted = await _database.OpenStoreAsync();
        var beforeSync = await restarted.LoadAsync(created.PadId);
        await _store.SyncAsync();
        await using var db = await _database.CreateContextAsync();
        await db.Database.OpenConnectionAsync();
        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();

        Assert.NotNull(beforeSync);
        Assert.Equal([.. first, .. second], beforeSync.Revisions);
        Assert.Equal([2L], synchronous); // FULL: the deferred append's NORMAL stays on its own transaction
    }

    [Fact]
    public async Task AppendRevisionsUnsyncedAsync_StoredRevisionNumber_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsUnsyncedAsync(created.PadId, Revisions(1, ("c1", 1, "[\"a\"]")));

        await Assert.ThrowsAsync<PadStoreConflictException>(
            () => _store.AppendRevisionsUnsyncedAsync(created.PadId, Revisions(1, ("c2", 1, "[\"b\"]"), ("c2", 2, "[1,\"c\"]"))));
        await _store.SyncAsync();

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal(["c1"], stored.Select(r => r.Operation.ClientId));
    }

    [Fact]
    public async Task AppendRevisionsAsync_UnknownPad_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<PadException>(
            () => _store.AppendRevisionsAsync("0123456789abcdef0123456789abcdef", Revisions(1, ("c1", 1, "[\"a\"]"))));

        Assert.Equal(PadErrorCodes.NotFound, ex.Code);
    }

    [Fact]
    public async Task AppendRevisionsAsync_NonConsecutiveRevisions_ThrowsArgumentException()
    {
        var created = await _store.CreatePadAsync("");
        IReadOnlyList<StoredRevision> batch = [.. Revisions(1, ("c1", 1, "[\"a\"]")), .. Revisions(3, ("c1", 2, "[1,\"b\"]"))];

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        Assert.Empty(await _store.GetRevisionsAsync(created.PadId, 0, 100));
    }

    [Fact]
    public async Task LoadAsync_AfterLaterSnapshot_ReturnsLatestSnapshotAndOnlyLaterRevisions()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 2, "[1,\"b\"]")));
        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(2, "ab", [new AuthorRun("alice", 2)]));
        await _store.AppendRevisionsAsync(created.PadId, Revisions(3, ("c1", 3, "[2,\"c\"]")));

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
        await _store.AppendRevisionsAsync(created.PadId, Revisions(1, ("c1", 1, "[\"a\"]")));
        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(1, "a", [new AuthorRun("alice", 1)]));

        await _store.SaveSnapshotAsync(created.PadId, new PadSnapshot(1, "other", [new AuthorRun("bob", 5)]));

        var state = await _store.LoadAsync(created.PadId);
        Assert.NotNull(state);
        Assert.Equal("a", state.Snapshot.Text);
        Assert.Equal([new AuthorRun("alice", 1)], state.Snapshot.Authorship);
    }

    [Fact]
    public async Task GetRevisionsAsync_Paged_ReturnsEachPageInOrder()
    {
        var created = await _store.CreatePadAsync("");
        var all = Revisions(1, [.. Enumerable.Range(1, 7).Select(i => ("c1", (long)i, i == 1 ? "[\"x\"]" : $"[{i - 1},\"x\"]"))]);
        await _store.AppendRevisionsAsync(created.PadId, all);

        var first = await _store.GetRevisionsAsync(created.PadId, 0, 3);
        var second = await _store.GetRevisionsAsync(created.PadId, 3, 3);
        var last = await _store.GetRevisionsAsync(created.PadId, 6, 3);
        var none = await _store.GetRevisionsAsync(created.PadId, 7, 3);

        Assert.Equal([1, 2, 3], first.Select(r => r.Operation.Revision));
        Assert.Equal([4, 5, 6], second.Select(r => r.Operation.Revision));
        Assert.Equal([7], last.Select(r => r.Operation.Revision));
        Assert.Empty(none);
    }

    [Fact]
    public async Task FindRevisionAsync_CommittedClientSeq_ReturnsItsRevision()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, Revisions(1, ("c1", 10, "[\"a\"]"), ("c2", 10, "[1,\"b\"]")));

        Assert.Equal(2, await _store.FindRevisionAsync(created.PadId, "c2", 10));
        Assert.Equal(1, await _store.FindRevisionAsync(created.PadId, "c1", 10));
        Assert.Null(await _store.FindRevisionAsync(created.PadId, "c1", 11));
        Assert.Null(await _store.FindRevisionAsync("0123456789abcdef0123456789abcdef", "c1", 10));
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
        var batch = Revisions(1, ("c1", 1, "[5,\"!\"]"), ("c1", 2, "[6,\"?\"]"));
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

    private IReadOnlyList<StoredRevision> Revisions(int firstRevision, params (string ClientId, long Seq, string Json)[] operations) =>
        [.. operations.Select((op, i) => new StoredRevision(
            new CommittedOperation(firstRevision + i, TextOperation.Parse(op.Json), "author-" + op.ClientId, op.ClientId, op.Seq),
            _database.Time.GetUtcNow().AddSeconds(i)))];

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
