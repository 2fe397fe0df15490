using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Feed;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>A session's social feed settings: one optional row of <c>SessionFeeds</c>.</summary>
public sealed partial class EfSessionStore
{
    public async Task SaveFeedAsync(string sessionId, SessionFeedSettings? feed, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.SessionFeeds.FirstOrDefaultAsync(f => f.SessionId == sessionId, cancellationToken);
        if (feed is null)
        {
            if (row is not null)
            {
                db.SessionFeeds.Remove(row);
            }
        }
        else if (row is null)
        {
            db.SessionFeeds.Add(new SessionFeedEntity { SessionId = sessionId, Hashtag = feed.Hashtag, Instance = feed.Instance });
        }
        else
        {
            row.Hashtag = feed.Hashtag;
            row.Instance = feed.Instance;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
