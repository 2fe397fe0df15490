namespace PadHub.Server.Persistence.Entities;

/// <summary>
/// A row of <c>AccessTokens</c>: a capability token grants <see cref="Role"/> on <see cref="PadId"/>. Only the SHA-256
/// hash of the token is stored; the plain token exists only in the link handed out once.
/// </summary>
/// <remarks>
/// Any number of tokens per pad, any role, revocable. Workshop-session links reach a whole session rather than one pad,
/// so they are <see cref="SessionTokenEntity"/> rows; a session's pads have no rows here.
/// </remarks>
public sealed class AccessTokenEntity
{
    /// <summary>SHA-256 of the token's ASCII characters (32 bytes); the primary key, so resolving a token is one index seek.</summary>
    public required byte[] TokenHash { get; init; }

    public required string PadId { get; init; }

    /// <summary>The pad role by name (<see cref="RoleColumns"/>), so adding a role needs no migration.</summary>
    public required string Role { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When set, the token no longer resolves.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
