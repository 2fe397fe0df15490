using Microsoft.EntityFrameworkCore;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Sessions;

/// <summary>A session as loaded: its row, groups (by number), live tokens and latest announcements (oldest first).</summary>
internal sealed record LoadedSession(
    SessionEntity Session,
    IReadOnlyList<SessionGroupEntity> Groups,
    IReadOnlyList<SessionTokenEntity> Tokens,
    IReadOnlyList<AnnouncementEntity> Announcements);

/// <summary>A group to create with its pad's initial text.</summary>
internal sealed record NewSessionGroup(SessionGroupEntity Group, string PadText);

/// <summary>Sessions in EF Core: one short-lived context per call, like <see cref="EfPadStore"/>.</summary>
internal sealed class SessionStore(IDbContextFactory<PadHubDbContext> contextFactory)
{
    /// <summary>
    /// Writes the session, every group's pad (with its revision-0 snapshot, attributed to <see cref="SystemAuthor"/>),
    /// the groups and the session's tokens in ONE transaction (one SaveChanges): all of it exists, or none. The pads
    /// get no pad-level tokens: the session's links are their only way in.
    /// </summary>
    public async Task CreateAsync(SessionEntity session, IReadOnlyList<NewSessionGroup> groups, IReadOnlyList<SessionTokenEntity> tokens, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(session);
        foreach (var (group, text) in groups)
        {
            db.Pads.Add(new PadEntity { Id = group.PadId, CreatedAt = session.CreatedAt, Title = Truncate(group.Name, StoreLimits.MaxTitleLength) });
            db.Snapshots.Add(new SnapshotEntity
            {
                PadId = group.PadId,
                Revision = 0,
                Text = text,
                Authorship = AuthorshipJson.Serialize(text.Length == 0 ? [] : [new AuthorRun(SystemAuthor.Id, text.Length)]),
                CreatedAt = session.CreatedAt,
            });
            db.SessionGroups.Add(group);
        }

        db.SessionTokens.AddRange(tokens);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> AnySessionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AnyAsync(cancellationToken);
    }

    /// <summary>The session a live (not revoked) token belongs to, or null.</summary>
    public async Task<string?> FindSessionIdAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionTokens.AsNoTracking()
            .Where(t => t.TokenHash == tokenHash && t.RevokedAt == null)
            .Select(t => t.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<LoadedSession?> LoadAsync(string sessionId, int announcements, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var groups = await db.SessionGroups.AsNoTracking().Where(g => g.SessionId == sessionId).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        var tokens = await db.SessionTokens.AsNoTracking().Where(t => t.SessionId == sessionId && t.RevokedAt == null).ToListAsync(cancellationToken);
        var latest = await db.Announcements.AsNoTracking().Where(a => a.SessionId == sessionId)
            .OrderByDescending(a => a.Id).Take(announcements).ToListAsync(cancellationToken);
        latest.Reverse();
        return new LoadedSession(session, groups, tokens, latest);
    }

    public async Task SaveTimerAsync(string sessionId, int phaseIndex, bool running, DateTimeOffset? endsAt, long remainingMs, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.PhaseIndex, phaseIndex)
                .SetProperty(x => x.TimerRunning, running)
                .SetProperty(x => x.TimerEndsAt, endsAt)
                .SetProperty(x => x.TimerRemainingMs, remainingMs),
            cancellationToken);
    }

    public async Task SaveLockedAsync(string sessionId, bool locked, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Locked, locked), cancellationToken);
    }

    public async Task AddAnnouncementAsync(AnnouncementEntity announcement, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes <paramref name="oldHash"/> and adds <paramref name="replacement"/> in one transaction, with the bookkeeping
    /// the new link needs (a new generation, or the secret sealed under a new moderator token).
    /// </summary>
    public async Task ReplaceTokenAsync(
        byte[] oldHash,
        SessionTokenEntity replacement,
        int? audienceGeneration,
        (string GroupId, int Generation)? noteTakerGeneration,
        byte[]? sealedSecret,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var old = await db.SessionTokens.FirstOrDefaultAsync(t => t.TokenHash == oldHash, cancellationToken);
        if (old is not null)
        {
            old.RevokedAt = replacement.CreatedAt;
        }

        db.SessionTokens.Add(replacement);
        if (audienceGeneration is not null || sealedSecret is not null)
        {
            var session = await db.Sessions.FirstAsync(s => s.Id == replacement.SessionId, cancellationToken);
            session.AudienceLinkGeneration = audienceGeneration ?? session.AudienceLinkGeneration;
            session.LinkSecret = sealedSecret ?? session.LinkSecret;
        }

        if (noteTakerGeneration is { } noteTaker)
        {
            var group = await db.SessionGroups.FirstAsync(g => g.Id == noteTaker.GroupId, cancellationToken);
            group.NoteTakerLinkGeneration = noteTaker.Generation;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
