namespace PadHub.Server.Api;

/// <summary>The body of <c>POST /api/sessions/links/{kind}</c>: the moderator's link (the capability) and, for a note-taker link, its group.</summary>
public sealed record ReplaceSessionLinkBody(string? ModeratorToken, string? GroupId);
