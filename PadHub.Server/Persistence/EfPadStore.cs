using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>
/// <see cref="IPadStore"/> on EF Core: one short-lived (pooled) context per call, no tracking on reads, compiled
/// queries on the hot paths (token lookup, history reads, exactly-once lookups). By concern: creating, loading and
/// snapshotting pads (here), revisions (.Revisions), deferred fsync (.Durability), authors (.Authors), replacing a pad's
/// links (.Links), whether a client has committed (.Clients).
/// </summary>
public sealed partial class EfPadStore(
    IDbContextFactory<PadHubDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<EfPadStore> logger) : IPadStore
{
    private static readonly Func<PadHubDbContext, byte[], Task<AccessTokenEntity?>> TokenByHash =
        EF.CompileAsyncQuery((PadHubDbContext db, byte[] hash) =>
            db.AccessTokens.AsNoTracking().FirstOrDefault(t => t.TokenHash == hash && t.RevokedAt == null));

    private static readonly Func<PadHubDbContext, string, Task<SnapshotEntity?>> LatestSnapshot =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId) =>
            db.Snapshots.AsNoTracking().Where(s => s.PadId == padId).OrderByDescending(s => s.Revision).FirstOrDefault());

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

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        NewPadRows.Add(db, padId, title: null, initialText, now);
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
        return row is null ? null : new PadAccess(row.PadId, RoleColumns.ToPadRole(row.Role));
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

    private static AccessTokenEntity NewToken(string padId, string token, PadRole role, DateTimeOffset now) => new()
    {
        TokenHash = PadTokens.Hash(token),
        PadId = padId,
        Role = RoleColumns.From(role),
        CreatedAt = now,
    };

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
}
