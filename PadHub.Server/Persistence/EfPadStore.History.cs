using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

// Reading a past revision back (snapshot at or below it plus the revisions after), and named revisions.
public sealed partial class EfPadStore
{
    private static readonly Func<PadHubDbContext, string, int, Task<SnapshotEntity?>> SnapshotAtOrBelow =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, int revision) =>
            db.Snapshots.AsNoTracking().Where(s => s.PadId == padId && s.Revision <= revision).OrderByDescending(s => s.Revision).FirstOrDefault());

    private static readonly Func<PadHubDbContext, string, int, Task<DateTimeOffset?>> RevisionTime =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId, int revision) =>
            db.Revisions.Where(r => r.PadId == padId && r.Revision == revision).Select(r => (DateTimeOffset?)r.CommittedAt).FirstOrDefault());

    private static readonly Func<PadHubDbContext, string, Task<DateTimeOffset?>> PadCreatedAt =
        EF.CompileAsyncQuery((PadHubDbContext db, string padId) =>
            db.Pads.Where(p => p.Id == padId).Select(p => (DateTimeOffset?)p.CreatedAt).FirstOrDefault());

    public async Task<StoredRevisionState?> LoadRevisionAsync(string padId, int revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await SnapshotAtOrBelow(db, padId, revision);
        if (snapshot is null)
        {
            return null;
        }

        var revisions = new List<StoredRevision>(revision - snapshot.Revision);
        await foreach (var row in RevisionsAfter(db, padId, snapshot.Revision, revision - snapshot.Revision).WithCancellation(cancellationToken))
        {
            revisions.Add(ToStored(row));
        }

        var time = revisions.Count > 0 ? revisions[^1].CommittedAt
            : revision == 0 ? await PadCreatedAt(db, padId)
            : await RevisionTime(db, padId, revision);
        return new StoredRevisionState(ToSnapshot(snapshot), revisions, time ?? snapshot.CreatedAt);
    }

    public async Task<bool> NameRevisionAsync(string padId, StoredNamedRevision named, int maxPerPad, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        ArgumentNullException.ThrowIfNull(named);
        CheckLength(named.Name, StoreLimits.MaxRevisionNameLength, "revision name", nameof(named));
        CheckLength(named.AuthorId, StoreLimits.MaxAuthorIdLength, "author id", nameof(named));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var renamed = await db.NamedRevisions
            .Where(n => n.PadId == padId && n.Revision == named.Revision)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(n => n.Name, named.Name)
                    .SetProperty(n => n.AuthorId, named.AuthorId)
                    .SetProperty(n => n.NamedAt, named.NamedAt),
                cancellationToken);
        if (renamed > 0)
        {
            return true;
        }

        // Two concurrent namings of a pad at its limit may both pass this count: one name over, never unbounded.
        if (await db.NamedRevisions.CountAsync(n => n.PadId == padId, cancellationToken) >= maxPerPad)
        {
            return false;
        }

        db.NamedRevisions.Add(new NamedRevisionEntity
        {
            PadId = padId,
            Revision = named.Revision,
            Name = named.Name,
            AuthorId = named.AuthorId,
            NamedAt = named.NamedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Named concurrently by someone else: the later name wins, as a rename would.
            db.ChangeTracker.Clear();
            return await NameRevisionAsync(padId, named, maxPerPad, cancellationToken);
        }
        catch (DbUpdateException ex) when (IsForeignKeyViolation(ex))
        {
            throw new PadException(PadErrorCodes.NotFound, $"Pad {padId} does not exist.", ex);
        }

        return true;
    }

    public async Task<IReadOnlyList<StoredNamedRevision>> GetNamedRevisionsAsync(string padId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(padId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.NamedRevisions.AsNoTracking()
            .Where(n => n.PadId == padId)
            .OrderBy(n => n.Revision)
            .Select(n => new StoredNamedRevision(n.Revision, n.Name, n.AuthorId, n.NamedAt))
            .ToListAsync(cancellationToken);
    }
}
