namespace PadHub.Components.Contracts.Sessions;

/// <summary>A session's live state, as every view renders it. Immutable: a change publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Locked">Every pad of the session is read-only for everyone.</param>
/// <param name="Announcements">Most recent last (the last few only).</param>
/// <param name="Licence">The SPDX id of the licence the session's outputs are published under (one of <see cref="SessionLicences.All"/>).</param>
/// <param name="CreditContributors">Exports credit contributors by display name; otherwise they are pseudonymised ("Contributor 1"...).</param>
/// <param name="CreatedAt">When the session was created.</param>
/// <param name="Ended">Set while the session is ended: every pad is locked and its final revision recorded as the result.</param>
/// <param name="Spotlight">What the moderator has put in the spotlight on every audience page, or null.</param>
/// <param name="Language">The session's language (<c>en</c>, <c>fr</c>): its template pads and its exports' texts.</param>
public sealed record SessionState(
    string SessionId,
    long Version,
    string Title,
    string? Description,
    IReadOnlyList<SessionPhase> Phases,
    PhaseTimer Timer,
    bool Locked,
    bool AudienceCanEdit,
    IReadOnlyList<SessionGroup> Groups,
    IReadOnlyList<Announcement> Announcements,
    string Licence = SessionLicences.Default,
    bool CreditContributors = false,
    DateTimeOffset CreatedAt = default,
    SessionEnd? Ended = null,
    Spotlight? Spotlight = null,
    string Language = SessionDefaults.Language);
