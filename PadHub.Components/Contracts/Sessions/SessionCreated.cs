namespace PadHub.Components.Contracts.Sessions;

/// <summary>A created session and every one of its capability tokens (plain, returned only here and on regeneration).</summary>
public sealed record SessionCreated(string SessionId, string Title, string ModeratorToken, string AudienceToken, IReadOnlyList<GroupLinks> Groups);
