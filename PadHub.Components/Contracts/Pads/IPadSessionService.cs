namespace PadHub.Components.Contracts.Pads;

/// <summary>
/// The application service both adapters use: the editor component through its circuit and the <c>/hubs/pad</c> hub
/// for programmatic clients. The host implements it on top of the pad authority.
/// </summary>
public interface IPadSessionService
{
    /// <summary>
    /// Joins a pad with a link's token. <paramref name="listener"/> then receives, in revision order, every operation
    /// committed after <see cref="PadJoined.Revision"/> except the connection's own, and presence changes.
    /// Dispose the connection to leave.
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> for an unknown or revoked token; <c>invalid-op</c> for a client id
    /// that is not 32-64 characters of A-Z a-z 0-9 - _; <c>forbidden</c> (with <see cref="PadException.ClientIdInUse"/>)
    /// for a client id first used on the pad with the other role; <c>rate-limited</c> for joins faster than the limit.</exception>
    Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default);
}
