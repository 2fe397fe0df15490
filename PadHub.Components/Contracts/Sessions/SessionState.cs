namespace PadHub.Components.Contracts.Sessions;

/// <summary>A session's live state, as every view renders it. Immutable: a change publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Locked">Every pad of the session is read-only for everyone.</param>
/// <param name="Announcements">Most recent last (the last few only).</param>
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
    IReadOnlyList<Announcement> Announcements);
