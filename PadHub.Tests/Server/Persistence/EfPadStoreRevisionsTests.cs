using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Persistence;

// EfPadStore's revisions (append, exactly-once, deferred fsync, history pages) against a real SQLite file.
public sealed class EfPadStoreRevisionsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private IPadStore _store = null!;

    public async Task InitializeAsync() => _store = await _database.OpenStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AppendRevisionsAsync_Batch_LoadReturnsRevisionsInOrder()
    {
        var created = await _store.CreatePadAsync("ab");
        var batch = _database.Revisions(1, ("c1", 1, "[2,\"x\"]"), ("c1", 2, "[3,\"y\"]"), ("c2", 1, "[-1,3]"));

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
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(1, ("c1", 1, "[\"a\"]")));
        var batch = _database.Revisions(2, ("c2", 1, "[1,\"b\"]"), ("c2", 2, "[2,\"c\"]"), ("c1", 1, "[3,\"d\"]"));

        await Assert.ThrowsAsync<PadStoreConflictException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal([1], stored.Select(r => r.Operation.Revision));
        Assert.Null(await _store.FindRevisionAsync(created.PadId, "c2", 1));
    }

    [Fact]
    public async Task AppendRevisionsAsync_DuplicateClientSeqWithinBatch_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        var batch = _database.Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 1, "[1,\"b\"]"));

        await Assert.ThrowsAsync<PadStoreConflictException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        Assert.Empty(await _store.GetRevisionsAsync(created.PadId, 0, 100));
    }

    [Fact]
    public async Task AppendRevisionsAsync_StoredRevisionNumber_ThrowsAndWritesNothing()
    {
        var created = await _store.CreatePadAsync("");
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(1, ("c1", 1, "[\"a\"]"), ("c1", 2, "[1,\"b\"]")));

        await Assert.ThrowsAsync<PadStoreConflictException>(
            () => _store.AppendRevisionsAsync(created.PadId, _database.Revisions(2, ("c2", 1, "[2,\"c\"]"), ("c2", 2, "[3,\"d\"]"))));

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal(["c1", "c1"], stored.Select(r => r.Operation.ClientId));
    }

    [Fact]
    public async Task AppendRevisionsUnsyncedAsync_ThenSync_ARestartedStoreLoadsTheBatchAndConnectionsStayFull()
    {
        var created = await _store.CreatePadAsync("ab");
        var first = _database.Revisions(1, ("c1", 1, "[2,\"x\"]"));
        var second = _database.Revisions(2, ("c1", 2, "[3,\"y\"]"), ("c2", 1, "[-1,3]"));

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
        await _store.AppendRevisionsUnsyncedAsync(created.PadId, _database.Revisions(1, ("c1", 1, "[\"a\"]")));

        await Assert.ThrowsAsync<PadStoreConflictException>(
            () => _store.AppendRevisionsUnsyncedAsync(created.PadId, _database.Revisions(1, ("c2", 1, "[\"b\"]"), ("c2", 2, "[1,\"c\"]"))));
        await _store.SyncAsync();

        var stored = await _store.GetRevisionsAsync(created.PadId, 0, 100);
        Assert.Equal(["c1"], stored.Select(r => r.Operation.ClientId));
    }

    [Fact]
    public async Task AppendRevisionsAsync_UnknownPad_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<PadException>(
            () => _store.AppendRevisionsAsync("0123456789abcdef0123456789abcdef", _database.Revisions(1, ("c1", 1, "[\"a\"]"))));

        Assert.Equal(PadErrorCodes.NotFound, ex.Code);
    }

    [Fact]
    public async Task AppendRevisionsAsync_NonConsecutiveRevisions_ThrowsArgumentException()
    {
        var created = await _store.CreatePadAsync("");
        IReadOnlyList<StoredRevision> batch = [.. _database.Revisions(1, ("c1", 1, "[\"a\"]")), .. _database.Revisions(3, ("c1", 2, "[1,\"b\"]"))];

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendRevisionsAsync(created.PadId, batch));

        Assert.Empty(await _store.GetRevisionsAsync(created.PadId, 0, 100));
    }

    [Fact]
    public async Task GetRevisionsAsync_Paged_ReturnsEachPageInOrder()
    {
        var created = await _store.CreatePadAsync("");
        var all = _database.Revisions(1, [.. Enumerable.Range(1, 7).Select(i => ("c1", (long)i, i == 1 ? "[\"x\"]" : $"[{i - 1},\"x\"]"))]);
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
        await _store.AppendRevisionsAsync(created.PadId, _database.Revisions(1, ("c1", 10, "[\"a\"]"), ("c2", 10, "[1,\"b\"]")));

        Assert.Equal(2, await _store.FindRevisionAsync(created.PadId, "c2", 10));
        Assert.Equal(1, await _store.FindRevisionAsync(created.PadId, "c1", 10));
        Assert.Null(await _store.FindRevisionAsync(created.PadId, "c1", 11));
        Assert.Null(await _store.FindRevisionAsync("0123456789abcdef0123456789abcdef", "c1", 10));
    }
}
