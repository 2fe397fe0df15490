using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

// Authors: the name and colour shown for an author id.
public sealed partial class EfPadStore
{
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

}
