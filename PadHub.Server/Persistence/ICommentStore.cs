namespace PadHub.Server.Persistence;

/// <summary>Where pads' comments are kept (<see cref="EfCommentStore"/>).</summary>
public interface ICommentStore
{
    /// <summary>A pad's comments, oldest first.</summary>
    Task<IReadOnlyList<StoredComment>> LoadCommentsAsync(string padId, CancellationToken cancellationToken = default);

    /// <summary>Adds one comment.</summary>
    Task AddCommentAsync(string padId, StoredComment comment, CancellationToken cancellationToken = default);

    /// <summary>Marks a thread (its first comment) resolved.</summary>
    Task ResolveCommentAsync(string padId, string commentId, CancellationToken cancellationToken = default);

    /// <summary>Writes moved anchors back, all in one transaction.</summary>
    Task SaveAnchorsAsync(string padId, IReadOnlyList<StoredAnchor> anchors, CancellationToken cancellationToken = default);
}
