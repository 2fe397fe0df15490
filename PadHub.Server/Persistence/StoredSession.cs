using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>
/// A workshop session as stored: its settings, schedule, timer and link bookkeeping, its groups (by number), its live
/// (not revoked) tokens and its latest announcements (oldest first).
/// </summary>
/// <param name="SealedLinkSecret">The secret the audience and note-taker links derive from, sealed under the moderator token.</param>
/// <param name="AudienceLinkGeneration">Bumped when the audience link is regenerated.</param>
/// <param name="Licence">The SPDX id of the outputs' licence.</param>
/// <param name="CreditContributors">Exports credit contributors by display name.</param>
/// <param name="ResultsLinkGeneration">Bumped when the results link is regenerated.</param>
/// <param name="Ended">The recorded end (every group's pad and final revision), or null while the session runs.</param>
/// <param name="Spotlight">What the audience pages show prominently, or null.</param>
/// <param name="Language">The session's language (<c>en</c>, <c>fr</c>).</param>
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
    IReadOnlyList<Announcement> Announcements,
    string Licence = SessionLicences.Default,
    bool CreditContributors = false,
    int ResultsLinkGeneration = 0,
    SessionEnd? Ended = null,
    Spotlight? Spotlight = null,
    string Language = SessionDefaults.Language);
