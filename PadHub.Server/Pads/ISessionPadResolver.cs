using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads;

/// <summary>
/// Resolves workshop-session links for the pad path (<see cref="PadSessionService"/>): which pad a session token may
/// open and what it may do there, checked live at every call.
/// </summary>
internal interface ISessionPadResolver
{
    /// <summary>
    /// The gate of <paramref name="token"/> onto <paramref name="padId"/> (or, for a note-taker link without a pad id,
    /// its group's pad); null when the token is not a live session token.
    /// </summary>
    /// <exception cref="PadException"><c>invalid-op</c> when a moderator or audience link names no pad; <c>forbidden</c> for a pad outside the link's reach.</exception>
    Task<ISessionPadGate?> ResolveAsync(string token, string? padId, CancellationToken cancellationToken);
}
