namespace PadHub.Server.Api;

/// <summary>The body of <c>POST /api/sessions</c>; every field is checked and reported by name.</summary>
public sealed record CreateSessionBody(
    string? Title,
    string? Description,
    IReadOnlyList<CreateSessionGroupBody?>? Groups,
    IReadOnlyList<CreateSessionPhaseBody?>? Phases,
    bool? AudienceCanEdit,
    string? PadTemplate,
    string? Licence = null,
    bool? CreditContributors = null,
    string? Language = null);
