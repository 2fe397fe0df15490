namespace PadHub.Server.Persistence.Entities;

/// <summary>
/// A row of <c>SessionTokens</c>: a session link (moderator, note-taker of a group, audience). Only the SHA-256 of the
/// token is stored, as the key, exactly like <see cref="AccessTokenEntity"/>.
/// </summary>
public sealed class SessionTokenEntity
{
    /// <summary>SHA-256 of the token (32 bytes); the primary key, so resolving a token is one index seek.</summary>
    public required byte[] TokenHash { get; init; }

    public required string SessionId { get; init; }

    /// <summary>The session role by name (<see cref="RoleColumns"/>).</summary>
    public required string Role { get; init; }

    /// <summary>The note-taker's group; null for the moderator and the audience.</summary>
    public string? GroupId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When set (the link was regenerated), the token no longer resolves.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
