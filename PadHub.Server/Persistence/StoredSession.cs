using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>
/// A workshop session as stored: its settings, schedule, timer and link bookkeeping, its groups (by number), its live
/// (not revoked) tokens and its latest announcements (oldest first).
/// </summary>
/// <param name="SealedLinkSecret">The secret the audience and note-taker links derive from, sealed under the moderator token.</param>
/// <param name="AudienceLinkGeneration">Bumped when the audience link is regenerated.</param>
public sealed record StoredSession(
    string SessionId,
    string Title,
    string? Description,
    bool AudienceCanEdit,
    bool Locked,
    IReadOnlyList<SessionPhase> Phases,
    PhaseTimer Timer,
    byte[] SealedLinkSecret,
    int AudienceLinkGeneration,
    DateTimeOffset CreatedAt,
    IReadOnlyList<StoredSessionGroup> Groups,
    IReadOnlyList<StoredSessionToken> Tokens,
    IReadOnlyList<Announcement> Announcements);
