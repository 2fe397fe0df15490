namespace PadHub.Components.Contracts.Sessions;

/// <summary>Everything needed to create a session and all its pads at once (the home page form and <c>POST /api/sessions</c>).</summary>
/// <param name="Title">The session's title.</param>
/// <param name="Description">Optional longer description (Markdown).</param>
/// <param name="Groups">1 to <see cref="SessionLimits.MaxGroups"/> groups, each getting one pad.</param>
/// <param name="Phases">The schedule; null or empty takes <see cref="SessionDefaults.Phases"/>.</param>
/// <param name="AudienceCanEdit">Whether audience links may edit the pads or only follow them.</param>
/// <param name="Licence">SPDX id from <see cref="SessionLicences.All"/>; null takes <see cref="SessionLicences.Default"/>.</param>
/// <param name="CreditContributors">Credit contributors by display name in the exports instead of pseudonyms.</param>
/// <param name="Language">The language (<c>en</c>, <c>fr</c>) of the default pad template, the default schedule and the exports' texts; null takes <c>en</c>.</param>
/// <param name="PadTemplate">Markdown every pad starts with; null takes <see cref="SessionDefaults.PadTemplate"/>. <c>{topic}</c> and <c>{group}</c> are replaced.</param>
public sealed record CreateSessionRequest(
    string Title,
    string? Description,
    IReadOnlyList<GroupDefinition> Groups,
    IReadOnlyList<SessionPhase>? Phases = null,
    bool AudienceCanEdit = false,
    string? PadTemplate = null,
    string? Licence = null,
    bool CreditContributors = false,
    string? Language = null);
