using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>
/// <see cref="IPadStore"/> on EF Core: one short-lived (pooled) context per call, no tracking on reads, compiled
/// queries on the hot paths (token lookup, history reads, exactly-once lookups).
/// </summary>
public sealed partial class EfPadStore(
    IDbContextFactory<PadHubDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<EfPadStore> logger) : IPadStore
{
    private readonly object _syncGate = new(); // Monitor: the sync thread waits on it
    private string? _walPath;
    private bool? _sqliteFull;
    private TaskCompletionSource? _nextSync;
    private Thread? _syncThread;

    private static readonly Func<PadHubDbContext, byte[], Task<AccessTokenEntity?>> TokenByHash =
        EF.CompileAsyncQuery((PadHubDbContext db, byte[] hash) =>
            db.AccessTokens.AsNoTracking().FirstOrDefault(t => t.TokenHash == hash && t.RevokedAt == null));

    private static readonly Func<PadHubDbContext, string, Task<SnapshotEntity?>> LatestSnapshot =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId) =>
            db.Snapshots.AsNoTracking().Where(s => s.PadId == padId).OrderByDescending(s => s.Revision).FirstOrDefault());

    private static readonly Func<PadHubDbContext, string, int, int, IAsyncEnumerable<RevisionEntity>> RevisionsAfter =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, int afterRevision, int maxCount) =>
            db.Revisions.AsNoTracking()
                .Where(r => r.PadId == padId && r.Revision > afterRevision)
                .OrderBy(r => r.Revision)
                .Take(maxCount));

    private static readonly Func<PadHubDbContext, string, string, long, Task<int?>> RevisionByClientSeq =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, string clientId, long seq) =>
            db.Revisions
                .Where(r => r.PadId == padId && r.ClientId == clientId && r.Seq == seq)
                .Select(r => (int?)r.Revision)
                .FirstOrDefault());

    private static readonly Func<PadHubDbContext, string, int, Task<bool>> SnapshotExists =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, int revision) =>
            db.Snapshots.Any(s => s.PadId == padId && s.Revision == revision));

    public async Task<CreatedPad> CreatePadAsync(string initialText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialText);
        var now = timeProvider.GetUtcNow();
        var padId = Guid.CreateVersion7(now).ToString("N");
        var editToken = PadTokens.Create();
        var viewToken = PadTokens.Create();
        IReadOnlyList<AuthorRun> authorship = initialText.Length == 0 ? [] : [new AuthorRun(SystemAuthor.Id, initialText.Length)];

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Pads.Add(new PadEntity { Id = padId, CreatedAt = now });
        db.Snapshots.Add(new SnapshotEntity
        {
            PadId = padId,
            Revision = 0,
            Text = initialText,
            Authorship = AuthorshipJson.Serialize(authorship),
            CreatedAt = now,
        });
        db.AccessTokens.Add(NewToken(padId, editToken, PadRole.Editor, now));
        db.AccessTokens.Add(NewToken(padId, viewToken, PadRole.Viewer, now));
        await db.SaveChangesAsync(cancellationToken);

        LogPadCreated(logger, padId, initialText.Length);
        return new CreatedPad(padId, editToken, viewToken);
    }

    public async Task<PadAccess?> ResolveTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > PadTokens.MaxAcceptedLength)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await TokenByHash(db, PadTokens.Hash(token));
        return row is null ? null : new PadAccess(row.PadId, row.Role);
    }

    public async Task<StoredPadState?> LoadAsync(string padId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Every pad gets its revision-0 snapshot in the transaction that creates it: no snapshot, no pad.
        var snapshot = await LatestSnapshot(db, padId);
        if (snapshot is null)
        {
            return null;
        }

        var revisions = new List<StoredRevision>();
        await foreach (var row in RevisionsAfter(db, padId, snapshot.Revision, int.MaxValue).WithCancellation(cancellationToken))
        {
            revisions.Add(ToStored(row));
        }

        return new StoredPadState(padId, ToSnapshot(snapshot), revisions);
    }

    public Task AppendRevisionsAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default) =>
        AppendAsync(padId, revisions, deferSync: false, cancellationToken);

    /// <summary>
    /// SQLite with <c>synchronous=FULL</c>: this one transaction runs with <c>synchronous=NORMAL</c>, so its frames reach
    /// the WAL file (the OS's cache: they survive a crash of this process) without an fsync; <see cref="SyncAsync"/>
    /// fsyncs the WAL file, which is what FULL does at the end of every commit. Other providers and modes append as
    /// <see cref="AppendRevisionsAsync"/> does.
    /// </summary>
    public Task AppendRevisionsUnsyncedAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default) =>
        AppendAsync(padId, revisions, deferSync: true, cancellationToken);

    public Task SyncAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _walPath) is null)
        {
            return Task.CompletedTask; // Nothing was appended unsynced yet.
        }

        // Group fsync across every pad: callers that arrive while an fsync runs share the next one, which starts after
        // their call. It runs on a dedicated thread: an fsync can block for 100 ms, and the thread pool of a small
        // machine must not lose a thread to it.
        lock (_syncGate)
        {
            _nextSync ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = _nextSync.Task;
            if (_syncThread is null)
            {
                _syncThread = new Thread(SyncLoop) { IsBackground = true, Name = "PadHub WAL fsync" };
                _syncThread.Start();
            }

            Monitor.Pulse(_syncGate);
            return task;
        }
    }

    private void SyncLoop()
    {
        while (true)
        {
            TaskCompletionSource next;
            lock (_syncGate)
            {
                if (_nextSync is null && !Monitor.Wait(_syncGate, TimeSpan.FromSeconds(10)) && _nextSync is null)
                {
                    _syncThread = null; // Idle: the next SyncAsync starts a new thread.
                    return;
                }

                if (_nextSync is null)
                {
                    continue;
                }

                next = _nextSync;
                _nextSync = null;
            }

            try
            {
                FsyncWal(_walPath!);
                next.TrySetResult();
            }
#pragma warning disable CA1031 // The failure goes to every caller waiting for this fsync.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                next.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One fsync of the WAL file covers every frame written before it, whichever connection wrote it. SQLite takes no
    /// POSIX locks on the -wal file, so opening and closing another descriptor on it cannot drop SQLite's locks.
    /// </summary>
    private static void FsyncWal(string walPath)
    {
        try
        {
            using var wal = new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            wal.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // The last connection checkpointed the WAL into the database (which a checkpoint fsyncs) and deleted it.
        }
    }

    private async Task AppendAsync(string padId, IReadOnlyList<StoredRevision> revisions, bool deferSync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0)
        {
            return;
        }

        for (var i = 0; i < revisions.Count; i++)
        {
            var operation = revisions[i].Operation;
            if (operation.Revision < 1 || (i > 0 && operation.Revision != revisions[i - 1].Operation.Revision + 1))
            {
                throw new ArgumentException(
                    $"Revisions must be consecutive and start at 1 or later; item {i} is revision {operation.Revision}.", nameof(revisions));
            }

            CheckLength(operation.AuthorId, StoreLimits.MaxAuthorIdLength, "author id", nameof(revisions));
            CheckLength(operation.ClientId, StoreLimits.MaxClientIdLength, "client id", nameof(revisions));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var revision in revisions)
        {
            var operation = revision.Operation;
            db.Revisions.Add(new RevisionEntity
            {
                PadId = padId,
                Revision = operation.Revision,
                Operation = operation.Operation.ToJson(),
                AuthorId = operation.AuthorId,
                ClientId = operation.ClientId,
                Seq = operation.Seq,
                CommittedAt = revision.CommittedAt,
            });
        }

        var deferred = deferSync && db.Database.IsSqlite() && await IsSqliteFullAsync(db, cancellationToken);
        if (deferred)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
        }

        // SaveChanges wraps every insert in one transaction: the batch is durable as a whole or not at all.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            LogAppendConflict(logger, padId, revisions[0].Operation.Revision, revisions.Count);
            throw new PadStoreConflictException(
                $"Pad {padId}: revisions {revisions[0].Operation.Revision}..{revisions[^1].Operation.Revision} collide with a stored revision number or (client id, seq); nothing was written.",
                ex);
        }
        catch (DbUpdateException ex) when (IsForeignKeyViolation(ex))
        {
            throw new PadException(PadErrorCodes.NotFound, $"Pad {padId} does not exist.", ex);
        }
        finally
        {
            if (deferred)
            {
                // The pooled connection goes back with the configured durability.
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Whether this store's SQLite connections run with synchronous=FULL (asked once; the interceptor sets it on every connection).</summary>
    private async Task<bool> IsSqliteFullAsync(PadHubDbContext db, CancellationToken cancellationToken)
    {
        if (_sqliteFull is { } known)
        {
            return known;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            var mode = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var full = mode >= 2; // 2 = FULL, 3 = EXTRA
            if (full)
            {
                Volatile.Write(ref _walPath, connection.DataSource + "-wal");
            }

            _sqliteFull = full;
            return full;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task SaveSnapshotAsync(string padId, PadSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await SnapshotExists(db, padId, snapshot.Revision))
        {
            return;
        }

        db.Snapshots.Add(new SnapshotEntity
        {
            PadId = padId,
            Revision = snapshot.Revision,
            Text = snapshot.Text,
            Authorship = AuthorshipJson.Serialize(snapshot.Authorship),
            CreatedAt = timeProvider.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another writer saved this revision's snapshot first; snapshots of one revision are identical, keep theirs.
        }
        catch (DbUpdateException ex) when (IsForeignKeyViolation(ex))
        {
            throw new PadException(PadErrorCodes.NotFound, $"Pad {padId} does not exist.", ex);
        }
    }

    public async Task<IReadOnlyList<StoredRevision>> GetRevisionsAsync(string padId, int afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var revisions = new List<StoredRevision>(Math.Min(maxCount, 256));
        await foreach (var row in RevisionsAfter(db, padId, afterRevision, maxCount).WithCancellation(cancellationToken))
        {
            revisions.Add(ToStored(row));
        }

        return revisions;
    }

    public async Task<int?> FindRevisionAsync(string padId, string clientId, long seq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentNullException.ThrowIfNull(clientId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await RevisionByClientSeq(db, padId, clientId, seq);
    }

    public async Task SaveAuthorAsync(PadAuthor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        CheckLength(author.AuthorId, StoreLimits.MaxAuthorIdLength, "author id", nameof(author));
        CheckLength(author.DisplayName, StoreLimits.MaxDisplayNameLength, "display name", nameof(author));
        CheckLength(author.Color, StoreLimits.MaxColorLength, "colour", nameof(author));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await UpdateAuthorAsync(db, author, cancellationToken))
        {
            return;
        }

        db.Authors.Add(new AuthorEntity { Id = author.AuthorId, DisplayName = author.DisplayName, Color = author.Color });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Created concurrently between the update and the insert: the update now finds it.
            db.ChangeTracker.Clear();
            await UpdateAuthorAsync(db, author, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PadAuthor>> GetAuthorsAsync(IReadOnlyCollection<string> authorIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorIds);
        if (authorIds.Count == 0)
        {
            return [];
        }

        var ids = authorIds.Distinct(StringComparer.Ordinal).ToArray();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new PadAuthor(a.Id, a.DisplayName, a.Color))
            .ToListAsync(cancellationToken);
    }

    private static async Task<bool> UpdateAuthorAsync(PadHubDbContext db, PadAuthor author, CancellationToken cancellationToken) =>
        await db.Authors
            .Where(a => a.Id == author.AuthorId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(a => a.DisplayName, author.DisplayName)
                    .SetProperty(a => a.Color, author.Color),
                cancellationToken) > 0;

    private static AccessTokenEntity NewToken(string padId, string token, PadRole role, DateTimeOffset now) => new()
    {
        TokenHash = PadTokens.Hash(token),
        PadId = padId,
        Role = role,
        CreatedAt = now,
    };

    private static StoredRevision ToStored(RevisionEntity row) => new(
        new CommittedOperation(row.Revision, TextOperation.Parse(row.Operation), row.AuthorId, row.ClientId, row.Seq),
        row.CommittedAt);

    private static PadSnapshot ToSnapshot(SnapshotEntity row) =>
        new(row.Revision, row.Text, AuthorshipJson.Deserialize(row.Authorship));

    private static void CheckLength(string value, int maxLength, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The {what} is {value.Length} characters long; the store keeps at most {maxLength}.", paramName);
        }
    }

    // SQLite: SQLITE_CONSTRAINT_PRIMARYKEY (1555) / _UNIQUE (2067). SQL Server: 2627 (constraint) / 2601 (unique index).
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };

    // SQLite: SQLITE_CONSTRAINT_FOREIGNKEY (787). SQL Server: 547.
    private static bool IsForeignKeyViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        SqlException sqlServer => sqlServer.Number == 547,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created pad {PadId} ({Length} code units)")]
    private static partial void LogPadCreated(ILogger logger, string padId, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: append of {Count} revision(s) from {First} collided with stored revisions; nothing written")]
    private static partial void LogAppendConflict(ILogger logger, string padId, int first, int count);
}
