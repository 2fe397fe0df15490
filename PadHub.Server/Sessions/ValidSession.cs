using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>A <see cref="CreateSessionRequest"/> checked and normalised (trimmed, LF line endings, defaults applied).</summary>
internal sealed record ValidSession(
    string Title,
    string? Description,
    IReadOnlyList<GroupDefinition> Groups,
    IReadOnlyList<SessionPhase> Phases,
    bool AudienceCanEdit,
    IReadOnlyList<string> PadTexts,
    string Licence,
    bool CreditContributors,
    string Language);
