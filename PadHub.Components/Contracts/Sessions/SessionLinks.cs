namespace PadHub.Components.Contracts.Sessions;

/// <summary>Every link of a session, as the moderator's share page lists them (plain tokens).</summary>
/// <param name="ResultsToken">The results link's token (<c>/r/{token}</c>): reads the outputs, never writes.</param>
public sealed record SessionLinks(string SessionId, string Title, string ModeratorToken, string AudienceToken, IReadOnlyList<GroupLinks> Groups, string ResultsToken = "");
