using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

// Appending revisions (one transaction per batch, exactly-once per (client id, seq)) and reading history back.
public sealed partial class EfPadStore
{
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

    public Task AppendRevisionsAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default) =>
        AppendAsync(padId, revisions, deferSync: false, cancellationToken);

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

    private static StoredRevision ToStored(RevisionEntity row) => new(
        new CommittedOperation(row.Revision, TextOperation.Parse(row.Operation), row.AuthorId, row.ClientId, row.Seq),
        row.CommittedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pad {PadId}: append of {Count} revision(s) from {First} collided with stored revisions; nothing written")]
    private static partial void LogAppendConflict(ILogger logger, string padId, int first, int count);
}
