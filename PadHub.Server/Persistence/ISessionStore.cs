using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>
/// Durable storage of workshop sessions, their groups, links and announcements (EF Core, like <see cref="IPadStore"/>).
/// Every method is one short unit of work.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// Writes the session, every group's pad (with its revision-0 snapshot, the text attributed to
    /// <see cref="SystemAuthor"/>), the groups and the session's tokens in ONE transaction: all of it exists, or none. The
    /// pads get no pad-level tokens: the session's links are their only way in. <paramref name="padTexts"/>[i] is the
    /// initial text of <c>session.Groups[i]</c>'s pad; a new session has no announcements.
    /// </summary>
    Task CreateSessionAsync(StoredSession session, IReadOnlyList<string> padTexts, CancellationToken cancellationToken = default);

    /// <summary>Whether any session exists.</summary>
    Task<bool> AnySessionAsync(CancellationToken cancellationToken = default);

    /// <summary>The session a live (not revoked) token belongs to, or null.</summary>
    Task<string?> FindSessionIdAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The session with its groups, live tokens and latest <paramref name="maxAnnouncements"/> announcements, or null.</summary>
    Task<StoredSession?> LoadAsync(string sessionId, int maxAnnouncements, CancellationToken cancellationToken = default);

    /// <summary>Saves the phase timer (the current phase, and whether and until when it runs).</summary>
    Task SaveTimerAsync(string sessionId, PhaseTimer timer, CancellationToken cancellationToken = default);

    /// <summary>Saves whether every pad of the session is read-only.</summary>
    Task SaveLockedAsync(string sessionId, bool locked, CancellationToken cancellationToken = default);

    /// <summary>Saves whether audience links may comment on the session's pads.</summary>
    Task SaveAudienceCanCommentAsync(string sessionId, bool audienceCanComment, CancellationToken cancellationToken = default);

    /// <summary>Adds an announcement to the session.</summary>
    Task AddAnnouncementAsync(string sessionId, Announcement announcement, CancellationToken cancellationToken = default);

    /// <summary>Saves (or clears, with null) who presents a group's conclusions.</summary>
    Task SaveRapporteurAsync(string sessionId, string groupId, string? rapporteur, CancellationToken cancellationToken = default);

    /// <summary>Saves (or clears, with null) what the audience pages show prominently.</summary>
    Task SaveSpotlightAsync(string sessionId, Spotlight? spotlight, CancellationToken cancellationToken = default);

    /// <summary>Saves (or clears, with null) the session's social feed settings.</summary>
    Task SaveFeedAsync(string sessionId, SessionFeedSettings? feed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the session's end in one transaction: with <paramref name="ended"/> the pads locked, the end time, each
    /// group's final revision and <paramref name="timer"/>; with null (reopened) the pads unlocked and every recorded
    /// revision cleared, the timer as given.
    /// </summary>
    Task SaveEndAsync(string sessionId, SessionEnd? ended, PhaseTimer timer, CancellationToken cancellationToken = default);

    /// <summary>Revokes the old token and adds the new one with its bookkeeping, in one transaction.</summary>
    Task ReplaceTokenAsync(SessionLinkReplacement replacement, CancellationToken cancellationToken = default);
}
