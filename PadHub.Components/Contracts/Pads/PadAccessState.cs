namespace PadHub.Components.Contracts.Pads;

/// <summary>What a connection may do in its pad now. Changes live (lock, unlock, a revoked link, the audience setting).</summary>
/// <param name="Role">What the link grants now.</param>
/// <param name="CanWrite">Whether a Submit would be accepted now (an editor's link on an unlocked pad).</param>
/// <param name="Reason">Why the connection cannot write, for display; null when it can.</param>
/// <param name="Revoked">The link was revoked (regenerated): the connection is closed and must not reconnect with it.</param>
/// <param name="SessionEnded">The pad's session has ended: read-only for everyone until the moderator reopens it.</param>
public sealed record PadAccessState(PadRole Role, bool CanWrite, string? Reason, bool Revoked = false, bool SessionEnded = false)
{
    /// <summary>The access of a pad's own link, which never changes.</summary>
    public static PadAccessState For(PadRole role) =>
        role == PadRole.Editor ? new(role, true, null) : new(role, false, "This link only allows following the pad.");
}
