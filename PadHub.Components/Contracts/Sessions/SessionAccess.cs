namespace PadHub.Components.Contracts.Sessions;

/// <summary>What a session token grants now.</summary>
/// <param name="GroupId">The note-taker's group; null for the moderator and the audience.</param>
public sealed record SessionAccess(string SessionId, SessionRole Role, string? GroupId);
