namespace PadHub.Components.Contracts.Pads;

/// <summary>One view's following of a pad's comments (<see cref="IPadCommentService.WatchAsync"/>).</summary>
public interface IPadCommentWatch : IDisposable
{
    /// <summary>The comments as the watch started.</summary>
    PadComments Initial { get; }

    /// <summary>What the link may do with the comments now (checked again on the server at every call).</summary>
    Task<PadCommentRights> GetRightsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a comment or reply as <paramref name="displayName"/> (this view's author); returns its id.</summary>
    /// <exception cref="PadException">As <see cref="IPadConnection.AddCommentAsync"/>.</exception>
    Task<string> AddAsync(PadCommentRequest request, string? displayName, CancellationToken cancellationToken = default);

    /// <summary>Resolves the thread of <paramref name="commentId"/>.</summary>
    /// <exception cref="PadException">As <see cref="IPadConnection.ResolveCommentAsync"/>.</exception>
    Task ResolveAsync(string commentId, CancellationToken cancellationToken = default);
}
