using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Comments;

/// <summary>
/// One pad's comments: their text, threads, state and anchors, moved through every committed operation. Async with
/// records in and out, so a grain per pad could implement it. Callers have checked the link's rights already.
/// </summary>
public interface IPadComments
{
    /// <summary>Every comment, anchors at the revision the answer names.</summary>
    Task<PadComments> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a comment or reply; returns its id.</summary>
    /// <exception cref="PadException"><c>invalid-op</c>, <c>too-large</c>, <c>stale-revision</c> as <see cref="IPadConnection.AddCommentAsync"/>.</exception>
    Task<string> AddAsync(PadCommentCommand command, CancellationToken cancellationToken = default);

    /// <summary>Resolves the thread of <paramref name="commentId"/> (resolving it again changes nothing).</summary>
    /// <exception cref="PadException"><c>invalid-op</c> for an unknown comment.</exception>
    Task ResolveAsync(string commentId, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onChanged"/> after each added or resolved comment; dispose to stop.</summary>
    IDisposable Subscribe(Action<PadComments> onChanged);
}
