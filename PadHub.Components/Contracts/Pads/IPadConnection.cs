using PadHub.Core.Operations;

namespace PadHub.Components.Contracts.Pads;

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
    /// The client left the pad, or the server closed the membership (its link was revoked or replaced): every further
    /// call is refused, and the membership does not stand in the way of joining again with another link.
    /// </summary>
    bool IsClosed => false;

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

    /// <summary>
    /// The pad as it was at <paramref name="revision"/> (0 to the head), with authorship and time; read and rebuilt outside
    /// the pad's commit loop. Any joined connection may read; rate-limited with the other revision calls.
    /// </summary>
    /// <exception cref="PadException"><c>stale-revision</c> for a revision out of range; <c>rate-limited</c>.</exception>
    Task<PadRevision> GetRevisionAsync(int revision, CancellationToken cancellationToken = default);

    /// <summary>What changed from <paramref name="fromRevision"/> to <paramref name="toRevision"/> (from at most to), with authors.</summary>
    /// <exception cref="PadException"><c>stale-revision</c> for a revision out of range; <c>invalid-op</c> when from is after to; <c>rate-limited</c>.</exception>
    Task<PadDiff> GetDiffAsync(int fromRevision, int toRevision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Names a revision (or renames it) as this client's author. Needs write access now, like a submit: a viewer, an
    /// audience without edit rights or a locked session pad is refused.
    /// </summary>
    /// <exception cref="PadException"><c>forbidden</c>; <c>invalid-op</c> for an empty name or one with control characters;
    /// <c>too-large</c> for a name over <see cref="PadNamedRevision.MaxNameLength"/> or a pad with
    /// <see cref="PadNamedRevision.MaxPerPad"/> names already; <c>stale-revision</c>; <c>rate-limited</c>.</exception>
    Task<PadNamedRevision> NameRevisionAsync(int revision, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores <paramref name="revision"/> as a NEW revision on top of the head, authored by this client: the whole text,
    /// or only the passage [<paramref name="passageFrom"/>, <paramref name="passageTo"/>) of that revision's text (UTF-16 offsets) when
    /// both are given. Computed in the pad's serial order and transformed like any edit, so concurrent typists lose
    /// nothing and the restore itself can be undone. Returns the revision it produced (the head when nothing differs).
    /// Needs a note-taker's, the moderator's or a stand-alone pad's edit link: viewers and audience members are refused
    /// even when the session lets the audience write. What comes back is <see cref="PadHub.Core.Operations.RevisionRestore"/>'s
    /// definition (docs/PROTOCOL.md, "Restoring a revision"): the whole revision's text, or the passage reading again as in
    /// that revision with everything typed elsewhere since kept. Rate-limited with the other revision calls.
    /// </summary>
    /// <exception cref="PadException"><c>forbidden</c> (also a locked session pad, checked in the pad's serial order);
    /// <c>stale-revision</c> for a revision out of range; <c>invalid-op</c> for only one of the passage's ends, or a passage
    /// that is empty, outside that revision's text or splits a surrogate pair; <c>too-large</c> past the restore's work
    /// bound or the operation limits; <c>rate-limited</c>.</exception>
    Task<int> RestoreRevisionAsync(int revision, int? passageFrom, int? passageTo, CancellationToken cancellationToken = default);

    /// <summary>The pad's named revisions, in revision order. Any joined connection may read; rate-limited.</summary>
    Task<IReadOnlyList<PadNamedRevision>> GetNamedRevisionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Shares this client's caret or selection (made at <paramref name="revision"/>) with the others.</summary>
    Task UpdateCaretAsync(int revision, int anchor, int head, CancellationToken cancellationToken = default);

    /// <summary>
    /// Comments on a passage, or replies (<see cref="PadCommentRequest.ReplyTo"/>). Editors of a stand-alone pad, a session's
    /// note-takers and moderator always; the audience when the session lets it comment. Returns the new comment's id.
    /// </summary>
    /// <exception cref="PadException"><c>forbidden</c>; <c>invalid-op</c> for a passage outside the text, an empty passage or
    /// text, an unknown <c>replyTo</c>; <c>too-large</c> for a text over <see cref="PadComment.MaxTextLength"/> or a pad with
    /// <see cref="PadComment.MaxPerPad"/> comments; <c>stale-revision</c>; <c>rate-limited</c>.</exception>
    Task<string> AddCommentAsync(PadCommentRequest request, CancellationToken cancellationToken = default) =>
        throw new PadException(PadErrorCodes.Forbidden, "Comments are not available on this connection.");

    /// <summary>Resolves a comment's thread: editors of a stand-alone pad, a session's note-takers and moderator.</summary>
    /// <exception cref="PadException"><c>forbidden</c>; <c>invalid-op</c> for an unknown comment; <c>rate-limited</c>.</exception>
    Task ResolveCommentAsync(string commentId, CancellationToken cancellationToken = default) =>
        throw new PadException(PadErrorCodes.Forbidden, "Comments are not available on this connection.");

    /// <summary>Every comment of the pad, anchors at the revision the answer names. Any joined connection may read.</summary>
    Task<PadComments> GetCommentsAsync(CancellationToken cancellationToken = default) =>
        throw new PadException(PadErrorCodes.Forbidden, "Comments are not available on this connection.");

    /// <summary>What this connection may do with comments now.</summary>
    PadCommentRights CommentRights => PadCommentRights.None;
}
