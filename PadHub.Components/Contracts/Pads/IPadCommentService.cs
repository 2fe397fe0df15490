namespace PadHub.Components.Contracts.Pads;

/// <summary>
/// Follows and writes a pad's comments through a link, for the views that do not join the pad (the dashboard, the
/// audience page). Every call checks the link again on the server; the editor uses its <see cref="IPadConnection"/>.
/// </summary>
public interface IPadCommentService
{
    /// <summary>
    /// Follows the comments of <paramref name="padId"/> with <paramref name="token"/> (any session link reaching the pad,
    /// or the pad's own link). <paramref name="onChanged"/> is called after every added or resolved comment, and (at most a
    /// few times a second) when edits move the anchors; dispose the result to stop.
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> for an unknown link; <c>forbidden</c> for a pad out of its reach.</exception>
    Task<IPadCommentWatch> WatchAsync(string token, string padId, Action<PadComments> onChanged, CancellationToken cancellationToken = default);
}
