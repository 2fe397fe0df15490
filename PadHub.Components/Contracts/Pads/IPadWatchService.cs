namespace PadHub.Components.Contracts.Pads;

/// <summary>
/// Read-only live mirrors of pads for the dashboard, the audience page and a pad's view page. The server keeps ONE mirror per pad however
/// many views watch it, and watching does not make anyone appear in the pad's presence list.
/// </summary>
public interface IPadWatchService
{
    /// <summary>
    /// Watches a pad of a session with any token of that session that may read it (moderator, audience, or the
    /// group's note-taker). <paramref name="onChanged"/> is called after the pad changes (text, participants, activity);
    /// the service paces it (at most ~10 calls a second, the last change always followed by a call) and never calls it
    /// concurrently, so a view simply renders each call.
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> for an unknown token, <c>forbidden</c> when it cannot read this pad.</exception>
    Task<IPadWatch> WatchAsync(string token, string padId, Func<ValueTask> onChanged, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches the stand-alone pad that its own link (edit or view: the <c>/v/{token}</c> page) names; the watch's
    /// <see cref="IPadWatch.Current"/> tells which pad. Otherwise as <see cref="WatchAsync"/>.
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> when the token is no pad's own live link.</exception>
    Task<IPadWatch> WatchPadLinkAsync(string token, Func<ValueTask> onChanged, CancellationToken cancellationToken = default);
}
