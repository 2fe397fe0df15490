using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>A live session token: what it grants, and whether it was revoked (checked at every call).</summary>
internal sealed class SessionGrant(string key, byte[] hash, SessionRole role, string? groupId)
{
    private volatile bool _revoked;

    /// <summary>Hex of the token's SHA-256.</summary>
    public string Key { get; } = key;

    public byte[] Hash { get; } = hash;

    public SessionRole Role { get; } = role;

    public string? GroupId { get; } = groupId;

    public bool Revoked => _revoked;

    public void Revoke() => _revoked = true;
}
