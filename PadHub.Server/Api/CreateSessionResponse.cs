namespace PadHub.Server.Api;

/// <summary>A created session and every link (the tokens are returned only here and by the share page).</summary>
public sealed record CreateSessionResponse(
    string SessionId,
    string Title,
    string ModeratorUrl,
    string ShareUrl,
    string AudienceUrl,
    string ModeratorToken,
    string AudienceToken,
    IReadOnlyList<CreatedSessionGroup> Groups,
    string ResultsUrl,
    string ResultsToken);
