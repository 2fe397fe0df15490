using PadHub.Core.Operations;

namespace PadHub.Components.Pads;

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

/// <summary>One client's membership of one pad (one per circuit editor or hub join).</summary>
public interface IPadConnection : IAsyncDisposable
{
    /// <summary>The pad's state when the client joined.</summary>
    PadJoined Joined { get; }

    /// <summary>
    /// What one submitted operation may be: parse the client's operation with these (<see cref="TextOperation.Parse(string, OperationLimits)"/>)
    /// so an oversized one is refused before it is built.
    /// </summary>
    OperationLimits Limits => OperationLimits.Default;

    /// <summary>
    /// Submits an operation made against <paramref name="baseRevision"/>. Returns the revision it produced once it is
    /// durable. Resubmitting an already-committed <paramref name="seq"/> returns its original revision and commits nothing.
    /// </summary>
    /// <exception cref="PadException">With a code from <see cref="PadErrorCodes"/>; nothing was committed.</exception>
    Task<int> SubmitAsync(long seq, int baseRevision, TextOperation operation, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page (at most 1,000) of the operations committed after <paramref name="fromRevision"/>, in order; when
    /// <see cref="PadHistoryPage.HasMore"/>, ask again from the last one's revision. Rate-limited like submits.
    /// </summary>
    Task<PadHistoryPage> GetHistoryAsync(int fromRevision, CancellationToken cancellationToken = default);

    /// <summary>Shares this client's caret or selection (made at <paramref name="revision"/>) with the others.</summary>
    Task UpdateCaretAsync(int revision, int anchor, int head, CancellationToken cancellationToken = default);
}

/// <summary>Receives a connection's events. Calls for one connection never overlap and come in order.</summary>
public interface IPadListener
{
    /// <summary>An operation someone else committed, in strict revision order.</summary>
    ValueTask OnOperationAppliedAsync(PadOperationEvent operation);

    /// <summary>The connection fell too far behind and dropped events: fetch history from <paramref name="fromRevision"/> or rejoin.</summary>
    ValueTask OnResyncRequiredAsync(int fromRevision);

    /// <summary>The set of participants changed.</summary>
    ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants);

    /// <summary>Someone moved their caret or selection.</summary>
    ValueTask OnCaretMovedAsync(PadCaret caret);

    /// <summary>
    /// What this connection may do changed (the pad was locked or unlocked, the audience setting changed, or its link was
    /// revoked, in which case the connection is closed after this call).
    /// </summary>
    ValueTask OnAccessChangedAsync(PadAccessState access) => ValueTask.CompletedTask;
}
