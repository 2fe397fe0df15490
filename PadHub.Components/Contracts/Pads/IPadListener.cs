namespace PadHub.Components.Contracts.Pads;

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

    /// <summary>
    /// A comment was added or resolved: every comment of the pad with anchors at <see cref="PadComments.Revision"/>, which
    /// may be ahead of or behind the operations delivered so far (map them to your text once you have that revision).
    /// </summary>
    ValueTask OnCommentsChangedAsync(PadComments comments) => ValueTask.CompletedTask;
}
