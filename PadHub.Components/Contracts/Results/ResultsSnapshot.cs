using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Contracts.Results;

/// <summary>A session's results at one moment: what the results page shows and every export is written from.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Version">The session state's version the snapshot was taken at.</param>
/// <param name="Phases">The schedule.</param>
/// <param name="Licence">The licence the outputs are published under.</param>
/// <param name="CreatedAt">When the session was created.</param>
/// <param name="EndedAt">When the session ended (the recorded result), or null while it is in progress (the live state).</param>
/// <param name="TakenAt">When the snapshot was taken (server clock).</param>
/// <param name="CreditContributors">Contributors appear by display name; otherwise as "Contributor N".</param>
/// <param name="Groups">Every group in number order, each with its pad.</param>
/// <param name="Language">The session's language: the exports' texts are in it.</param>
public sealed record ResultsSnapshot(
    string SessionId,
    long Version,
    string Title,
    string? Description,
    IReadOnlyList<SessionPhase> Phases,
    SessionLicence Licence,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset TakenAt,
    bool CreditContributors,
    IReadOnlyList<ResultsGroup> Groups,
    string Language = SessionDefaults.Language)
{
    /// <summary>The session has ended: the snapshot is its recorded result and never changes.</summary>
    public bool Ended => EndedAt is not null;
}
