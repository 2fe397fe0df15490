using Microsoft.EntityFrameworkCore;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence.Entities;

namespace PadHub.Server.Persistence;

/// <summary>
/// <see cref="ISessionStore"/> on EF Core: one short-lived (pooled) context per call, like <see cref="EfPadStore"/>. The
/// schedule and the animators are stored as JSON (<see cref="SessionPhasesJson"/>, <see cref="SessionJson"/>), roles by
/// name (<see cref="RoleColumns"/>), the timer's remaining time in milliseconds.
/// </summary>
public sealed class EfSessionStore(IDbContextFactory<PadHubDbContext> contextFactory) : ISessionStore
{
    public async Task CreateSessionAsync(StoredSession session, IReadOnlyList<string> padTexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(padTexts);
        if (padTexts.Count != session.Groups.Count || session.Announcements.Count != 0)
        {
            throw new ArgumentException("A new session has one pad text per group and no announcements.", nameof(session));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(ToRow(session));
        for (var i = 0; i < session.Groups.Count; i++)
        {
            var group = session.Groups[i];
            NewPadRows.Add(db, group.Group.PadId, Truncate(group.Group.Name, StoreLimits.MaxTitleLength), padTexts[i], session.CreatedAt);
            db.SessionGroups.Add(ToRow(session.SessionId, group));
        }

        db.SessionTokens.AddRange(session.Tokens.Select(t => ToRow(session.SessionId, t)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> AnySessionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AnyAsync(cancellationToken);
    }

    public async Task<string?> FindSessionIdAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionTokens.AsNoTracking()
            .Where(t => t.TokenHash == tokenHash && t.RevokedAt == null)
            .Select(t => t.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<StoredSession?> LoadAsync(string sessionId, int maxAnnouncements, CancellationToken cancellationToken = default)
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
            .OrderByDescending(a => a.Id).Take(maxAnnouncements).ToListAsync(cancellationToken);
        latest.Reverse();
        return new StoredSession(
            session.Id,
            session.Title,
            session.Description,
            session.AudienceCanEdit,
            session.Locked,
            SessionPhasesJson.Deserialize(session.Phases),
            new PhaseTimer(session.PhaseIndex, session.TimerRunning, session.TimerRunning ? session.TimerEndsAt : null,
                TimeSpan.FromMilliseconds(session.TimerRemainingMs)),
            session.LinkSecret,
            session.AudienceLinkGeneration,
            session.CreatedAt,
            [.. groups.Select(g => new StoredSessionGroup(
                new SessionGroup(g.Id, g.Number, g.Name, g.Topic, SessionJson.DeserializeNames(g.Animators), g.PadId, g.Rapporteur),
                g.NoteTakerLinkGeneration))],
            [.. tokens.Select(t => new StoredSessionToken(t.TokenHash, RoleColumns.ToSessionRole(t.Role), t.GroupId, t.CreatedAt))],
            [.. latest.Select(a => new Announcement(a.Id, a.GroupId, a.Text, a.SentAt))],
            session.Licence,
            session.CreditContributors,
            session.ResultsLinkGeneration,
            session.EndedAt is { } endedAt
                ? new SessionEnd(endedAt, [.. groups.Select(g => new SessionPadResult(g.Id, g.PadId, g.FinalRevision ?? 0))])
                : null,
            session.SpotlightGroupId is { } spotlightGroup ? new Spotlight(spotlightGroup, session.SpotlightConclusion) : null,
            session.Language);
    }

    public async Task SaveTimerAsync(string sessionId, PhaseTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var remainingMs = ToMilliseconds(timer.Remaining);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.PhaseIndex, timer.PhaseIndex)
                .SetProperty(x => x.TimerRunning, timer.Running)
                .SetProperty(x => x.TimerEndsAt, timer.EndsAt)
                .SetProperty(x => x.TimerRemainingMs, remainingMs),
            cancellationToken);
    }

    public async Task SaveLockedAsync(string sessionId, bool locked, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Locked, locked), cancellationToken);
    }

    public async Task AddAnnouncementAsync(string sessionId, Announcement announcement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Announcements.Add(new AnnouncementEntity
        {
            Id = announcement.AnnouncementId,
            SessionId = sessionId,
            GroupId = announcement.GroupId,
            Text = announcement.Text,
            SentAt = announcement.SentAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveRapporteurAsync(string sessionId, string groupId, string? rapporteur, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.SessionGroups.Where(g => g.Id == groupId && g.SessionId == sessionId)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.Rapporteur, rapporteur), cancellationToken);
    }

    public async Task SaveSpotlightAsync(string sessionId, Spotlight? spotlight, CancellationToken cancellationToken = default)
    {
        var groupId = spotlight?.GroupId;
        var conclusion = spotlight?.Conclusion;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.SpotlightGroupId, groupId).SetProperty(x => x.SpotlightConclusion, conclusion),
            cancellationToken);
    }

    public async Task SaveEndAsync(string sessionId, SessionEnd? ended, PhaseTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
        var groups = await db.SessionGroups.Where(g => g.SessionId == sessionId).ToListAsync(cancellationToken);
        var revisions = ended?.Pads.ToDictionary(p => p.GroupId, p => p.Revision, StringComparer.Ordinal);
        if (revisions is not null && groups.Any(g => !revisions.ContainsKey(g.Id)))
        {
            throw new ArgumentException("An end records every group's final revision.", nameof(ended));
        }

        session.EndedAt = ended?.EndedAt;
        session.Locked = ended is not null;
        session.PhaseIndex = timer.PhaseIndex;
        session.TimerRunning = timer.Running;
        session.TimerEndsAt = timer.EndsAt;
        session.TimerRemainingMs = ToMilliseconds(timer.Remaining);
        foreach (var group in groups)
        {
            group.FinalRevision = revisions?[group.Id];
        }

        // One SaveChanges: the end, the lock and every revision are recorded together or not at all.
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReplaceTokenAsync(SessionLinkReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var token = replacement.NewToken;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var old = await db.SessionTokens.FirstOrDefaultAsync(t => t.TokenHash == replacement.OldTokenHash, cancellationToken);
        if (old is not null)
        {
            old.RevokedAt = token.CreatedAt;
        }

        db.SessionTokens.Add(ToRow(replacement.SessionId, token));
        if (replacement.AudienceLinkGeneration is not null || replacement.SealedLinkSecret is not null || replacement.ResultsLinkGeneration is not null)
        {
            var session = await db.Sessions.FirstAsync(s => s.Id == replacement.SessionId, cancellationToken);
            session.AudienceLinkGeneration = replacement.AudienceLinkGeneration ?? session.AudienceLinkGeneration;
            session.ResultsLinkGeneration = replacement.ResultsLinkGeneration ?? session.ResultsLinkGeneration;
            session.LinkSecret = replacement.SealedLinkSecret ?? session.LinkSecret;
        }

        if (replacement.NoteTakerLinkGeneration is { } generation)
        {
            var groupId = token.GroupId ?? throw new ArgumentException("A note-taker link generation needs the new token's group.", nameof(replacement));
            var group = await db.SessionGroups.FirstAsync(g => g.Id == groupId, cancellationToken);
            group.NoteTakerLinkGeneration = generation;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static SessionEntity ToRow(StoredSession session) => new()
    {
        Id = session.SessionId,
        Title = session.Title,
        Description = session.Description,
        AudienceCanEdit = session.AudienceCanEdit,
        Locked = session.Locked,
        Phases = SessionPhasesJson.Serialize(session.Phases),
        PhaseIndex = session.Timer.PhaseIndex,
        TimerRunning = session.Timer.Running,
        TimerEndsAt = session.Timer.EndsAt,
        TimerRemainingMs = ToMilliseconds(session.Timer.Remaining),
        LinkSecret = session.SealedLinkSecret,
        AudienceLinkGeneration = session.AudienceLinkGeneration,
        CreatedAt = session.CreatedAt,
        Licence = session.Licence,
        CreditContributors = session.CreditContributors,
        ResultsLinkGeneration = session.ResultsLinkGeneration,
        EndedAt = session.Ended?.EndedAt,
        SpotlightGroupId = session.Spotlight?.GroupId,
        SpotlightConclusion = session.Spotlight?.Conclusion,
        Language = session.Language,
    };

    private static SessionGroupEntity ToRow(string sessionId, StoredSessionGroup stored) => new()
    {
        Id = stored.Group.GroupId,
        SessionId = sessionId,
        Number = stored.Group.Number,
        Name = stored.Group.Name,
        Topic = stored.Group.Topic,
        Animators = SessionJson.SerializeNames(stored.Group.Animators),
        PadId = stored.Group.PadId,
        NoteTakerLinkGeneration = stored.NoteTakerLinkGeneration,
        Rapporteur = stored.Group.Rapporteur,
    };

    private static SessionTokenEntity ToRow(string sessionId, StoredSessionToken token) => new()
    {
        TokenHash = token.TokenHash,
        SessionId = sessionId,
        Role = RoleColumns.From(token.Role),
        GroupId = token.GroupId,
        CreatedAt = token.CreatedAt,
    };

    // An integer column: SQL Server's time type stops at 24 h.
    private static long ToMilliseconds(TimeSpan duration) => (long)duration.TotalMilliseconds;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
