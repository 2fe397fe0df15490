using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>Comments in the <c>Comments</c> table, one short-lived context per call.</summary>
public sealed class EfCommentStore(IDbContextFactory<PadHubDbContext> contextFactory) : ICommentStore
{
    public async Task<IReadOnlyList<StoredComment>> LoadCommentsAsync(string padId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Comments.AsNoTracking().Where(c => c.PadId == padId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StoredComment(
            new PadComment(r.Id, r.From, r.To, r.Text, r.AuthorId, r.DisplayName, r.ReplyTo, r.Resolved, r.OnDeletedText, r.CreatedAt),
            r.AnchorRevision))];
    }

    public async Task AddCommentAsync(string padId, StoredComment comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var c = comment.Comment;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Comments.Add(new CommentEntity
        {
            Id = c.CommentId,
            PadId = padId,
            ReplyTo = c.ReplyTo,
            From = c.From,
            To = c.To,
            OnDeletedText = c.OnDeletedText,
            AnchorRevision = comment.AnchorRevision,
            Text = c.Text,
            AuthorId = c.AuthorId,
            DisplayName = c.DisplayName,
            Resolved = c.Resolved,
            CreatedAt = c.Time,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResolveCommentAsync(string padId, string commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Comments.Where(c => c.PadId == padId && c.Id == commentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Resolved, true), cancellationToken);
    }

    public async Task SaveAnchorsAsync(string padId, IReadOnlyList<StoredAnchor> anchors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        if (anchors.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = anchors.Select(a => a.CommentId).ToList();
        var rows = await db.Comments.Where(c => c.PadId == padId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var anchor in anchors)
        {
            // Never move an anchor back: a write that lost a race with a newer one keeps the newer.
            if (rows.TryGetValue(anchor.CommentId, out var row) && row.AnchorRevision <= anchor.AnchorRevision)
            {
                row.From = anchor.From;
                row.To = anchor.To;
                row.OnDeletedText = anchor.OnDeletedText;
                row.AnchorRevision = anchor.AnchorRevision;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
