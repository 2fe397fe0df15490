namespace PadHub.Server.Persistence.Entities;

/// <summary>
/// A row of <c>Sessions</c>: a workshop session, its schedule and its live facilitation state (timer, lock). The
/// session's groups, capability tokens and announcements are rows of their own tables.
/// </summary>
public sealed class SessionEntity
{
    /// <summary>Guid version 7 in "N" format, like pad ids.</summary>
    public required string Id { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required bool AudienceCanEdit { get; set; }

    /// <summary>Every pad of the session is read-only for everyone.</summary>
    public required bool Locked { get; set; }

    /// <summary>The schedule as compact JSON, <c>[{"name":"Introduction","ms":900000},...]</c> (see <c>SessionPhasesJson</c>).</summary>
    public required string Phases { get; set; }

    /// <summary>Index of the current phase in <see cref="Phases"/>.</summary>
    public required int PhaseIndex { get; set; }

    public required bool TimerRunning { get; set; }

    /// <summary>When the running phase ends (server UTC); null when the timer is not running.</summary>
    public DateTimeOffset? TimerEndsAt { get; set; }

    /// <summary>Milliseconds left when the timer is not running (an integer: SQL Server's <c>time</c> stops at 24 h).</summary>
    public required long TimerRemainingMs { get; set; }

    /// <summary>
    /// The session's link secret (from which the audience and note-taker tokens are derived), encrypted with a key
    /// derived from the moderator token (AES-GCM: nonce, ciphertext, tag). Only the moderator's link can open it.
    /// </summary>
    public required byte[] LinkSecret { get; set; }

    /// <summary>Bumped when the audience link is regenerated (the token is derived from the secret and this number).</summary>
    public required int AudienceLinkGeneration { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The SPDX id of the licence the session's outputs are published under.</summary>
    public required string Licence { get; set; }

    /// <summary>Exports credit contributors by display name instead of pseudonyms.</summary>
    public required bool CreditContributors { get; set; }

    /// <summary>Bumped when the results link is regenerated (the token is derived from the secret and this number).</summary>
    public required int ResultsLinkGeneration { get; set; }

    /// <summary>When the session ended; null while it runs (each group's final revision is on its row).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The group in the spotlight on every audience page, or null.</summary>
    public string? SpotlightGroupId { get; set; }

    /// <summary>The conclusion in the spotlight (its text), or null for the whole group.</summary>
    public string? SpotlightConclusion { get; set; }

    /// <summary>The session's language (<c>en</c>, <c>fr</c>): its template pads and its exports' texts.</summary>
    public required string Language { get; set; }
}
