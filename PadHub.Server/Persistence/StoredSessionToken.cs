using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>A session link as stored: only the SHA-256 of the token, what it grants, and when it was made.</summary>
/// <param name="GroupId">The note-taker's group; null for the moderator and the audience.</param>
public sealed record StoredSessionToken(byte[] TokenHash, SessionRole Role, string? GroupId, DateTimeOffset CreatedAt);
