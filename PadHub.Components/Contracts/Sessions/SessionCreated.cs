namespace PadHub.Components.Contracts.Sessions;

/// <summary>A created session and every one of its capability tokens (plain, returned only here and on regeneration).</summary>
/// <param name="ResultsToken">The results link's token (<c>/r/{token}</c>): reads the outputs, never writes.</param>
public sealed record SessionCreated(string SessionId, string Title, string ModeratorToken, string AudienceToken, IReadOnlyList<GroupLinks> Groups, string ResultsToken = "");
